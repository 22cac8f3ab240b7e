package org.hotline8890.intake;

import java.time.Clock;
import java.util.List;

import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default's intake queue: a table. A contact is durable once its row commits, and a
 * poller turns rows into cases in order, marking each row done in the same transaction as its case.
 */
@Component
@ConditionalOnProperty(name = "hotline.intake-queue", havingValue = "in-process", matchIfMissing = true)
class InProcessIntakeQueue implements IntakeQueue, DeadLetters.Requeue, IntakeBacklog {

    private static final Logger log = LoggerFactory.getLogger(InProcessIntakeQueue.class);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ContactCodec codec;
    private final IntakeService intake;
    private final IntakeSettings settings;
    private final DeadLetters deadLetters;
    private final Clock clock;

    InProcessIntakeQueue(JdbcTemplate jdbc, TransactionTemplate tx, ContactCodec codec, IntakeService intake,
                         IntakeSettings settings, @Lazy DeadLetters deadLetters, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.codec = codec;
        this.intake = intake;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public long waiting() {
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM intake_queue_message WHERE state = 'PENDING'", Long.class);
        return pending == null ? 0 : pending;
    }

    /** A dead contact goes back to PENDING with a fresh count of attempts. */
    @Override
    public void requeue(String channel, String channelMessageId, String payload) {
        jdbc.update("""
                UPDATE intake_queue_message SET state = 'PENDING', attempts = 0, last_error = NULL
                WHERE channel = ? AND channel_message_id = ? AND state = 'DEAD'""", channel, channelMessageId);
    }

    @Override
    public void publish(ContactMessage contact) {
        try {
            tx.executeWithoutResult(s -> jdbc.update("""
                    INSERT INTO intake_queue_message (channel, channel_message_id, payload, state, attempts, enqueued_at)
                    VALUES (?, ?, ?, 'PENDING', 0, ?)""",
                    contact.channel().name(), contact.channelMessageId(), codec.encode(contact),
                    java.sql.Timestamp.from(clock.instant())));
        } catch (DuplicateKeyException alreadyQueued) {
            // The same contact delivered again: it is queued already, and that is all the sender needs.
        }
    }

    /** Drains what is pending; returns how many rows it handled (for tests and the poller). */
    int drain() {
        List<Pending> pending = jdbc.query(
                "SELECT id, channel, channel_message_id, payload FROM intake_queue_message WHERE state = 'PENDING' "
                        + "ORDER BY id LIMIT " + BATCH,
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        pending.forEach(this::process);
        return pending.size();
    }

    @Scheduled(fixedDelayString = "${hotline.intake.poll-interval:500}")
    void poll() {
        while (drain() == BATCH) {
            // keep going while full batches come back
        }
    }

    private record Pending(long id, String channel, String channelMessageId, String payload) {
    }

    private void process(Pending message) {
        long id = message.id();
        String payload = message.payload();
        try {
            tx.executeWithoutResult(s -> {
                intake.accept(codec.decode(payload));
                jdbc.update("UPDATE intake_queue_message SET state = 'DONE', processed_at = ? WHERE id = ?",
                        java.sql.Timestamp.from(clock.instant()), id);
            });
        } catch (InvalidContactException e) {
            log.warn("intake message {} set aside: {}", id, e.getMessage());
            markFailed(message, e.getMessage(), true);
        } catch (RuntimeException e) {
            log.warn("intake message {} failed, will retry: {}", id, e.toString());
            markFailed(message, e.toString(), false);
        }
    }

    /** Counts the failure; a permanent one, or the last allowed, sets the contact aside as a dead letter. */
    private void markFailed(Pending message, String reason, boolean permanent) {
        String why = reason == null ? "unknown" : reason.substring(0, Math.min(1000, reason.length()));
        tx.executeWithoutResult(s -> {
            jdbc.update("""
                    UPDATE intake_queue_message
                    SET attempts = attempts + 1, last_error = ?,
                        state = CASE WHEN ? OR attempts + 1 >= ? THEN 'DEAD' ELSE state END
                    WHERE id = ?""", why, permanent, settings.maxAttempts(), message.id());
            String state = jdbc.queryForObject("SELECT state FROM intake_queue_message WHERE id = ?", String.class,
                    message.id());
            if ("DEAD".equals(state)) {
                deadLetters.record(message.channel(), message.channelMessageId(), message.payload(), why);
            }
        });
    }
}
