package org.hotline8890.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline8890.cases.CaseStateException;
import org.hotline8890.channels.ContactMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts the engine could not turn into a case, from whichever queue, kept whole with the
 * reason so that nothing is dropped silently: admins list them and, once the cause is fixed (a
 * missing category, a database that was down), queue them again.
 */
@Service
public class DeadLetters {

    private static final int REASON_LENGTH = 1000;

    private final JdbcTemplate jdbc;
    private final ContactCodec codec;
    private final Requeue requeue;
    private final Clock clock;

    DeadLetters(JdbcTemplate jdbc, ContactCodec codec, Requeue requeue, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.requeue = requeue;
        this.clock = clock;
    }

    /** Puts a contact back on the intake queue it died on. */
    interface Requeue {
        void requeue(String channel, String channelMessageId, String payload);
    }

    public record DeadLetter(long id, String channel, String channelMessageId, String reason, Instant failedAt,
                             String subject, String text) {
    }

    void record(String channel, String channelMessageId, String payload, String reason) {
        String why = reason == null || reason.isBlank() ? "unknown" : reason;
        jdbc.update("""
                INSERT INTO intake_dead_letter (channel, channel_message_id, payload, reason, failed_at)
                VALUES (?, ?, ?, ?, ?)""", channel, channelMessageId, payload,
                why.substring(0, Math.min(REASON_LENGTH, why.length())), Timestamp.from(clock.instant()));
    }

    /** Dead letters not yet queued again, newest first. */
    @Transactional(readOnly = true)
    public List<DeadLetter> open() {
        return jdbc.query("""
                SELECT id, channel, channel_message_id, reason, failed_at, payload FROM intake_dead_letter
                WHERE requeued_at IS NULL ORDER BY id DESC""", (rs, i) -> {
            String payload = rs.getString(6);
            String subject = null;
            String text = payload;
            try {
                ContactMessage m = codec.decode(payload);
                subject = m.subject();
                text = m.text();
            } catch (InvalidContactException unreadable) {
                // shown raw: that it cannot be read is often why it died
            }
            return new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant(), subject, text);
        });
    }

    /** Open dead letters per channel name, for the channel status page. */
    @Transactional(readOnly = true)
    public Map<String, Long> openCountByChannel() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT channel, COUNT(*) FROM intake_dead_letter WHERE requeued_at IS NULL GROUP BY channel",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    @Transactional(readOnly = true)
    public long openCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM intake_dead_letter WHERE requeued_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    @Transactional
    public void requeue(long id) {
        List<String[]> found = jdbc.query(
                "SELECT channel, channel_message_id, payload FROM intake_dead_letter WHERE id = ? AND requeued_at IS NULL",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, id);
        if (found.isEmpty()) {
            throw new CaseStateException("deadLetter.unknown", "no open dead letter with id " + id);
        }
        String[] letter = found.get(0);
        jdbc.update("UPDATE intake_dead_letter SET requeued_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
        requeue.requeue(letter[0], letter[1], letter[2]);
    }
}
