package org.hotline8890.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB server of the test's own (data directory, socket and port), so that the suite can stop and
 * start it without touching the shared server other runs use. Root may log in over TCP without a
 * password: nothing but this test can reach 127.0.0.1 on its port, and the server is gone afterwards.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path installDb;
    private final Path mariadbd;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path dir) {
        this.dir = dir;
        this.mariadbd = ServerProcesses.binary("the MariaDB server", "apt-get install mariadb-server",
                "/usr/sbin/mariadbd", "/usr/bin/mariadbd");
        this.installDb = ServerProcesses.binary("mariadb-install-db", "apt-get install mariadb-server",
                "/usr/bin/mariadb-install-db", "/usr/sbin/mariadb-install-db");
        this.port = ServerProcesses.freePort();
    }

    /** Initialises a data directory and starts the server on a free port. */
    static PrivateMariaDb start() throws Exception {
        Path dir = Files.createTempDirectory("hotline-faults-mariadb-");
        PrivateMariaDb db = new PrivateMariaDb(dir);
        try {
            db.install();
            db.startServer();
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void install() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        if (ServerProcesses.runningAsRoot()) {
            // mariadbd refuses to run as root: it switches to mysql, which must own what it writes.
            run(List.of("chown", "-R", "mysql:mysql", dir.toString()));
        }
        List<String> command = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (ServerProcesses.runningAsRoot()) {
            command.add("--user=mysql");
        }
        run(command);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("hotline-faults-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + ServerProcesses.tail(log, 30));
        }
        Files.deleteIfExists(log);
    }

    /** Starts the server again on the same data and port (after {@link #stop}). */
    void startServer() throws Exception {
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--port=" + port, "--bind-address=127.0.0.1",
                "--log-error=" + errorLog(), "--skip-log-bin", "--innodb-buffer-pool-size=256M",
                "--max-connections=300", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
        if (ServerProcesses.runningAsRoot()) {
            command.add("--user=mysql");
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection c = connect("")) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the private MariaDB did not start on port " + port + ":\n"
                            + ServerProcesses.tail(errorLog(), 30) + "\n" + ServerProcesses.tail(dir.resolve("stdout.log"), 10));
                }
                Thread.sleep(250);
            }
        }
    }

    /** A clean shutdown (SIGTERM), as an operator's restart does; the data stays. */
    void stop() {
        ServerProcesses.stop(process, 60);
        process = null;
    }

    int port() {
        return port;
    }

    /** The production URL's options (README), on this server. */
    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sendFractionalSeconds=false&characterEncoding=UTF-8&nullDatabaseMeansCurrent=true";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "&connectTimeout=2000", "root", "");
    }

    /** Dropped and created again, as .ci/run does for its test database. */
    void freshDatabase(String name) throws SQLException {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private Path errorLog() {
        return dir.resolve("error.log");
    }

    @Override
    public void close() {
        stop();
        ServerProcesses.deleteTree(dir);
    }
}
