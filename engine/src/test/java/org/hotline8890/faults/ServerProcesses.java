package org.hotline8890.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the private servers and the engine nodes share: free ports, binaries, stopping a process tree. */
final class ServerProcesses {

    private ServerProcesses() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of the candidates that exists, or a failure that says what to install. */
    static Path binary(String what, String installHint, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String onPath = System.getenv().getOrDefault("PATH", "");
        for (String dir : onPath.split(":")) {
            for (String candidate : candidates) {
                Path path = Path.of(dir).resolve(Path.of(candidate).getFileName());
                if (!dir.isEmpty() && Files.isExecutable(path)) {
                    return path;
                }
            }
        }
        throw new IllegalStateException("the fault suite needs " + what + " (looked for " + List.of(candidates)
                + " and on PATH); install it: " + installHint);
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * SIGTERM to the process and everything it started (a start script's child is the real server),
     * then SIGKILL to whatever is left after the grace period.
     */
    static void stop(Process process, long graceSeconds) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        for (ProcessHandle handle : tree) {
            waitUntilGone(handle, deadline);
        }
        try {
            if (!process.waitFor(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void waitUntilGone(ProcessHandle handle, long deadline) {
        try {
            handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
