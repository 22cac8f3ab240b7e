package org.hotline8890.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.rabbitmq.client.Connection;

/**
 * Two engine nodes on one database and one broker, as docker/compose.yml runs them: both consume the
 * intake queue and both run Camunda's job executor. Every contact becomes one case, every sign-for
 * timer fires once, and when one node is killed in the middle the other finishes its work, the
 * jobs the dead node had locked included.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOneDatabaseTest {

    private static final String DATABASE = "hotline_faults";
    private static final String CONTACT_PREFIX = "pair-";
    private static final String TIMER_PREFIX = "timer-";
    private static final int CONTACTS = 600;
    private static final int DISPATCHED = 120;
    private static final int CONSUMERS_PER_NODE = 4;
    /**
     * The test's job executor settings, and why. Camunda locks the jobs a node takes for
     * lock-time-in-millis (5 minutes by default); a node killed with jobs locked leaves them to the
     * others only when that lock expires, so the test shortens it to 15 s to see the takeover within
     * its time. Production keeps the default: a lock shorter than the longest job lets a second node
     * run a job the first is still running. max-wait bounds the idle job acquisition's back-off (one
     * minute by default) so that the timers the test makes due are seen within seconds.
     */
    private static final List<String> JOB_EXECUTOR = List.of(
            "--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--camunda.bpm.job-execution.max-wait=2000",
            // Given, not assumed: the consumer counts below are per node.
            "--spring.rabbitmq.listener.simple.concurrency=" + CONSUMERS_PER_NODE);

    private PrivateMariaDb db;
    private PrivateRabbitMq rabbit;

    @BeforeAll
    void servers() throws Exception {
        db = PrivateMariaDb.start();
        rabbit = PrivateRabbitMq.start();
        db.freshDatabase(DATABASE);
    }

    @AfterAll
    void stopServers() {
        if (rabbit != null) {
            rabbit.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyTimerFiresOnceAndEveryCaseIsMadeOnceAndTheSurvivorFinishesTheWork() throws Exception {
        CaseLedger ledger = new CaseLedger(db, DATABASE);
        try (EngineNode a = new EngineNode("node-a", db, DATABASE, rabbit, JOB_EXECUTOR);
             EngineNode b = new EngineNode("node-b", db, DATABASE, rabbit, JOB_EXECUTOR);
             ChannelAdapter adapter = new ChannelAdapter(rabbit)) {
            // One after the other: the first migrates the schema and loads the demo organisation.
            a.startAndAwaitReady();
            b.startAndAwaitReady();
            assertThat(consumers()).as("both nodes consume the intake queue").isEqualTo(2 * CONSUMERS_PER_NODE);

            // Cases dispatched by agents through either node, four calls at a time: each waits for its
            // department to sign.
            ExecutorService agents = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> calls = IntStream.range(0, DISPATCHED).<Future<?>>mapToObj(i -> agents.submit(() -> {
                    logDispatchedCall(i % 2 == 0 ? a : b, TIMER_PREFIX + String.format("%06d", i));
                    return null;
                })).toList();
                for (Future<?> call : calls) {
                    call.get(5, TimeUnit.MINUTES);
                }
            } finally {
                agents.shutdownNow();
            }
            assertThat(signTimers()).as("sign-for timers waiting").isEqualTo(DISPATCHED);

            adapter.sendAll(IntStream.range(0, CONTACTS)
                    .mapToObj(i -> ChannelAdapter.sms(CONTACT_PREFIX + String.format("%06d", i))).toList(), Duration.ofMinutes(2));
            // The departments let the limit pass: every sign-for timer is due now.
            ledger.update("""
                    UPDATE ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_
                    SET j.DUEDATE_ = NOW() - INTERVAL 1 DAY WHERE d.ACT_ID_ = 'Timer_SignDeadline'""");

            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (lateFlags(ledger) == 0 || ledger.contactsSoFar(CONTACT_PREFIX) == 0) {
                assertThat(System.nanoTime()).as("timers and contacts under way").isLessThan(deadline);
                Thread.sleep(100);
            }
            long flagsAtKill = lateFlags(ledger);
            long contactsAtKill = ledger.contactsSoFar(CONTACT_PREFIX);
            long lockedAtKill = ledger.single("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
            a.kill();
            report("node-a killed with %d of %d timers fired, %d of %d contacts made cases, %d jobs locked",
                    flagsAtKill, DISPATCHED, contactsAtKill, CONTACTS, lockedAtKill);
            long killed = System.nanoTime();

            deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (lateFlags(ledger) < DISPATCHED || ledger.contactsSoFar(CONTACT_PREFIX) < CONTACTS) {
                if (!b.alive() || System.nanoTime() > deadline) {
                    throw new AssertionError("node-b did not finish: " + lateFlags(ledger) + " timers, "
                            + ledger.contactsSoFar(CONTACT_PREFIX) + " contacts; log:\n" + ServerProcesses.tail(b.log(), 60));
                }
                Thread.sleep(250);
            }
            report("node-b finished the work %.1f s after the kill", (System.nanoTime() - killed) / 1e9);

            assertThat(flagsAtKill).as("the kill came while timers were firing").isLessThan(DISPATCHED);
            assertThat(consumers()).as("the survivor still consumes").isEqualTo(CONSUMERS_PER_NODE);
            assertThat(ledger.cases(CONTACT_PREFIX)).isEqualTo(new CaseLedger.Count(CONTACTS, CONTACTS));
            assertThat(ledger.contacts(CONTACT_PREFIX)).isEqualTo(new CaseLedger.Count(CONTACTS, CONTACTS));
            assertThat(ledger.processes(CONTACT_PREFIX)).isEqualTo(new CaseLedger.Count(CONTACTS, CONTACTS));
            assertThat(ledger.processes(TIMER_PREFIX)).isEqualTo(new CaseLedger.Count(DISPATCHED, DISPATCHED));
            assertThat(ledger.deadLetters()).isZero();
            // Once each: one SIGN_LATE event per case, and one run of the flagging step per process.
            assertThat(pair(ledger, """
                    SELECT COUNT(*) FROM case_event e JOIN hotline_case c ON c.id = e.case_id
                    WHERE e.event_type = 'SIGN_LATE' AND c.subject LIKE ?""", """
                    SELECT COUNT(DISTINCT e.case_id) FROM case_event e JOIN hotline_case c ON c.id = e.case_id
                    WHERE e.event_type = 'SIGN_LATE' AND c.subject LIKE ?""")).isEqualTo(new CaseLedger.Count(DISPATCHED, DISPATCHED));
            assertThat(new CaseLedger.Count(
                    ledger.single("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_FlagLateSigning' AND END_TIME_ IS NOT NULL"),
                    ledger.single("SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_FlagLateSigning'")))
                    .as("runs of the flagging step, and distinct processes among them")
                    .isEqualTo(new CaseLedger.Count(DISPATCHED, DISPATCHED));
            assertThat(signTimers()).as("sign-for timers left").isZero();
        }
    }

    private long signTimers() throws Exception {
        return new CaseLedger(db, DATABASE).single("""
                SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_
                WHERE d.ACT_ID_ = 'Timer_SignDeadline'""");
    }

    private static long lateFlags(CaseLedger ledger) throws Exception {
        return ledger.single("""
                SELECT COUNT(*) FROM case_event e JOIN hotline_case c ON c.id = e.case_id
                WHERE e.event_type = 'SIGN_LATE' AND c.subject LIKE ?""", ChannelAdapter.subject(TIMER_PREFIX) + "%");
    }

    private static CaseLedger.Count pair(CaseLedger ledger, String rows, String distinct) throws Exception {
        String like = ChannelAdapter.subject(TIMER_PREFIX) + "%";
        return new CaseLedger.Count(ledger.single(rows, like), ledger.single(distinct, like));
    }

    private int consumers() throws Exception {
        try (Connection c = rabbit.connectionFactory().newConnection("fault-suite-probe");
             com.rabbitmq.client.Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive("hotline.intake").getConsumerCount();
        }
    }

    /** An agent logs a noise complaint and sends it on (the demo routing gives it a department). */
    private static void logDispatchedCall(EngineNode node, String id) throws Exception {
        String body = """
                {"decision":"DISPATCH","request":{"type":"COMPLAINT","category":"ENV.NOISE","district":"DC",
                 "location":"东华路12号","subject":"%s","content":"工地夜间施工噪音扰民。","phone":"13812345678"}}"""
                .formatted(ChannelAdapter.subject(id));
        HttpResponse<String> response = node.http().send(HttpRequest.newBuilder(node.uri("/api/agent/cases"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", id)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("agent API: " + response.body()).isEqualTo(201);
    }

    private static void report(String format, Object... args) {
        System.out.printf("[faults] " + format + "%n", args);
    }
}
