package org.hotline8890.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Channel burst (docs/benchmarks.md): {@code BENCH_CONTACTS} contacts put on the engine's intake queue
 * at once, the way a channel adapter publishes them (persistent JSON, the idempotency key as message
 * id, counted only once the broker confirms), then watched until every one is a case. Reports the
 * drain rate and checks the count is exact: one case, one intake record and one process per contact,
 * no dead letters. Exits 1 when the count is not exact or the drain stops making progress.
 */
final class Burst {

    /** The engine's intake exchange and routing key (intake.RabbitIntakeQueue). */
    private static final String EXCHANGE = "hotline.intake";
    private static final String QUEUE = "hotline.intake";
    private static final String DEAD_QUEUE = "hotline.intake.dead";
    private static final int CONFIRM_BATCH = 1_000;
    /** Channels that reach intake only through the queue, in a rough mix of what a city sees. */
    private static final String[] CHANNELS = {"SMS", "SMS", "MAIL", "MICROBLOG"};
    private static final String[] PROBLEMS = {"小区路灯坏了一个多月，晚上出行不便", "楼下餐馆油烟直排，窗户都不敢开",
            "工地夜间施工噪音很大，影响休息", "公交车站牌信息过时，经常等错车", "小区垃圾清运不及时，气味很大",
            "单位拖欠工资三个月，多次讨要无果", "路口井盖松动，车辆经过响声很大", "菜市场门口占道经营，行人无法通过"};
    private static final String[] PLACES = {"东华路", "人民路", "解放路", "西湖街道", "南山社区", "建设路", "幸福小区"};

    private final int contacts = Integer.parseInt(Bench.env("BENCH_CONTACTS", "100000"));
    private final int stallSeconds = Integer.parseInt(Bench.env("BENCH_STALL_SECONDS", "300"));
    private final String jdbcUrl = Bench.env("BENCH_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/hotline_bench");
    private final String dbUser = Bench.env("BENCH_DB_USER", "hotline");
    private final String dbPassword = Bench.env("BENCH_DB_PASSWORD", "hotline");
    /** Unique per run, so a second run against the same database counts only its own contacts. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String idPrefix = "burst-" + run + "-";
    private final String subjectMark = "BURST " + run + " ";

    static void run() throws Exception {
        System.exit(new Burst().burst() ? 0 : 1);
    }

    private boolean burst() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Bench.env("BENCH_RABBIT_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(Bench.env("BENCH_RABBIT_PORT", "5672")));
        factory.setVirtualHost(Bench.env("BENCH_RABBIT_VHOST", "hotline_bench"));
        factory.setUsername(Bench.env("BENCH_RABBIT_USER", "guest"));
        factory.setPassword(Bench.env("BENCH_RABBIT_PASSWORD", "guest"));
        try (com.rabbitmq.client.Connection rabbit = factory.newConnection("bench-burst");
             Channel channel = rabbit.createChannel();
             Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            long before = deadLetters(db);
            System.out.printf("burst: %d contacts, run %s, %d dead letters before%n", contacts, run, before);
            long start = System.nanoTime();
            Progress progress = new Progress(start);
            progress.sample(channel, db, 0);
            publish(channel, progress, db);
            double published = seconds(start);
            System.out.printf(Locale.ROOT, "published: %d contacts confirmed by the broker in %.1f s (%.0f/s)%n",
                    contacts, published, contacts / published);
            long cases;
            long lastProgress = System.nanoTime();
            long lastCount = -1;
            while ((cases = progress.sample(channel, db, contacts)) < contacts) {
                if (cases != lastCount) {
                    lastCount = cases;
                    lastProgress = System.nanoTime();
                } else if (seconds(lastProgress) > stallSeconds) {
                    System.out.printf("STALLED: %d of %d contacts became cases, none more in %d s%n", cases, contacts,
                            stallSeconds);
                    return false;
                }
                Thread.sleep(500);
            }
            double drained = seconds(start);
            progress.print(true);
            System.out.printf(Locale.ROOT, "drained: %d cases %.1f s after the first publish: %.1f cases/s overall,"
                    + " %.1f cases/s between 10%% and 90%%%n", contacts, drained, contacts / drained, progress.steadyRate());
            return exact(db, channel, before);
        }
    }

    /** Publishes every contact, waiting for the broker's confirms every {@link #CONFIRM_BATCH}. */
    private void publish(Channel channel, Progress progress, Connection db) throws Exception {
        channel.confirmSelect();
        SplittableRandom random = new SplittableRandom(run.hashCode());
        for (int n = 1; n <= contacts; n++) {
            String channelName = CHANNELS[random.nextInt(CHANNELS.length)];
            String messageId = idPrefix + n;
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).messageId(channelName + ":" + messageId).build();
            channel.basicPublish(EXCHANGE, QUEUE, true, properties,
                    contact(channelName, messageId, n, random).getBytes(StandardCharsets.UTF_8));
            if (n % CONFIRM_BATCH == 0 || n == contacts) {
                channel.waitForConfirmsOrDie(60_000);
                progress.published = n;
                if (progress.due()) {
                    progress.sample(channel, db, n);
                }
            }
        }
    }

    /** A contact as ContactMessage's JSON, sent by a citizen with a phone or an address as the channel has. */
    private String contact(String channelName, String messageId, int n, SplittableRandom random) {
        String place = PLACES[random.nextInt(PLACES.length)] + (1 + random.nextInt(300)) + "号";
        String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
        String phone = "13" + (100_000_000 + random.nextInt(900_000_000));
        String sender = switch (channelName) {
            case "MAIL" -> "{\"name\":null,\"phone\":null,\"email\":\"citizen" + n + "@example.cn\",\"handle\":null,\"anonymous\":false}";
            case "MICROBLOG" -> "{\"name\":null,\"phone\":null,\"email\":null,\"handle\":\"市民" + n + "\",\"anonymous\":false}";
            default -> "{\"name\":null,\"phone\":\"" + phone + "\",\"email\":null,\"handle\":null,\"anonymous\":false}";
        };
        return "{\"channel\":\"" + channelName + "\",\"channelMessageId\":\"" + messageId + "\",\"receivedAt\":\""
                + Instant.now() + "\",\"sender\":" + sender + ",\"subject\":\"" + subjectMark + n + " " + problem.substring(0, 6)
                + "\",\"text\":\"" + place + problem + "，请尽快处理。第" + n + "条。\",\"attachments\":[],\"location\":\"" + place
                + "\",\"district\":null,\"caseType\":null,\"category\":null,\"urgency\":null,\"confidential\":false,"
                + "\"consentToPublish\":false,\"recordingRef\":null,\"metadata\":{}}";
    }

    /** One case, one intake record and one process per contact, and no new dead letter. */
    private boolean exact(Connection db, Channel channel, long deadBefore) throws Exception {
        long[] cases = pair(db, "SELECT COUNT(*), COUNT(DISTINCT subject) FROM hotline_case WHERE subject LIKE ?",
                subjectMark + "%");
        long[] records = pair(db, "SELECT COUNT(*), COUNT(DISTINCT case_id) FROM intake_contact"
                + " WHERE channel IN ('SMS','MAIL','MICROBLOG') AND channel_message_id LIKE ?", idPrefix + "%");
        long[] processes = pair(db, "SELECT COUNT(*), COUNT(DISTINCT c.id) FROM hotline_case c"
                + " JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number WHERE c.subject LIKE ?", subjectMark + "%");
        long dead = deadLetters(db) - deadBefore;
        long deadWaiting = channel.messageCount(DEAD_QUEUE);
        boolean exact = cases[0] == contacts && cases[1] == contacts && records[0] == contacts && records[1] == contacts
                && processes[0] == contacts && processes[1] == contacts && dead == 0 && deadWaiting == 0;
        System.out.printf("count: contacts=%d  cases=%d (distinct %d)  intake records=%d (distinct cases %d)"
                        + "  processes=%d (distinct cases %d)  new dead letters=%d  on the dead-letter queue=%d  -> %s%n",
                contacts, cases[0], cases[1], records[0], records[1], processes[0], processes[1], dead, deadWaiting,
                exact ? "EXACT" : "NOT EXACT");
        return exact;
    }

    private long deadLetters(Connection db) throws SQLException {
        return pair(db, "SELECT COUNT(*), 0 FROM intake_dead_letter", null)[0];
    }

    private static long[] pair(Connection db, String sql, String like) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            if (like != null) {
                s.setString(1, like);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The queue and the cases over time: a line every 10 s, and the marks the steady rate is taken between. */
    private final class Progress {
        private final long start;
        private final List<double[]> samples = new ArrayList<>();
        private long lastSample;
        private long lastPrint;
        volatile int published;

        Progress(long start) {
            this.start = start;
        }

        boolean due() {
            return System.nanoTime() - lastSample > 1_000_000_000L;
        }

        /** Counts the contacts that became cases (their intake records) and the messages waiting. */
        long sample(Channel channel, Connection db, int publishedSoFar) throws Exception {
            long cases = pair(db, "SELECT COUNT(*), 0 FROM intake_contact WHERE channel IN ('SMS','MAIL','MICROBLOG')"
                    + " AND channel_message_id LIKE ?", idPrefix + "%")[0];
            long ready = channel.messageCount(QUEUE);
            lastSample = System.nanoTime();
            samples.add(new double[] {seconds(start), Math.max(publishedSoFar, published), ready, cases});
            if (lastSample - lastPrint >= 10_000_000_000L) {
                print(false);
            }
            return cases;
        }

        void print(boolean last) {
            lastPrint = System.nanoTime();
            double[] s = samples.get(samples.size() - 1);
            double[] earlier = samples.stream().filter(e -> e[0] >= s[0] - 10).findFirst().orElse(s);
            double rate = s[0] > earlier[0] ? (s[3] - earlier[3]) / (s[0] - earlier[0]) : 0;
            System.out.printf(Locale.ROOT, "%s t=%6.1f s  published=%6.0f  waiting on the queue=%6.0f  cases=%6.0f"
                    + "  (%.1f/s over the last 10 s)%n", last ? "final   " : "progress", s[0], s[1], s[2], s[3], rate);
        }

        /** Cases per second between the samples where 10 % and 90 % of the contacts had become cases. */
        double steadyRate() {
            double[] from = samples.stream().filter(e -> e[3] >= contacts * 0.1).findFirst().orElseThrow();
            double[] to = samples.stream().filter(e -> e[3] >= contacts * 0.9).findFirst().orElseThrow();
            return to[0] > from[0] ? (to[3] - from[3]) / (to[0] - from[0]) : Double.NaN;
        }
    }
}
