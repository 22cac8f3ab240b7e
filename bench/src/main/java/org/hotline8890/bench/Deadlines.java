package org.hotline8890.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Deadlines under load (docs/benchmarks.md, "Deadlines"): N open cases each waiting for its department's
 * sign-for with a running sign-for timer, a known subset of those timers falling due inside a measured
 * window, citizen intake at a fixed arrival rate through the window, and for each due case the time
 * from its due date to the moment the engine flagged the late signing.
 *
 * <p>Every case is made by the product's own code: the agent API's "log the call and dispatch"
 * ({@code POST /api/agent/cases}, or the console's form, {@code BENCH_SEED_PATH}), which opens the case,
 * starts its process and dispatches it through the catalogue, arming the sign-for timer from the {@code time_limits} table.
 * The due subset differs only in when it is dispatched and under which table: for the priming phase
 * the tool puts one row in front of the table through the admin API ({@code PUT
 * /api/admin/rules/time_limits}: every case gets a wall-clock sign-for limit of the window's length)
 * and puts the shipped rows back afterwards. Dispatched at a steady rate over one window's length,
 * the subset falls due at the same steady rate over the next window.
 */
final class Deadlines {

    static final String FAR_MARK = "BENCH-FAR ";
    static final String DUE_MARK = "BENCH-DUE ";
    private static final String BENCH_ROW_START = "{\"id\":\"Rule_bench_deadlines\"";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SAVED = Pattern.compile("8890-\\d{8}-\\d{6}");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern VERSION_AFTER = Pattern.compile("\"versionAfter\"\\s*:\\s*(\\d+)");

    private final String baseUrl = env("BENCH_URL", "http://127.0.0.1:8080");
    private final String jdbcUrl = env("BENCH_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/hotline_bench");
    private final String dbUser = env("BENCH_DB_USER", "hotline");
    private final String dbPassword = env("BENCH_DB_PASSWORD", "hotline");
    private final int cases = Integer.parseInt(env("BENCH_CASES", "200000"));
    private final int due = Integer.parseInt(env("BENCH_DUE", "20000"));
    private final int windowSeconds = Integer.parseInt(env("BENCH_WINDOW_SECONDS", "600"));
    private final int graceSeconds = Integer.parseInt(env("BENCH_GRACE_SECONDS", "60"));
    private final int tailSeconds = Integer.parseInt(env("BENCH_TAIL_SECONDS", "300"));
    private final double intakeRate = Double.parseDouble(env("BENCH_INTAKE_RATE", "100"));
    /**
     * How a case is opened and dispatched: {@code api} (default, the quickest measured), the agent API's
     * {@code POST /api/agent/cases} with decision DISPATCH (HTTP Basic; the engine remembers the verified
     * password, so BCrypt runs once); {@code console}, the agent console's form with decision DISPATCH
     * (an agent's session); {@code review}, a citizen's web submission then the center's intake review
     * with decision DISPATCH on the center's page (a dispatcher's session).
     */
    private final String seedPath = env("BENCH_SEED_PATH", "api");
    private final boolean agentApi = seedPath.equals("api");
    private final int seedConcurrency = Integer.parseInt(env("BENCH_SEED_CONCURRENCY", "12"));
    /** Marks this run's due cases, so that a database seeded once serves several runs. */
    private final String run = env("BENCH_RUN", String.valueOf(System.currentTimeMillis() / 1000));
    private final HttpClient staff = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient citizens = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    void run() throws Exception {
        if (windowSeconds % 60 != 0) {
            throw new IllegalArgumentException("BENCH_WINDOW_SECONDS must be whole minutes: the table counts minutes");
        }
        if (!agentApi) {
            login();
        }
        restoreTableLeftEdited();
        seedFarCases();
        if (env("BENCH_SEED_ONLY", "").equals("true")) {
            return;
        }
        Map<Long, LocalDateTime> dueAt = prime();
        measure(dueAt);
    }

    // ---------------------------------------------------------------- the far cases

    private void seedFarCases() throws Exception {
        int wanted = cases - due;
        long already;
        try (Connection db = connect()) {
            already = count(db, "SELECT COUNT(*) FROM hotline_case WHERE subject LIKE '" + FAR_MARK + "%'");
        }
        if (already >= wanted) {
            System.out.printf("seed: %d far cases already present (wanted %d)%n", already, wanted);
        } else {
            AtomicLong next = new AtomicLong(already);
            System.out.printf("seed: %d far cases present, opening and dispatching %d more (path %s) at concurrency %d%n",
                    already, wanted - already, seedPath, seedConcurrency);
            long t0 = System.nanoTime();
            AtomicLong done = new AtomicLong();
            Load.Result seeded = Load.runUntil("seed", seedConcurrency, () -> next.get() >= wanted, worker -> {
                long n = next.incrementAndGet();
                if (n > wanted) {
                    return true;
                }
                boolean ok = logCall(FAR_MARK + n, "NORMAL", n);
                long d = done.incrementAndGet();
                if (d % 10_000 == 0) {
                    System.out.printf(Locale.ROOT, "seed: %d more far cases (%.1f/s), load average %s%n", d,
                            d / ((System.nanoTime() - t0) / 1e9), loadAverage());
                }
                return ok;
            });
            Bench.report(seeded);
        }
        try (Connection db = connect()) {
            System.out.printf("seed: open far cases %d, of which with a sign-for timer %d; timer jobs in ACT_RU_JOB %d%n",
                    count(db, "SELECT COUNT(*) FROM hotline_case WHERE subject LIKE '" + FAR_MARK + "%' AND status = 'DISPATCHED'"),
                    count(db, "SELECT COUNT(DISTINCT c.id) FROM hotline_case c JOIN ACT_RU_EXECUTION e"
                            + " ON e.BUSINESS_KEY_ = c.case_number AND e.PARENT_ID_ IS NULL"
                            + " JOIN ACT_RU_JOB j ON j.PROCESS_INSTANCE_ID_ = e.ID_ AND j.TYPE_ = 'timer'"
                            + " WHERE c.subject LIKE '" + FAR_MARK + "%'"),
                    count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'"));
        }
    }

    // ---------------------------------------------------------------- the due subset

    /** A run interrupted while priming leaves its row in front of the table: the far cases must not get it. */
    private void restoreTableLeftEdited() throws Exception {
        String table = getAdmin("/api/admin/rules/time_limits");
        String rows = rows(table);
        if (rows.startsWith(BENCH_ROW_START)) {
            putAdmin("/api/admin/rules/time_limits", "{\"version\":" + version(table) + ",\"rows\":["
                    + rows.substring(rows.indexOf("},{") + 2) + "]}");
            System.out.println("seed: time_limits had the bench row of an interrupted run; shipped rows put back");
        }
    }

    /**
     * Dispatches the due subset at a steady rate over one window's length under a table that gives
     * every case a wall-clock sign-for limit of one window, and returns each case's timer due date as
     * Camunda holds it (read while the prime runs, before any of them can fire).
     */
    private Map<Long, LocalDateTime> prime() throws Exception {
        String shipped = getAdmin("/api/admin/rules/time_limits");
        int version = version(shipped);
        String rows = rows(shipped);
        if (rows.startsWith(BENCH_ROW_START)) {
            // Left by an interrupted run: what follows it is the table as shipped.
            rows = rows.substring(rows.indexOf("},{") + 2);
        }
        int minutes = windowSeconds / 60;
        String benchRow = "{\"id\":\"Rule_bench_deadlines\",\"inputs\":[\"-\",\"-\"],\"outputs\":[\"" + minutes
                + "\",\"\\\"WALL\\\"\",\"5\",\"\\\"WORKING_DAYS\\\"\"],\"annotation\":\"bench: deadlines window, "
                + minutes + " minutes to sign\"}";
        String edited = putAdmin("/api/admin/rules/time_limits",
                "{\"version\":" + version + ",\"rows\":[" + benchRow + (rows.isBlank() ? "" : "," + rows) + "]}");
        System.out.printf("prime: time_limits v%d -> v%d with a first row giving every case %d wall-clock minutes to sign%n",
                version, versionAfter(edited), minutes);
        Map<Long, LocalDateTime> dueAt = new ConcurrentHashMap<>();
        AtomicLong seq = new AtomicLong();
        String mark = DUE_MARK + run + " ";
        double rate = (double) due / windowSeconds;
        Thread snapshots = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    readDueDates(mark, dueAt);
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException e) {
                    System.out.println("prime: due-date snapshot failed: " + e);
                }
            }
        }, "due-date-snapshots");
        Load.Result primed;
        try {
            System.out.printf(Locale.ROOT, "prime: %d cases at %.2f/s (open loop) for %d s, mark '%s'%n", due, rate,
                    windowSeconds, mark.strip());
            snapshots.start();
            primed = Load.openLoop("prime", rate, due, 64, i -> logCall(mark + i, "NORMAL", seq.incrementAndGet()));
        } finally {
            putAdmin("/api/admin/rules/time_limits", "{\"version\":" + versionAfter(edited) + ",\"rows\":[" + rows + "]}");
            System.out.println("prime: time_limits restored to the shipped rows");
            snapshots.interrupt();
            snapshots.join();
        }
        Bench.report(primed);
        readDueDates(mark, dueAt);
        System.out.printf("prime: %d due cases with a sign-for timer read from ACT_RU_JOB%n", dueAt.size());
        return dueAt;
    }

    /** The sign-for timer's due date of each due case not read yet; none can have fired, the limit is a window away. */
    private static void readDueDates(String mark, Map<Long, LocalDateTime> into, Connection db) throws SQLException {
        long after = into.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        try (PreparedStatement s = db.prepareStatement("SELECT c.id, j.DUEDATE_, c.sign_by FROM hotline_case c"
                + " JOIN ACT_RU_EXECUTION e ON e.BUSINESS_KEY_ = c.case_number AND e.PARENT_ID_ IS NULL"
                + " JOIN ACT_RU_JOB j ON j.PROCESS_INSTANCE_ID_ = e.ID_ AND j.TYPE_ = 'timer'"
                + " WHERE c.id > ? AND c.subject LIKE ?")) {
            s.setLong(1, after);
            s.setString(2, mark + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LocalDateTime job = r.getObject(2, LocalDateTime.class);
                    LocalDateTime signBy = r.getObject(3, LocalDateTime.class);
                    if (!job.equals(signBy)) {
                        System.out.printf("prime: case %d timer due %s but sign_by %s%n", r.getLong(1), job, signBy);
                    }
                    into.put(r.getLong(1), job);
                }
            }
        }
    }

    private void readDueDates(String mark, Map<Long, LocalDateTime> into) throws SQLException {
        try (Connection db = connect()) {
            readDueDates(mark, into, db);
        }
    }

    // ---------------------------------------------------------------- the measured window

    private void measure(Map<Long, LocalDateTime> dueAt) throws Exception {
        LocalDateTime first = dueAt.values().stream().min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = dueAt.values().stream().max(LocalDateTime::compareTo).orElseThrow();
        System.out.printf("window: %d timers due from %s to %s (UTC); citizen intake at %.0f/s (open loop) for %d s"
                + " (window + %d s grace)%n", dueAt.size(), first, last, intakeRate, windowSeconds + graceSeconds,
                graceSeconds);
        AtomicLong seq = new AtomicLong();
        Thread progress = new Thread(() -> {
            try (Connection db = connect()) {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(30_000);
                    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                    long fallenDue = dueAt.values().stream().filter(d -> !d.isAfter(now)).count();
                    System.out.printf("window %s: due so far %d, flagged %d, timer jobs due and not yet run %d,"
                                    + " load average %s%n", now.withNano(0), fallenDue, flagged(db, dueAt).size(),
                            count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ <= UTC_TIMESTAMP()"),
                            loadAverage());
                }
            } catch (InterruptedException e) {
                // the window is over
            } catch (SQLException e) {
                System.out.println("window: progress query failed: " + e);
            }
        }, "window-progress");
        progress.start();
        long total = Math.round(intakeRate * (windowSeconds + graceSeconds));
        Load.Result intake = Load.openLoop("intake", intakeRate, total, 256, i -> {
            HttpResponse<String> answer = citizens.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/citizen/requests"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Bench.submission(seq.incrementAndGet()), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + answer.statusCode());
            }
            return true;
        });
        progress.interrupt();
        progress.join();
        Bench.report(intake);

        Map<Long, LocalDateTime> flaggedAtDeadline;
        try (Connection db = connect()) {
            flaggedAtDeadline = flagged(db, dueAt);
        }
        System.out.printf("window closed at %s (UTC)%n", LocalDateTime.now(ZoneOffset.UTC).withNano(0));
        lateness("flagged by the end of the window + grace", dueAt, flaggedAtDeadline);

        if (flaggedAtDeadline.size() < dueAt.size()) {
            long until = System.nanoTime() + tailSeconds * 1_000_000_000L;
            Map<Long, LocalDateTime> eventually = flaggedAtDeadline;
            try (Connection db = connect()) {
                while (eventually.size() < dueAt.size() && System.nanoTime() < until) {
                    Thread.sleep(5_000);
                    eventually = flagged(db, dueAt);
                }
            }
            lateness("flagged by the end of the tail (" + tailSeconds + " s more, no intake)", dueAt, eventually);
        }
    }

    /** Case id → when its late signing was flagged (its SIGN_LATE event), for the due cases flagged so far. */
    private static Map<Long, LocalDateTime> flagged(Connection db, Map<Long, LocalDateTime> dueAt) throws SQLException {
        long min = dueAt.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = dueAt.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<Long, LocalDateTime> flagged = new LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT case_id, MIN(occurred_at) FROM case_event"
                + " WHERE event_type = 'SIGN_LATE' AND case_id BETWEEN ? AND ? GROUP BY case_id")) {
            s.setLong(1, min);
            s.setLong(2, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (dueAt.containsKey(r.getLong(1))) {
                        flagged.put(r.getLong(1), r.getObject(2, LocalDateTime.class));
                    }
                }
            }
        }
        return flagged;
    }

    private void lateness(String title, Map<Long, LocalDateTime> dueAt, Map<Long, LocalDateTime> flagged) {
        Histogram h = new Histogram(3_600_000L, 3);
        TreeMap<Long, Long> buckets = new TreeMap<>();
        long early = 0;
        long minMillis = Long.MAX_VALUE;
        long within60 = 0;
        for (Map.Entry<Long, LocalDateTime> e : flagged.entrySet()) {
            long millis = Duration.between(dueAt.get(e.getKey()), e.getValue()).toMillis();
            minMillis = Math.min(minMillis, millis);
            if (millis < 0) {
                early++;
            }
            if (millis <= 60_000) {
                within60++;
            }
            h.recordValue(Math.min(Math.max(millis, 0), h.getHighestTrackableValue()));
            buckets.merge(Math.floorDiv(millis, 5_000L), 1L, Long::sum);
        }
        System.out.printf(Locale.ROOT, "lateness, %s: due %d, flagged %d, not flagged %d, flagged within 60 s of due %d"
                        + " (%.2f %%), flagged before due %d%n", title, dueAt.size(), flagged.size(),
                dueAt.size() - flagged.size(), within60, 100.0 * within60 / dueAt.size(), early);
        if (flagged.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "lateness (s, flag time - timer due date; both stored to the second): min %.0f"
                        + "  p50 %.0f  p90 %.0f  p99 %.0f  max %.0f  mean %.1f%n", minMillis / 1000.0,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getMean() / 1000.0);
        System.out.println("lateness histogram (5 s buckets):");
        buckets.forEach((b, n) -> System.out.printf(Locale.ROOT, "  [%4d s, %4d s)  %7d  %6.2f %%%n", b * 5, b * 5 + 5, n,
                100.0 * n / flagged.size()));
    }

    // ---------------------------------------------------------------- the staff side

    /** One staff session for the console and review paths, whose forms need it (and its CSRF token). */
    private void login() throws Exception {
        String page = get("/login").body();
        boolean review = seedPath.equals("review");
        String user = review ? env("BENCH_DISPATCHER_USER", "dispatcher") : env("BENCH_AGENT_USER", "agent");
        HttpResponse<String> answer = postForm("/login", Map.of("username", user,
                "password", env("BENCH_STAFF_PASSWORD", "demo"), "_csrf", csrfIn(page)));
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " login failed: HTTP " + answer.statusCode());
        }
        csrf = csrfIn(get(review ? "/center" : "/agent").body());
    }

    /** The agent console's form, decision DISPATCH: the case is opened and dispatched in one request. */
    private boolean logCall(String subject, String urgency, long n) throws Exception {
        if (agentApi) {
            return logCallThroughApi(subject, urgency, n);
        }
        if (seedPath.equals("review")) {
            return submitAndDispatch(subject, n);
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("key", "bench-" + subject.replace(' ', '-'));
        form.put("type", Bench.pick(Bench.TYPES, r));
        form.put("category", Bench.pick(Bench.CATEGORIES, r));
        form.put("urgency", urgency);
        form.put("district", Bench.pick(Bench.DISTRICTS, r));
        String place = Bench.pick(Bench.PLACES, r);
        String problem = Bench.pick(Bench.PROBLEMS, r);
        form.put("location", place + (1 + r.nextInt(300)) + "号");
        form.put("subject", subject + " " + place + problem.substring(0, Math.min(6, problem.length())));
        form.put("content", place + "附近" + problem + "。来电第" + n + "次反映。");
        form.put("name", "市民" + n);
        form.put("phone", "13" + (100_000_000 + r.nextInt(900_000_000)));
        form.put("decision", "DISPATCH");
        HttpResponse<String> answer = postForm("/agent/calls", form);
        if (answer.statusCode() != 200 || !SAVED.matcher(answer.body()).find()) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + " " + Bench.clip(answer.body()));
        }
        return true;
    }

    /** A citizen's web submission, then the center's intake review on its page: dispatch through the catalogue. */
    private boolean submitAndDispatch(String subject, long n) throws Exception {
        String json = Bench.submission(n).replace("\"subject\":\"" + Bench.SUBJECT_MARK + n + " ", "\"subject\":\"" + subject + " ");
        HttpResponse<String> submitted = citizens.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/citizen/requests"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher number = SAVED.matcher(submitted.body());
        if (submitted.statusCode() != 201 || !number.find()) {
            throw new IllegalStateException("submit: HTTP " + submitted.statusCode() + " " + Bench.clip(submitted.body()));
        }
        HttpResponse<String> reviewed = postForm("/center/cases/" + number.group() + "/intake-review",
                Map.of("_csrf", csrf, "decision", "DISPATCH"));
        // Done: a redirect to the case; a refusal shows the case page again with the problem (200).
        if (reviewed.statusCode() != 302) {
            throw new IllegalStateException("review: HTTP " + reviewed.statusCode() + " " + Bench.clip(reviewed.body()));
        }
        return true;
    }

    /** The same call through the agent API, as an integration (a CTI system, say) would make it. */
    private boolean logCallThroughApi(String subject, String urgency, long n) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String place = Bench.pick(Bench.PLACES, r);
        String problem = Bench.pick(Bench.PROBLEMS, r);
        String json = "{\"request\":{\"type\":\"" + Bench.pick(Bench.TYPES, r) + "\",\"category\":\""
                + Bench.pick(Bench.CATEGORIES, r) + "\",\"urgency\":\"" + urgency + "\",\"district\":\""
                + Bench.pick(Bench.DISTRICTS, r) + "\",\"location\":\"" + place + (1 + r.nextInt(300)) + "号\",\"subject\":\""
                + subject + " " + place + problem.substring(0, Math.min(6, problem.length())) + "\",\"content\":\""
                + place + "附近" + problem + "。来电第" + n + "次反映。\",\"name\":\"市民" + n + "\",\"phone\":\"13"
                + (100_000_000 + r.nextInt(900_000_000)) + "\",\"anonymous\":false,\"confidential\":false,"
                + "\"consentToPublish\":false},\"decision\":\"DISPATCH\"}";
        HttpResponse<String> answer = citizens.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/agent/cases"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", Bench.basic(env("BENCH_AGENT_USER", "agent"),
                        env("BENCH_STAFF_PASSWORD", "demo"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + " " + Bench.clip(answer.body()));
        }
        return true;
    }

    private String getAdmin(String path) throws Exception {
        HttpResponse<String> answer = citizens.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", adminAuth()).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private String putAdmin(String path, String json) throws Exception {
        HttpResponse<String> answer = citizens.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", adminAuth()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private static String adminAuth() {
        return Bench.basic(env("BENCH_ADMIN_USER", "admin"), env("BENCH_ADMIN_PASSWORD", "demo"));
    }


    private static int version(String table) {
        return number(VERSION, table);
    }

    /** The version a PUT of the table deployed. */
    private static int versionAfter(String saved) {
        return number(VERSION_AFTER, saved);
    }

    private static int number(Pattern pattern, String table) {
        Matcher m = pattern.matcher(table);
        if (!m.find()) {
            throw new IllegalStateException("no version in " + table);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The rows array's contents: the last member of the table's JSON. */
    private static String rows(String table) {
        int start = table.indexOf("\"rows\":[");
        int end = table.lastIndexOf(']');
        if (start < 0 || end < start) {
            throw new IllegalStateException("no rows in " + table);
        }
        return table.substring(start + "\"rows\":[".length(), end);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return staff.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return staff.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrfIn(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    // ---------------------------------------------------------------- helpers

    private Connection connect() throws SQLException {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        return DriverManager.getConnection(jdbcUrl + separator + "characterEncoding=UTF-8", dbUser, dbPassword);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
