package org.hotline8890.callcenter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hotline8890.records.PersonalDataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention rule for queue calls: the caller's number goes after the retention period; the
 * wait, the outcome and the agent stay, and with them the call-center figures.
 */
@Component
class CallerRetention implements PersonalDataStore {

    private final JdbcTemplate jdbc;

    CallerRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Erased> eraseOlderThan(Instant cutoff) {
        int forgotten = jdbc.update("UPDATE call_center_call SET caller_number = NULL "
                + "WHERE joined_at < ? AND caller_number IS NOT NULL", LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        return List.of(new Erased("caller numbers removed from queue calls", forgotten));
    }
}
