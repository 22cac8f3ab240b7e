package org.hotline8890.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline8890.channels.ContactMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database and then the broker restarted while contacts keep arriving: the engine's readiness
 * probe says DOWN while each is away and UP after, the engine picks up again by itself, and every
 * contact the broker confirmed becomes exactly one case, none a dead letter.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServersRestartedUnderLoadTest {

    private static final String DATABASE = "hotline_faults";
    private static final String PREFIX = "restart-";
    /** Contacts are sent in small batches, 20 a second, from before the first outage until after the second. */
    private static final int BATCH = 10;
    private static final long BATCH_EVERY_MILLIS = 500;
    /** How long each server stays away once the engine has noticed. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

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
    void theEngineRidesOutADatabaseAndABrokerRestartAndLosesNothing() throws Exception {
        CaseLedger ledger = new CaseLedger(db, DATABASE);
        AtomicBoolean stop = new AtomicBoolean();
        try (EngineNode node = new EngineNode("restarts", db, DATABASE, rabbit, List.of());
             ChannelAdapter adapter = new ChannelAdapter(rabbit)) {
            node.startAndAwaitReady();
            CompletableFuture<Integer> load = CompletableFuture.supplyAsync(() -> sendUntil(stop, adapter));

            awaitCases(ledger, node, 100);
            db.stop();
            Outage database = ride(node, "db", () -> db.startServer());
            long afterDatabase = ledger.contactsSoFar(PREFIX);
            awaitCases(ledger, node, afterDatabase + 50);

            rabbit.stop();
            Outage broker = ride(node, "rabbit", () -> rabbit.startServer());
            long afterBroker = ledger.contactsSoFar(PREFIX);
            awaitCases(ledger, node, afterBroker + 50);

            stop.set(true);
            int sent = load.get(5, TimeUnit.MINUTES);
            awaitCases(ledger, node, sent);
            report("%d contacts confirmed by the broker; database outage: readiness DOWN %.1f s after the stop, UP %.1f s "
                    + "after the start; broker outage: DOWN %.1f s after the stop, UP %.1f s after the start; "
                    + "the adapter reconnected %d times",
                    sent, database.downAfter, database.upAfter, broker.downAfter, broker.upAfter, adapter.reconnects());

            assertThat(adapter.reconnects()).as("the broker outage fell inside the load").isPositive();
            assertThat(ledger.cases(PREFIX)).as("cases, and distinct message ids among them")
                    .isEqualTo(new CaseLedger.Count(sent, sent));
            assertThat(ledger.contacts(PREFIX)).as("intake records, and distinct cases they name")
                    .isEqualTo(new CaseLedger.Count(sent, sent));
            assertThat(ledger.processes(PREFIX)).as("process instances, and distinct cases they belong to")
                    .isEqualTo(new CaseLedger.Count(sent, sent));
            assertThat(ledger.deadLetters()).as("dead letters").isZero();
            assertThat(adapter.ready(ChannelAdapter.DEAD_QUEUE)).as("messages on the dead-letter queue").isZero();
        }
    }

    interface Restart {
        void run() throws Exception;
    }

    record Outage(double downAfter, double upAfter) {
    }

    /**
     * With the server just stopped: waits for readiness DOWN while liveness stays UP (an outage of a
     * server is no reason to restart the node), keeps the server away a while longer, starts it, and
     * waits for readiness UP.
     */
    private static Outage ride(EngineNode node, String component, Restart restart) throws Exception {
        long stopped = System.nanoTime();
        EngineNode.Health readiness = node.readiness();
        while (!readiness.down()) {
            if (System.nanoTime() - stopped > Duration.ofSeconds(90).toNanos()) {
                throw new AssertionError("readiness still " + readiness + " 90 s after " + component + " stopped");
            }
            Thread.sleep(500);
            readiness = node.readiness();
        }
        double downAfter = seconds(stopped);
        assertThat(readiness.httpStatus()).as("readiness answers 503 while " + component + " is down").isEqualTo(503);
        assertThat(node.health().down()).as("the health endpoint is DOWN while " + component + " is down").isTrue();
        assertThat(node.liveness().status()).as("liveness while " + component + " is down").isEqualTo("UP");
        Thread.sleep(OUTAGE.toMillis());
        assertThat(node.readiness().down()).as("readiness stays DOWN while " + component + " is away").isTrue();
        long started = System.nanoTime();
        restart.run();
        node.awaitReady(Duration.ofSeconds(120));
        return new Outage(downAfter, seconds(started));
    }

    /** Sends batches of new contacts at a steady pace until told to stop; answers how many the broker confirmed. */
    private static int sendUntil(AtomicBoolean stop, ChannelAdapter adapter) {
        int sent = 0;
        try {
            while (!stop.get()) {
                long began = System.nanoTime();
                List<ContactMessage> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(ChannelAdapter.sms(PREFIX + String.format("%06d", sent + i)));
                }
                adapter.sendAll(batch, Duration.ofMinutes(3));
                sent += BATCH;
                long rest = BATCH_EVERY_MILLIS - (System.nanoTime() - began) / 1_000_000;
                if (rest > 0) {
                    Thread.sleep(rest);
                }
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException("the adapter could not send its contacts", e);
        }
    }

    private static void awaitCases(CaseLedger ledger, EngineNode node, long target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            try {
                if (ledger.contactsSoFar(PREFIX) >= target) {
                    return;
                }
            } catch (java.sql.SQLException serverStillComingBack) {
                // The check itself may meet the database a moment before the engine does.
            }
            if (!node.alive()) {
                throw new IllegalStateException(node.name() + " died:\n" + ServerProcesses.tail(node.log(), 60));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + target + " contacts became cases; " + node.name() + " log:\n"
                        + ServerProcesses.tail(node.log(), 80));
            }
            Thread.sleep(250);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.printf("[faults] " + format + "%n", args);
    }
}
