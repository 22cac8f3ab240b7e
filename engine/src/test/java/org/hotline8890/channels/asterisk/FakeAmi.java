package org.hotline8890.channels.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asterisk's side of the Manager Interface: the banner, answers to the actions a client sends at
 * login (challenge, login, core settings), then whatever events a test sends, each as
 * {@code Key: Value} lines ending in a blank line.
 */
final class FakeAmi implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger logins = new AtomicInteger();
    private volatile Writer client;
    private volatile Socket connected;

    FakeAmi() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "fake-ami");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connected = socket;
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                write(out, "Asterisk Call Manager/5.0.1\r\n");
                client = out;
                Map<String, String> action;
                while ((action = readPacket(in)) != null) {
                    answer(out, action);
                }
            } catch (IOException closed) {
                // the client went away or the test is over
            }
        }
    }

    private void answer(Writer out, Map<String, String> action) throws IOException {
        String name = action.getOrDefault("action", "").toLowerCase();
        StringBuilder response = new StringBuilder("Response: Success\r\n");
        if (action.containsKey("actionid")) {
            response.append("ActionID: ").append(action.get("actionid")).append("\r\n");
        }
        switch (name) {
            case "challenge" -> response.append("Challenge: 840415273\r\n");
            case "login" -> response.append("Message: Authentication accepted\r\n");
            case "coresettings" -> response.append("AMIversion: 5.0.1\r\nAsteriskVersion: 18.20.0\r\nSystemName: test\r\n");
            default -> response.append("Message: OK\r\n");
        }
        write(out, response.append("\r\n").toString());
        if (name.equals("login")) {
            logins.incrementAndGet();
        }
    }

    private static Map<String, String> readPacket(BufferedReader in) throws IOException {
        Map<String, String> packet = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!packet.isEmpty()) {
                    return packet;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                packet.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
            }
        }
        return null;
    }

    /** Waits until the client has logged in at least {@code count} times in all. */
    boolean awaitLogins(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (logins.get() < count) {
            if (System.nanoTime() > giveUp) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    int logins() {
        return logins.get();
    }

    /** Asterisk goes away (a restart, a network cut): the connection drops without a word. */
    void dropConnection() throws IOException {
        connected.close();
    }

    /** Sends one event; {@code lines} are its {@code Key: Value} lines, the first being {@code Event: ...}. */
    void event(String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        write(client, text.append("\r\n").toString());
    }

    private static synchronized void write(Writer out, String text) throws IOException {
        out.write(text);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
