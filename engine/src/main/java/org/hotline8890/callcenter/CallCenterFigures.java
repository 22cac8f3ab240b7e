package org.hotline8890.callcenter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 接通率 and the 15-second answer rate for the calls that joined a queue in a period, as defined in
 * docs/metrics.md ("Call-center figures"). Calls still waiting are undecided and count nowhere yet.
 */
@Component
class CallCenterFigures {

    static final int ANSWER_TARGET_SECONDS = 15;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CallCenterFigures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param offered             calls that joined in the period and left the queue, answered or not
     * @param answered            of those, taken by an agent
     * @param answeredWithin15s   answered after at most 15 seconds in the queue
     * @param abandoned           offered but not answered
     * @param waiting             joined in the period and still in the queue (not counted above)
     * @param answerRate          answered / offered (接通率)
     * @param answerRate15s       answeredWithin15s / offered (15 秒接通率)
     * @param averageAnswerWaitSeconds mean time in the queue of the answered calls
     * @param averageAbandonWaitSeconds mean time in the queue before abandoning
     */
    record Report(Instant from, Instant to, Instant computedAt, long offered, long answered, long answeredWithin15s,
                  long abandoned, long waiting, BigDecimal answerRate, BigDecimal answerRate15s,
                  BigDecimal averageAnswerWaitSeconds, BigDecimal averageAbandonWaitSeconds) {
    }

    Report report(Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT COUNT(CASE WHEN outcome <> 'WAITING' THEN 1 END),
                       COUNT(CASE WHEN outcome = 'ANSWERED' THEN 1 END),
                       COUNT(CASE WHEN outcome = 'ANSWERED' AND wait_seconds <= ? THEN 1 END),
                       COUNT(CASE WHEN outcome = 'ABANDONED' THEN 1 END),
                       COUNT(CASE WHEN outcome = 'WAITING' THEN 1 END),
                       COALESCE(SUM(CASE WHEN outcome = 'ANSWERED' THEN wait_seconds END), 0),
                       COALESCE(SUM(CASE WHEN outcome = 'ABANDONED' THEN wait_seconds END), 0)
                FROM call_center_call WHERE joined_at >= ? AND joined_at < ?""",
                (rs, i) -> {
                    long offered = rs.getLong(1);
                    long answered = rs.getLong(2);
                    long within = rs.getLong(3);
                    long abandoned = rs.getLong(4);
                    return new Report(from, to, clock.instant(), offered, answered, within, abandoned, rs.getLong(5),
                            ratio(answered, offered, 4), ratio(within, offered, 4), ratio(rs.getLong(6), answered, 1),
                            ratio(rs.getLong(7), abandoned, 1));
                },
                ANSWER_TARGET_SECONDS, CallCenterCalls.at(from), CallCenterCalls.at(to));
    }

    private static BigDecimal ratio(long numerator, long denominator, int scale) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }
}
