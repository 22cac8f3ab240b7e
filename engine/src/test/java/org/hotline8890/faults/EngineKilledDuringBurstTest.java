package org.hotline8890.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.hotline8890.channels.ContactMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A burst of contacts on the intake queue while the engine is killed (SIGKILL) twice and started
 * again: every contact becomes exactly one case. {@code HOTLINE_FAULTS_CONTACTS} sets the size of the
 * burst (the 20,000 in the documented full run; smaller in CI to fit its time).
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineKilledDuringBurstTest {

    private static final String DATABASE = "hotline_faults";
    private static final String PREFIX = "burst-";

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
    void everyContactOfABurstBecomesExactlyOneCaseThoughTheEngineIsKilledTwice() throws Exception {
        int n = Integer.parseInt(System.getenv().getOrDefault("HOTLINE_FAULTS_CONTACTS", "2000"));
        CaseLedger ledger = new CaseLedger(db, DATABASE);
        List<ContactMessage> burst = IntStream.range(0, n).mapToObj(i -> ChannelAdapter.sms(PREFIX + String.format("%06d", i))).toList();

        EngineNode first = new EngineNode("burst-1", db, DATABASE, rabbit, List.of());
        EngineNode second = new EngineNode("burst-2", db, DATABASE, rabbit, List.of());
        EngineNode third = new EngineNode("burst-3", db, DATABASE, rabbit, List.of());
        try (first; second; third; ChannelAdapter adapter = new ChannelAdapter(rabbit)) {
            first.startAndAwaitReady();
            long started = System.nanoTime();
            adapter.sendAll(burst, Duration.ofMinutes(5));
            report("burst of %d contacts confirmed by the broker in %.1f s", n, seconds(started));

            awaitContacts(ledger, first, n / 3, n);
            long atFirstKill = ledger.contactsSoFar(PREFIX);
            first.kill();
            report("SIGKILL 1 at %d cases", atFirstKill);

            second.startAndAwaitReady();
            awaitContacts(ledger, second, 2 * n / 3, n);
            long atSecondKill = ledger.contactsSoFar(PREFIX);
            second.kill();
            report("SIGKILL 2 at %d cases", atSecondKill);

            third.startAndAwaitReady();
            awaitContacts(ledger, third, n, n);
            awaitEmpty(adapter);
            report("all %d contacts are cases %.1f s after the burst began (engine starts included)", n, seconds(started));

            assertThat(atFirstKill).as("the first kill came in the middle of the burst").isLessThan(n);
            assertThat(atSecondKill).as("the second kill came in the middle of the burst").isLessThan(n);
            assertThat(ledger.cases(PREFIX)).as("cases, and distinct message ids among them")
                    .isEqualTo(new CaseLedger.Count(n, n));
            assertThat(ledger.contacts(PREFIX)).as("intake records, and distinct cases they name")
                    .isEqualTo(new CaseLedger.Count(n, n));
            assertThat(ledger.processes(PREFIX)).as("process instances, and distinct cases they belong to")
                    .isEqualTo(new CaseLedger.Count(n, n));
            assertThat(ledger.deadLetters()).as("dead letters").isZero();
            assertThat(adapter.ready(ChannelAdapter.DEAD_QUEUE)).as("messages on the dead-letter queue").isZero();
        }
    }

    /** Waits until at least {@code target} contacts are cases; the allowance grows with the burst. */
    private static void awaitContacts(CaseLedger ledger, EngineNode node, long target, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + n / 20).toNanos();
        while (ledger.contactsSoFar(PREFIX) < target) {
            if (!node.alive()) {
                throw new IllegalStateException(node.name() + " died:\n" + ServerProcesses.tail(node.log(), 60));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + ledger.contactsSoFar(PREFIX) + " of " + target + " contacts became cases; "
                        + node.name() + " log:\n" + ServerProcesses.tail(node.log(), 60));
            }
            Thread.sleep(200);
        }
    }

    /** The last acknowledgements follow the last commits: nothing may be left on the queue. */
    private static void awaitEmpty(ChannelAdapter adapter) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (adapter.ready("hotline.intake") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.printf("[faults] " + format + "%n", args);
    }
}
