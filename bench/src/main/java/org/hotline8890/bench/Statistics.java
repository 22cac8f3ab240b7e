package org.hotline8890.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * The statistics benchmark (docs/benchmarks.md, "Statistics over N closed cases"): seeds closed, settled
 * cases over the twelve months before the current one in stages (say 1,000,000 then 10,000,000), gets their
 * figures into the stored totals, and after each stage times the compliance table of all departments over
 * those twelve months, one request after another.
 *
 * <p>Up to {@code BENCH_PRODUCT_FOLD_UP_TO} cases the engine's own settlement folds them (the seeded rows are
 * unfolded, as after the V35 migration of an installation with history), and the tool then checks the totals
 * it stored against {@link #aggregate the same totals computed in SQL}, row for row. Beyond that the seed is
 * inserted folded and its totals are added with that SQL, which is minutes instead of hours on two cores.
 */
final class Statistics {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String PREFIX = "8890T";
    private static final int CHUNK = 200_000;

    private final String baseUrl = Bench.env("BENCH_URL", "http://127.0.0.1:8080");
    private final String jdbcUrl = Bench.env("BENCH_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/hotline_bench");
    private final String dbUser = Bench.env("BENCH_DB_USER", "hotline");
    private final String dbPassword = Bench.env("BENCH_DB_PASSWORD", "hotline");
    private final int requests = Integer.parseInt(Bench.env("BENCH_REQUESTS", "200"));
    private final int warmup = Integer.parseInt(Bench.env("BENCH_WARMUP_REQUESTS", "20"));
    private final long productFoldUpTo = Long.parseLong(Bench.env("BENCH_PRODUCT_FOLD_UP_TO", "1000000"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final YearMonth firstMonth = YearMonth.now(ZONE).minusMonths(12);
    private final YearMonth lastMonth = YearMonth.now(ZONE).minusMonths(1);
    private final LocalDate from = firstMonth.atDay(1);
    private final LocalDate to = lastMonth.atEndOfMonth();

    void run() throws Exception {
        List<Long> stages = new ArrayList<>();
        for (String s : Bench.env("BENCH_STAGES", "0 1000000").trim().split("\\s+")) {
            stages.add(Long.parseLong(s));
        }
        System.out.printf("statistics: stages %s, period %s .. %s (%s), %d timed requests after %d warm-up%n",
                stages, from, to, ZONE, requests, warmup);
        for (long stage : stages) {
            long present = count("SELECT COUNT(*) FROM hotline_case WHERE case_number LIKE '" + PREFIX + "%'");
            if (present < stage) {
                grow(present, stage);
            }
            long seeded = Math.max(present, stage);
            System.out.printf(Locale.ROOT, "stage %d: %d seeded cases, %d rows in case_figure_day, %d cases not folded%n",
                    stage, seeded, count("SELECT COUNT(*) FROM case_figure_day"),
                    count("SELECT COUNT(*) FROM hotline_case WHERE figures_settled = FALSE"));
            time("public " + seeded, "/api/public/statistics?from=" + from + "&to=" + to + "&level=DEPARTMENT", seeded);
            time("csv    " + seeded, "/public/dashboard/departments.csv?from=" + firstMonth + "&to=" + lastMonth, -1);
            time("regions " + seeded, "/api/public/statistics/regions?from=" + from + "&to=" + to, -1);
            System.out.printf("load average after stage %d: %s%n", stage, loadAverage());
        }
    }

    private void grow(long present, long target) throws Exception {
        boolean byProduct = target <= productFoldUpTo;
        long maxIdBefore = count("SELECT COALESCE(MAX(id), 0) FROM hotline_case");
        long t0 = System.nanoTime();
        try (Connection db = connect(); Statement s = db.createStatement()) {
            String departments = ids(s, "SELECT id FROM org_unit WHERE kind = 'DEPARTMENT' ORDER BY id");
            String region = text(s, "SELECT code FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1");
            long periodSeconds = (to.toEpochDay() + 1 - from.toEpochDay()) * 86_400L;
            String start = from.atStartOfDay(ZONE).toInstant().toString().replace("T", " ").replace("Z", "");
            for (long a = present; a < target; a += CHUNK) {
                long b = Math.min(target, a + CHUNK) - 1;
                s.executeUpdate(seedSql(a, b, start, periodSeconds, departments, region, byProduct));
                System.out.printf(Locale.ROOT, "seeded %d cases (%.0f/s)%n", b + 1,
                        (b + 1 - present) / ((System.nanoTime() - t0) / 1e9));
            }
        }
        System.out.printf(Locale.ROOT, "seed: %d cases in %.1f s%n", target - present, (System.nanoTime() - t0) / 1e9);
        if (byProduct) {
            waitForTheEngineToFold(target - present);
            verifyAgainstSql();
        } else {
            long t1 = System.nanoTime();
            try (Connection db = connect(); Statement s = db.createStatement()) {
                for (String kind : List.of("DEPARTMENT", "DISTRICT", "SUB_CENTER", "REGION")) {
                    s.executeUpdate(aggregate("case_figure_day", kind, "id > " + maxIdBefore) + onDuplicateAdd());
                }
            }
            System.out.printf(Locale.ROOT, "totals of the %d new cases added in SQL in %.1f s%n", target - present,
                    (System.nanoTime() - t1) / 1e9);
        }
    }

    /** The engine's FigureSettlement runs on its interval; this only watches the unfolded count fall. */
    private void waitForTheEngineToFold(long cases) throws Exception {
        long t0 = System.nanoTime();
        // The engine folds while the seed is still being inserted: only what is left now is timed.
        cases = count("SELECT COUNT(*) FROM hotline_case WHERE figures_settled = FALSE AND case_number LIKE '" + PREFIX + "%'");
        long left;
        while ((left = count("SELECT COUNT(*) FROM hotline_case WHERE figures_settled = FALSE AND case_number LIKE '"
                + PREFIX + "%'")) > 0) {
            System.out.printf(Locale.ROOT, "  engine folding: %d left after %.0f s%n", left, (System.nanoTime() - t0) / 1e9);
            Thread.sleep(15_000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "engine folded the last %d cases in %.1f s (%.0f cases/s, polled every 15 s)%n", cases,
                seconds, cases / seconds);
    }

    /** The engine's totals, row for row, against the same totals computed in SQL from every folded case. */
    private void verifyAgainstSql() throws SQLException {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_figure_sql");
            s.execute("CREATE TABLE bench_figure_sql LIKE case_figure_day");
            for (String kind : List.of("DEPARTMENT", "DISTRICT", "SUB_CENTER", "REGION")) {
                s.executeUpdate(aggregate("bench_figure_sql", kind, "TRUE"));
            }
            long engineOnly = count(s, "SELECT COUNT(*) FROM (SELECT * FROM case_figure_day EXCEPT SELECT * FROM bench_figure_sql) x");
            long sqlOnly = count(s, "SELECT COUNT(*) FROM (SELECT * FROM bench_figure_sql EXCEPT SELECT * FROM case_figure_day) x");
            long rows = count(s, "SELECT COUNT(*) FROM case_figure_day");
            System.out.printf("verify: %d stored rows; rows differing from SQL: %d engine-only, %d SQL-only%n", rows,
                    engineOnly, sqlOnly);
            if (engineOnly != 0 || sqlOnly != 0) {
                throw new IllegalStateException("the SQL totals are not the engine's: do not use them for the larger stages");
            }
        }
    }

    /**
     * Closed cases {@code a..b}: received evenly over the period (a stride coprime with its length), one in 29
     * answered directly, the others dispatched to a demo department; one in 7 signed late, one in 11 replied
     * late, one in 13 returned, 17 extended, 19 re-handled, 23 reminded, one in 9 closed without a rating, the
     * rest rated on the five levels in turn. All deadlines are met or passed: every case is settled.
     */
    private static String seedSql(long a, long b, String start, long periodSeconds, String departments, String region,
                                  boolean unfolded) {
        return """
            INSERT INTO hotline_case (version, case_number, query_code_hash, case_type, category_code, urgency,
                district_code, channel, anonymous, confidential, consent_to_publish, subject, content, status, closure,
                department_id, designated, return_count, rehandle_count, extension_count, received_at, dispatched_at,
                sign_by, signed_at, signed_late, handle_by, original_handle_by, replied_at, feedback_by, feedback_at,
                satisfaction, closed_at, answer_text, reply_text, calendar_incomplete, reminder_count, region_code,
                region_received_at, figures_settled)
            SELECT 0, CONCAT('%1$s', LPAD(seq, 9, '0')), LPAD(HEX(seq), 64, '0'), 'COMPLAINT', 'URBAN.ROAD', 'NORMAL',
                ELT(1 + seq MOD 3, 'DC', 'XC', 'NH'), 'WEB', TRUE, FALSE, FALSE, 'SEED', 'seeded closed case', 'CLOSED',
                IF(direct, 'ANSWERED_DIRECTLY', IF(seq MOD 9 = 0, 'NO_FEEDBACK', 'RESOLVED')),
                IF(direct, NULL, ELT(1 + seq MOD %2$d, %3$s)), FALSE,
                IF(direct, 0, seq MOD 13 = 0), IF(direct, 0, seq MOD 19 = 0), IF(direct, 0, seq MOD 17 = 0), r,
                IF(direct, NULL, d),
                IF(direct, NULL, d + INTERVAL 1 DAY),
                IF(direct, NULL, d + INTERVAL IF(seq MOD 7 = 0, 30, 2) HOUR),
                NOT direct AND seq MOD 7 = 0,
                IF(direct, NULL, d + INTERVAL 2 DAY), IF(direct, NULL, d + INTERVAL 2 DAY),
                IF(direct, NULL, d + INTERVAL IF(seq MOD 11 = 0, 72, 24) HOUR),
                IF(direct, NULL, d + INTERVAL IF(seq MOD 11 = 0, 72, 24) HOUR + INTERVAL 3 DAY),
                IF(direct OR seq MOD 9 = 0, NULL, d + INTERVAL IF(seq MOD 11 = 0, 72, 24) HOUR + INTERVAL 1 DAY),
                IF(direct OR seq MOD 9 = 0, NULL,
                   ELT(1 + seq MOD 5, 'VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED')),
                IF(direct, r + INTERVAL 1 HOUR, d + INTERVAL IF(seq MOD 11 = 0, 72, 24) HOUR + INTERVAL 1 DAY),
                IF(direct, 'answered at intake', NULL), IF(direct, NULL, 'handled'), FALSE,
                IF(direct, 0, seq MOD 23 = 0), '%4$s', r, %5$s
            FROM (SELECT seq, seq MOD 29 = 0 AS direct,
                         TIMESTAMP'%6$s' + INTERVAL ((seq * 7919) MOD %7$d) SECOND AS r,
                         TIMESTAMP'%6$s' + INTERVAL ((seq * 7919) MOD %7$d) SECOND + INTERVAL 1 HOUR AS d
                  FROM seq_%8$d_to_%9$d) s
            """.formatted(PREFIX, departments.split(",").length, departments, region, unfolded ? "FALSE" : "TRUE",
                start, periodSeconds, a, b);
    }

    /**
     * The stored totals of the folded cases matching {@code where}, for one kind of group, as INSERT ... SELECT:
     * statistics.Tally's counts for a settled case (every deadline counted as passed), in SQL. The day is the
     * hotline's (Asia/Shanghai, UTC+8 all year, so a fixed offset is exact); DATETIME holds whole seconds.
     */
    static String aggregate(String table, String kind, String where) {
        String day = kind.equals("REGION") ? "DATE(region_received_at + INTERVAL 8 HOUR)" : "DATE(received_at + INTERVAL 8 HOUR)";
        String group = switch (kind) {
            case "DEPARTMENT" -> "COALESCE(CAST(department_id AS CHAR), '')";
            case "SUB_CENTER" -> "COALESCE(CAST(sub_center_id AS CHAR), '')";
            case "DISTRICT" -> "COALESCE(district_code, '')";
            default -> "COALESCE(region_code, '')";
        };
        String only = switch (kind) {
            case "SUB_CENTER" -> " AND sub_center_id IS NOT NULL AND sub_center_sign_by IS NOT NULL";
            case "REGION" -> " AND region_received_at IS NOT NULL";
            default -> "";
        };
        String dispatched = "dispatched_at IS NOT NULL";
        return """
            INSERT INTO %1$s (kind, figure_day, group_key, received, dispatched, sign_decided, signed_on_time,
                handling_decided, completed_on_time, returned, extended, feedback_requested, rehandled, rated, satisfied,
                intake_decided, answered_directly, replied, handling_millis, reminders, supervision_orders, escalations,
                sub_center_cases, sub_center_sign_decided, sub_center_signed_on_time)
            SELECT '%2$s', %3$s, %4$s, COUNT(*),
                SUM(%5$s),
                SUM(%5$s AND (signed_at IS NOT NULL OR sign_by IS NOT NULL)),
                SUM(%5$s AND signed_at IS NOT NULL AND signed_at <= sign_by),
                SUM(%5$s AND (replied_at IS NOT NULL OR handle_by IS NOT NULL)),
                SUM(%5$s AND replied_at IS NOT NULL AND replied_at <= handle_by),
                SUM(%5$s AND return_count > 0),
                SUM(%5$s AND extension_count > 0),
                SUM(%5$s AND feedback_by IS NOT NULL),
                SUM(%5$s AND feedback_by IS NOT NULL AND rehandle_count > 0),
                SUM(%5$s AND satisfaction IS NOT NULL),
                SUM(%5$s AND satisfaction IS NOT NULL AND satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED')),
                SUM(status NOT IN ('REJECTED', 'MERGED') AND (closure <=> 'ANSWERED_DIRECTLY' OR %5$s)),
                SUM(status NOT IN ('REJECTED', 'MERGED') AND closure <=> 'ANSWERED_DIRECTLY'),
                SUM(%5$s AND replied_at IS NOT NULL),
                SUM(IF(%5$s AND replied_at IS NOT NULL, TIMESTAMPDIFF(SECOND, dispatched_at, replied_at) * 1000, 0)),
                SUM(IF(%5$s, reminder_count, 0)), SUM(IF(%5$s, supervision_count, 0)), SUM(IF(%5$s, escalation_count, 0)),
                SUM(sub_center_id IS NOT NULL AND sub_center_sign_by IS NOT NULL),
                SUM(sub_center_id IS NOT NULL AND sub_center_sign_by IS NOT NULL),
                SUM(sub_center_id IS NOT NULL AND sub_center_sign_by IS NOT NULL AND sub_center_signed_at IS NOT NULL
                    AND sub_center_signed_at <= sub_center_sign_by)
            FROM hotline_case WHERE figures_settled = TRUE AND %6$s%7$s
            GROUP BY 2, 3
            """.formatted(table, kind, day, group, dispatched, where, only);
    }

    private static String onDuplicateAdd() {
        StringBuilder s = new StringBuilder(" ON DUPLICATE KEY UPDATE ");
        String[] columns = {"received", "dispatched", "sign_decided", "signed_on_time", "handling_decided",
                "completed_on_time", "returned", "extended", "feedback_requested", "rehandled", "rated", "satisfied",
                "intake_decided", "answered_directly", "replied", "handling_millis", "reminders", "supervision_orders",
                "escalations", "sub_center_cases", "sub_center_sign_decided", "sub_center_signed_on_time"};
        for (int i = 0; i < columns.length; i++) {
            s.append(i == 0 ? "" : ", ").append(columns[i]).append(" = ").append(columns[i]).append(" + VALUES(")
                    .append(columns[i]).append(')');
        }
        return s.toString();
    }

    private static final Pattern TOTAL_RECEIVED = Pattern.compile("\"total\":\\{\"received\":(\\d+)");

    /** {@code seeded} >= 0: the answer's total must count at least the seeded cases (they are all in the period). */
    private void time(String name, String path, long seeded) throws Exception {
        Histogram h = new Histogram(60_000_000L, 3);
        String last = null;
        for (int i = 0; i < warmup + requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long micros = (System.nanoTime() - t0) / 1000;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + " for " + path);
            }
            if (i >= warmup) {
                h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
            }
            last = answer.body();
        }
        String total = "";
        if (seeded >= 0) {
            Matcher m = TOTAL_RECEIVED.matcher(last);
            if (!m.find() || Long.parseLong(m.group(1)) < seeded) {
                throw new IllegalStateException("the answer does not count the seeded cases: " + last.substring(0, 200));
            }
            total = "  total.received=" + m.group(1);
        }
        System.out.printf(Locale.ROOT, "%-18s n=%d  p50=%.1f ms  p90=%.1f ms  p99=%.1f ms  max=%.1f ms  bytes=%d%s%n", name,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, last.length(), total);
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String ids(Statement s, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return String.join(",", ids);
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            return count(s, sql);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        return DriverManager.getConnection(jdbcUrl + separator + "characterEncoding=UTF-8", dbUser, dbPassword);
    }
}
