package org.hotline8890.channels.twilio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Twilio's Messages API on a free local port, for tests that run the whole application with the SMS
 * channel pointed at it ({@code hotline.channels.twilio.api-base-url}): every request is recorded, and
 * each is answered 201 with a JSON body shaped like Twilio's, so the real SDK parses it as it would
 * parse Twilio's. Public because the phone tests in the Asterisk package send their SMS through it too.
 */
public final class TwilioMessagesApi implements AutoCloseable {

    /** The credentials and sender the application under test is configured with. */
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String FROM_NUMBER = "+15005550006";

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    /** One request as the API received it. */
    public record Sent(String method, String path, String authorization, Map<String, String> form) {

        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }
    }

    private final HttpServer server;
    private final List<Sent> received = new CopyOnWriteArrayList<>();

    private TwilioMessagesApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Sent sent = new Sent(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form(body));
            received.add(sent);
            byte[] answer = created(sent).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public static TwilioMessagesApi start() {
        try {
            return new TwilioMessagesApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for {@code hotline.channels.twilio.api-base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request so far, in the order received. */
    public List<Sent> received() {
        return List.copyOf(received);
    }

    /**
     * The texts sent to one number (E.164), in order. The test database is shared by every test
     * context, so the outbox may also hold other tests' messages: filter by recipient.
     */
    public List<Sent> textsTo(String e164) {
        return received.stream().filter(s -> e164.equals(s.to())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What Twilio answers to a created message: its SID, the echo of the request, and status queued. */
    private static String created(Sent sent) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        return """
                {"account_sid":"%s","api_version":"2010-04-01","body":"%s","date_created":"%s","date_sent":null,\
                "date_updated":"%s","direction":"outbound-api","error_code":null,"error_message":null,"from":"%s",\
                "messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,"price_unit":"USD",\
                "sid":"%s","status":"queued","subresource_uris":{"media":"/2010-04-01/Accounts/%s/Messages/%s/Media.json"},\
                "to":"%s","uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(ACCOUNT_SID, json(sent.body()), now, now, json(sent.form().get("From")), sid, ACCOUNT_SID,
                        sid, json(sent.to()), ACCOUNT_SID, sid);
    }

    private static String json(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
