package org.hotline8890.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * A RabbitMQ node of the test's own (node name, AMQP and distribution ports, Mnesia and log
 * directories, no plugins), started from RabbitMQ's own script so the suite can stop and start it
 * without touching the shared broker. Its data survives a restart: durable queues and persistent
 * messages come back as they would on a production broker.
 */
final class PrivateRabbitMq implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final Path server;
    private final int port;
    private final int distributionPort;
    private final String nodeName;
    private Process process;

    private PrivateRabbitMq(Path dir) {
        this.dir = dir;
        // The packaged /usr/sbin wrapper switches to the rabbitmq user and its fixed directories; the
        // script under /usr/lib runs as we are, with the directories given below.
        this.server = ServerProcesses.binary("the RabbitMQ server", "apt-get install rabbitmq-server",
                "/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server");
        this.port = ServerProcesses.freePort();
        this.distributionPort = ServerProcesses.freePort();
        this.nodeName = "hotline-faults-" + port + "@localhost";
    }

    static PrivateRabbitMq start() throws Exception {
        Path dir = Files.createTempDirectory("hotline-faults-rabbitmq-");
        PrivateRabbitMq rabbit = new PrivateRabbitMq(dir);
        try {
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("mnesia"));
            Files.createDirectories(dir.resolve("log"));
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            // Empty: the machine's rabbitmq-env.conf names the shared node, which must not be ours.
            Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
            Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.default = 127.0.0.1:" + rabbit.port + "\n");
            rabbit.startServer();
        } catch (Exception | Error e) {
            rabbit.close();
            throw e;
        }
        return rabbit;
    }

    /** Starts the node (again, after {@link #stop}, on the same data and ports). */
    void startServer() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(server.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.resolve("home").toString());
        env.put("RABBITMQ_NODENAME", nodeName);
        env.put("RABBITMQ_NODE_PORT", String.valueOf(port));
        env.put("RABBITMQ_DIST_PORT", String.valueOf(distributionPort));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection c = connectionFactory().newConnection("faults-probe")) {
                return;
            } catch (Exception notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the private RabbitMQ did not open port " + port + ":\n"
                            + ServerProcesses.tail(dir.resolve("stdout.log"), 40));
                }
                Thread.sleep(500);
            }
        }
    }

    /** A clean shutdown (SIGTERM to the Erlang VM): durable queues and persistent messages stay. */
    void stop() {
        ServerProcesses.stop(process, 60);
        process = null;
    }

    int port() {
        return port;
    }

    ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(2000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    @Override
    public void close() {
        stop();
        ServerProcesses.deleteTree(dir);
    }
}
