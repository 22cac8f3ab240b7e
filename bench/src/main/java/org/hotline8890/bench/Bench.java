package org.hotline8890.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entry point: {@code intake}, {@code lookup}, {@code burst}, {@code statistics} or {@code deadlines}; every
 * setting comes from the environment (the run scripts set them, docs/benchmarks.md lists them).
 */
public final class Bench {

    static final String[] CATEGORIES = {"URBAN.ROAD", "URBAN.SANITATION", "URBAN.STALL", "ENV.AIR",
            "ENV.NOISE", "HOUSING.PROPERTY", "HOUSING.CONSTRUCTION", "MARKET.CONSUMER", "MARKET.FOOD",
            "TRAFFIC.BUS", "TRAFFIC.TAXI", "LABOUR.WAGES", "LABOUR.SOCIAL"};
    static final String[] DISTRICTS = {"DC", "XC", "NH"};
    static final String[] TYPES = {"COMPLAINT", "HELP", "REPORT", "SUGGESTION", "CONSULTATION"};
    static final String[] PLACES = {"东华路", "人民路", "解放路", "西湖街道", "南山社区", "建设路", "幸福小区", "菜市场"};
    static final String[] PROBLEMS = {"井盖缺失，晚上很危险", "路灯坏了一个多星期", "夜间施工噪音扰民",
            "餐馆油烟直排", "公交车长时间不来", "物业乱收停车费", "拖欠工资三个月", "占道经营堵塞通行",
            "垃圾清运不及时，气味很大", "出租车拒载"};
    /** The same alphabet as the engine's QueryCodes. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    /** Marks the cases this tool submitted, so the drain check counts only them. */
    static final String SUBJECT_MARK = "BENCH ";
    static final String SEED_PREFIX = "8890S";

    private final String baseUrl = env("BENCH_URL", "http://127.0.0.1:8080");
    private final String jdbcUrl = env("BENCH_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/hotline_bench");
    private final String dbUser = env("BENCH_DB_USER", "hotline");
    private final String dbPassword = env("BENCH_DB_PASSWORD", "hotline");
    private final int seconds = Integer.parseInt(env("BENCH_SECONDS", "300"));
    // Two minutes: on two cores the JIT compilers take about that long to compile the request path,
    // and use a core and more while they do (docs/benchmarks.md, "Warm-up").
    private final int warmupSeconds = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "120"));
    private final int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "16"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String which = args.length == 1 ? args[0] : "";
        switch (which) {
            case "intake" -> new Bench().intake();
            case "lookup" -> new Bench().lookup();
            case "burst" -> Burst.run();
            case "statistics" -> new Statistics().run();
            case "deadlines" -> new Deadlines().run();
            default -> {
                System.err.println("usage: Bench intake|lookup|burst|statistics|deadlines   (settings in BENCH_* environment variables)");
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- intake

    private void intake() throws Exception {
        int rawSeconds = Integer.parseInt(env("BENCH_RAW_SECONDS", String.valueOf(Math.min(seconds, 60))));
        // citizen: the citizen's web form, the case waits for the center's intake review (RECEIVED).
        // agent: the agent API's "log the call and dispatch", which also routes the case through the
        // DMN catalogue and arms the department's sign-for timer (DISPATCHED), the end to end.
        String path = env("BENCH_INTAKE_PATH", "agent");
        boolean agent = switch (path) {
            case "agent" -> true;
            case "citizen" -> false;
            default -> throw new IllegalArgumentException("BENCH_INTAKE_PATH is agent or citizen, not " + path);
        };
        String authorization = basic(env("BENCH_AGENT_USER", "agent"), env("BENCH_STAFF_PASSWORD", "demo"));
        AtomicLong sequence = new AtomicLong();
        Load.Operation submit = worker -> {
            long n = sequence.incrementAndGet();
            HttpResponse<String> answer = agent
                    ? post("/api/agent/cases", "{\"request\":" + submission(n) + ",\"decision\":\"DISPATCH\"}", authorization)
                    : post("/api/citizen/requests", submission(n));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + " " + clip(answer.body()));
            }
            return true;
        };
        System.out.printf("intake (%s): warm-up %d s, then %d s at concurrency %d against %s%n", agent
                ? "agent API, log and dispatch" : "citizen web form", warmupSeconds, seconds, concurrency, baseUrl);
        Load.Result warm = Load.run("warm-up", concurrency, Duration.ofSeconds(warmupSeconds), submit);
        report(warm);
        Instant loadStart = Instant.now();
        Load.Result load = Load.run("intake", concurrency, Duration.ofSeconds(seconds), submit);
        report(load);
        long accepted = warm.ok() + load.ok();

        // The citizen API opens the case and starts its process inside the request; the drain wait
        // proves that (it should end at once) rather than assuming it.
        long drainStart = System.nanoTime();
        long cases;
        long started;
        Map<String, Long> statuses;
        try (Connection db = connect()) {
            while (true) {
                cases = count(db, "SELECT COUNT(*) FROM hotline_case WHERE subject LIKE 'BENCH %'");
                started = count(db, "SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN hotline_case c"
                        + " ON c.case_number = e.BUSINESS_KEY_ WHERE e.PARENT_ID_ IS NULL AND c.subject LIKE 'BENCH %'");
                if ((cases >= accepted && started >= cases) || System.nanoTime() - drainStart > 600e9) {
                    break;
                }
                Thread.sleep(250);
            }
            statuses = statuses(db);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        System.out.printf(Locale.ROOT, "drain: accepted=%d  cases=%d  processes started=%d  drain=%.2f s  statuses=%s%n",
                accepted, cases, started, drainSeconds, statuses);
        // Only the measured window's cases count: warm-up cases were finished before it began. A case
        // logged by the agent counts only once the catalogue has dispatched it.
        long done = agent ? statuses.getOrDefault("DISPATCHED", 0L) : started;
        double endToEnd = Math.min(load.ok(), done - warm.ok()) / (load.seconds() + drainSeconds);
        System.out.printf(Locale.ROOT, "end-to-end: %.1f cases/s (%s)%n", endToEnd, agent
                ? "durable case + process instance started + dispatched through the catalogue"
                : "durable case + process instance started");

        Load.Result raw = rawInserts(rawSeconds);
        report(raw);
        System.out.printf(Locale.ROOT, "intake / raw insert: %.1f%%  (load started %s)%n",
                100.0 * load.perSecond() / raw.perSecond(), loadStart);
    }

    static String submission(long n) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String place = pick(PLACES, r);
        String problem = pick(PROBLEMS, r);
        String subject = SUBJECT_MARK + n + " " + place + problem.substring(0, Math.min(6, problem.length()));
        String content = place + "附近" + problem + "。第" + n + "次反映，已经持续" + (1 + r.nextInt(30))
                + "天，希望有关部门尽快处理。" + "编号" + Long.toHexString(r.nextLong());
        String phone = "13" + (100_000_000 + r.nextInt(900_000_000));
        return "{\"type\":\"" + pick(TYPES, r) + "\",\"category\":\"" + pick(CATEGORIES, r) + "\",\"district\":\""
                + pick(DISTRICTS, r) + "\",\"location\":\"" + place + (1 + r.nextInt(300)) + "号\",\"subject\":\""
                + subject + "\",\"content\":\"" + content + "\",\"name\":\"市民" + n + "\",\"phone\":\"" + phone
                + "\",\"anonymous\":false,\"confidential\":false,\"consentToPublish\":" + r.nextBoolean() + "}";
    }

    /**
     * The floor the intake is compared with: one row of hotline_case's shape (same columns and indexes,
     * CREATE TABLE ... LIKE) per transaction, autocommit, same concurrency, one connection per thread.
     */
    private Load.Result rawInserts(int rawSeconds) throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_case");
            s.execute("CREATE TABLE bench_raw_case LIKE hotline_case");
        }
        Connection[] connections = new Connection[concurrency];
        PreparedStatement[] inserts = new PreparedStatement[concurrency];
        for (int i = 0; i < concurrency; i++) {
            connections[i] = connect();
            inserts[i] = connections[i].prepareStatement(CASE_INSERT.replace("hotline_case", "bench_raw_case"));
        }
        AtomicLong sequence = new AtomicLong();
        try {
            System.out.printf("raw insert: %d s, one row per transaction, concurrency %d%n", rawSeconds, concurrency);
            return Load.run("raw", concurrency, Duration.ofSeconds(rawSeconds), worker -> {
                long n = sequence.incrementAndGet();
                bindCase(inserts[worker], 1, "8890R" + n, hash("8890R" + n, "BENCH234"), "RAW " + n,
                        submissionTextLike(n), Timestamp.from(Instant.now()));
                return inserts[worker].executeUpdate() == 1;
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static String submissionTextLike(long n) {
        return "东华路附近井盖缺失，晚上很危险。第" + n + "次反映，已经持续3天，希望有关部门尽快处理。";
    }

    // ---------------------------------------------------------------- lookup

    private void lookup() throws Exception {
        int n = Integer.parseInt(env("BENCH_CASES", "1000000"));
        int already = seeded();
        if (already < n) {
            seed(already, n);
        } else {
            System.out.printf("lookup: %d seeded cases already present%n", already);
        }
        int total = Math.max(n, already);
        Load.Operation lookup = worker -> {
            int i = ThreadLocalRandom.current().nextInt(total);
            String number = seedNumber(i);
            HttpResponse<String> answer = post("/api/citizen/cases/lookup",
                    "{\"caseNumber\":\"" + number + "\",\"queryCode\":\"" + seedCode(i) + "\"}");
            if (answer.statusCode() != 200 || !answer.body().contains(number)) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + " " + clip(answer.body()));
            }
            return true;
        };
        System.out.printf("lookup: warm-up %d s, then %d s at concurrency %d over %d cases against %s%n",
                warmupSeconds, seconds, concurrency, total, baseUrl);
        report(Load.run("warm-up", concurrency, Duration.ofSeconds(warmupSeconds), lookup));
        report(Load.run("lookup", concurrency, Duration.ofSeconds(seconds), lookup));
    }

    private int seeded() throws SQLException {
        try (Connection db = connect()) {
            return (int) count(db, "SELECT COUNT(*) FROM hotline_case WHERE case_number LIKE '" + SEED_PREFIX + "%'");
        }
    }

    /**
     * Cases straight into hotline_case, each with a valid query-code hash and its RECEIVED event, in
     * multi-row INSERTs (the driver rewrites each batch into one statement). The events carry no hash
     * chain: the look-up never reads it.
     */
    private void seed(int from, int to) throws Exception {
        int batch = 2000;
        long t0 = System.nanoTime();
        try (Connection db = connect("&rewriteBatchedStatements=true")) {
            db.setAutoCommit(false);
            try (PreparedStatement cases = db.prepareStatement(CASE_INSERT);
                 PreparedStatement events = db.prepareStatement("INSERT INTO case_event (case_id, occurred_at,"
                         + " event_type, actor, from_status, to_status, comment)"
                         + " SELECT id, received_at, 'RECEIVED', 'channel:web', NULL, 'RECEIVED', 'channel WEB'"
                         + " FROM hotline_case WHERE case_number >= ? AND case_number <= ?")) {
                SplittableRandom r = new SplittableRandom(42);
                Instant base = Instant.now().minus(Duration.ofDays(365));
                for (int i = from; i < to; i += batch) {
                    int last = Math.min(to, i + batch) - 1;
                    for (int k = i; k <= last; k++) {
                        String number = seedNumber(k);
                        bindCase(cases, k, number, hash(number, seedCode(k)), "SEED " + k + " " + pick(PLACES, r)
                                        + pick(PROBLEMS, r), submissionTextLike(k),
                                Timestamp.from(base.plusSeconds(k * 30L % (365L * 86400))));
                        cases.addBatch();
                    }
                    cases.executeBatch();
                    events.setString(1, seedNumber(i));
                    events.setString(2, seedNumber(last));
                    events.executeUpdate();
                    db.commit();
                    if ((last + 1) % 50_000 == 0) {
                        System.out.printf(Locale.ROOT, "seeded %d cases (%.0f/s)%n", last + 1,
                                (last + 1 - from) / ((System.nanoTime() - t0) / 1e9));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "seed: %d cases in %.1f s%n", to - from, (System.nanoTime() - t0) / 1e9);
    }

    /** Zero-padded so the numbers sort as they count and a range of them is one index range. */
    static String seedNumber(int i) {
        return SEED_PREFIX + String.format("%09d", i);
    }

    /** A query code that the tool can recompute for any seeded case, drawn from the engine's alphabet. */
    static String seedCode(int i) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        char[] code = new char[8];
        for (int k = 0; k < code.length; k++) {
            code[k] = CODE_ALPHABET[r.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    // ---------------------------------------------------------------- shared

    private static final String CASE_INSERT = "INSERT INTO hotline_case (version, case_number, query_code_hash, case_type,"
            + " category_code, urgency, district_code, location, channel, citizen_name, citizen_phone, anonymous,"
            + " confidential, consent_to_publish, subject, content, status, designated, return_count, rehandle_count,"
            + " extension_count, received_at, signed_late, calendar_incomplete)"
            + " VALUES (0, ?, ?, ?, ?, 'NORMAL', ?, ?, 'WEB', ?, ?, FALSE, FALSE, FALSE, ?, ?, 'RECEIVED', FALSE, 0, 0, 0,"
            + " ?, FALSE, FALSE)";

    private static void bindCase(PreparedStatement s, long k, String number, String hash, String subject,
                                 String content, Timestamp receivedAt) throws SQLException {
        s.setString(1, number);
        s.setString(2, hash);
        s.setString(3, TYPES[(int) (k % TYPES.length)]);
        s.setString(4, CATEGORIES[(int) (k % CATEGORIES.length)]);
        s.setString(5, DISTRICTS[(int) (k % DISTRICTS.length)]);
        s.setString(6, PLACES[(int) (k % PLACES.length)] + (k % 300) + "号");
        s.setString(7, "市民" + k);
        s.setString(8, "138" + String.format("%08d", k % 100_000_000));
        s.setString(9, subject);
        s.setString(10, content);
        s.setTimestamp(11, receivedAt);
    }

    /** The engine's QueryCodes.hash: SHA-256 of "number:CODE", hex. */
    static String hash(String caseNumber, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((caseNumber + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return post(path, json, null);
    }

    private HttpResponse<String> post(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Connection connect() throws SQLException {
        return connect("");
    }

    private Connection connect(String extra) throws SQLException {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        return DriverManager.getConnection(jdbcUrl + separator + "characterEncoding=UTF-8" + extra, dbUser, dbPassword);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Map<String, Long> statuses(Connection db) throws SQLException {
        Map<String, Long> all = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "SELECT status, COUNT(*) FROM hotline_case WHERE subject LIKE 'BENCH %' GROUP BY status ORDER BY status")) {
            while (r.next()) {
                all.put(r.getString(1), r.getLong(2));
            }
        }
        return all;
    }

    static void report(Load.Result result) {
        System.out.println(result.line());
        result.errorSamples().entrySet().stream().limit(5)
                .forEach(e -> System.out.println("    error x" + e.getValue() + ": " + e.getKey()));
    }

    static String pick(String[] values, ThreadLocalRandom r) {
        return values[r.nextInt(values.length)];
    }

    private static String pick(String[] values, SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** An HTTP Basic {@code Authorization} header value. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String clip(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) : s;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Bench() {
    }
}
