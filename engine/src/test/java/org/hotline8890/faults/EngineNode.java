package org.hotline8890.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One engine node: the engine jar in its production configuration (profiles mysql,rabbit) as an OS
 * process of its own, so that {@link #kill} is a real SIGKILL with nothing flushed or closed.
 */
final class EngineNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    /** Long enough for a health check that waits for the connection pool while the database is down. */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(40);

    private final String name;
    private final Path jar;
    private final Path log;
    private final Path workDir;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /** {@code arguments}: Spring properties of the test (e.g. {@code --camunda.bpm...}), each with its reason at the caller. */
    EngineNode(String name, PrivateMariaDb db, String database, PrivateRabbitMq rabbit, List<String> arguments)
            throws IOException {
        this.name = name;
        this.jar = engineJar();
        this.port = ServerProcesses.freePort();
        Path logs = Files.createDirectories(jar.getParent().resolve("faults"));
        this.log = logs.resolve(name + "-" + port + ".log");
        this.workDir = Files.createTempDirectory("hotline-faults-" + name + "-");
        this.arguments = List.copyOf(arguments);
        this.environment = Map.ofEntries(
                Map.entry("SPRING_PROFILES_ACTIVE", "mysql,rabbit"),
                Map.entry("PORT", String.valueOf(port)),
                Map.entry("HOTLINE_DB_URL", db.jdbcUrl(database)),
                Map.entry("HOTLINE_DB_USER", "root"),
                Map.entry("HOTLINE_DB_PASSWORD", ""),
                Map.entry("RABBITMQ_HOST", "127.0.0.1"),
                Map.entry("RABBITMQ_PORT", String.valueOf(rabbit.port())),
                Map.entry("RABBITMQ_USER", "guest"),
                Map.entry("RABBITMQ_PASSWORD", "guest"),
                // The demo organisation and logins (the agent API needs a login); its cases are told
                // apart from the test's by subject.
                Map.entry("HOTLINE_DEMO_DATA", "true"),
                Map.entry("HOTLINE_JOB_EXECUTION", "true"));
    }

    /** The jar the build made (the faults profile passes its path); the suite cannot run without it. */
    static Path engineJar() throws IOException {
        String configured = System.getProperty("hotline.faults.engine-jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path target = Path.of("target").toAbsolutePath();
        if (Files.isDirectory(target)) {
            try (Stream<Path> jars = Files.list(target)) {
                var found = jars.filter(p -> p.getFileName().toString().matches("hotline-engine-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().contains("-plain")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("the fault suite starts the engine jar, and there is none ("
                + configured + "): run it as `mvn -P faults verify`, which packages the engine first");
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Starts the node and waits until its readiness probe says UP. */
    void startAndAwaitReady() throws Exception {
        start();
        awaitReady(START_TIMEOUT);
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"UP".equals(readiness().status())) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + ServerProcesses.tail(log, 60));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + ServerProcesses.tail(log, 60));
            }
            Thread.sleep(500);
        }
    }

    /** What the node's readiness probe answers: UP, DOWN, or UNREACHABLE when it does not answer at all. */
    Health readiness() {
        return health("/actuator/health/readiness");
    }

    /** Whether the node should be restarted: only when the application itself is broken. */
    Health liveness() {
        return health("/actuator/health/liveness");
    }

    /** The whole health endpoint (every component; anonymous callers see only the overall status). */
    Health health() {
        return health("/actuator/health");
    }

    record Health(int httpStatus, String status, String body) {
        boolean down() {
            return "DOWN".equals(status) || "OUT_OF_SERVICE".equals(status);
        }
    }

    private Health health(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(HEALTH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\{\"status\":\"([A-Z_]+)\"").matcher(body);
            return new Health(response.statusCode(), m.find() ? m.group(1) : "UNKNOWN", body);
        } catch (IOException e) {
            return new Health(0, "UNREACHABLE", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(0, "UNREACHABLE", e.toString());
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpClient http() {
        return http;
    }

    /** SIGKILL: no shutdown hook, no last commit, no acknowledgement; what the node held is simply gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die from SIGKILL");
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        ServerProcesses.stop(process, 30);
        ServerProcesses.deleteTree(workDir);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
