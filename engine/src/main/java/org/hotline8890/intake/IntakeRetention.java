package org.hotline8890.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hotline8890.records.PersonalDataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention rule for contacts as they arrived. A processed contact's payload (who wrote, from
 * where, what they said) has done its work once its case holds it, so after the retention period
 * only the row stays, to keep recognising the same contact if a channel delivers it again. A dead
 * letter never became a case; after the same period it is removed whole, which the run reports.
 */
@Component
class IntakeRetention implements PersonalDataStore {

    private final JdbcTemplate jdbc;

    IntakeRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Erased> eraseOlderThan(Instant cutoff) {
        int cleared = jdbc.update("UPDATE intake_queue_message SET payload = '' "
                + "WHERE state = 'DONE' AND processed_at < ? AND payload <> ''", Timestamp.from(cutoff));
        int removed = jdbc.update("DELETE FROM intake_dead_letter WHERE failed_at < ?", Timestamp.from(cutoff));
        return List.of(new Erased("processed contact payloads cleared", cleared), new Erased("dead letters removed", removed));
    }
}
