package org.hotline8890.callcenter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hotline8890.channels.asterisk.QueueCallEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one row per call offered to a queue. A call waits until an agent answers it or it is
 * abandoned; whichever comes first decides it, and later events for the call change nothing. A caller
 * who hangs up while still waiting has abandoned the call, whether or not Asterisk said so first.
 */
@Component
class CallCenterCalls {

    static final String WAITING = "WAITING";
    static final String ANSWERED = "ANSWERED";
    static final String ABANDONED = "ABANDONED";

    private final JdbcTemplate jdbc;

    CallCenterCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void joined(QueueCallEvent.CallerJoined call) {
        try {
            jdbc.update("""
                    INSERT INTO call_center_call (call_id, queue_name, caller_number, joined_at, outcome)
                    VALUES (?, ?, ?, ?, ?)""", call.callId(), call.queue(), call.callerNumber(), at(call.at()), WAITING);
        } catch (DuplicateKeyException sameCallAgain) {
            // A call re-entering a queue is still the one call that was offered.
        }
    }

    @EventListener
    void answered(QueueCallEvent.AgentAnswered call) {
        jdbc.update("""
                UPDATE call_center_call SET outcome = ?, answered_at = ?, wait_seconds = ?, agent_interface = ?
                WHERE call_id = ? AND outcome = ?""",
                ANSWERED, at(call.at()), call.waitSeconds(), call.agentInterface(), call.callId(), WAITING);
    }

    @EventListener
    void abandoned(QueueCallEvent.CallerAbandoned call) {
        abandon(call.callId(), call.at(), call.waitSeconds());
    }

    @EventListener
    void hungUp(QueueCallEvent.HungUp call) {
        List<LocalDateTime> waitingSince = jdbc.queryForList(
                "SELECT joined_at FROM call_center_call WHERE call_id = ? AND outcome = ?", LocalDateTime.class,
                call.callId(), WAITING);
        if (!waitingSince.isEmpty()) {
            Instant joined = waitingSince.get(0).toInstant(ZoneOffset.UTC);
            long waited = Math.max(0, Duration.between(joined, call.at()).toSeconds());
            abandon(call.callId(), call.at(), waited);
        }
    }

    private void abandon(String callId, Instant at, long waitSeconds) {
        jdbc.update("""
                UPDATE call_center_call SET outcome = ?, abandoned_at = ?, wait_seconds = ?
                WHERE call_id = ? AND outcome = ?""", ABANDONED, at(at), waitSeconds, callId, WAITING);
    }

    /** Stored in UTC like every other timestamp, whatever the JVM's zone. */
    static LocalDateTime at(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
