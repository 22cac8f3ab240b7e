package org.hotline8890.open311;

import java.util.List;
import java.util.function.UnaryOperator;

import org.hotline8890.channels.Channel;
import org.hotline8890.records.PersonalDataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention rule for Open311 requests: the exact coordinates, the address and the media link can
 * point at the citizen's home, so they go with the rest of the case's personal data. The row stays
 * with its service code and time, so the request's token still answers with its (anonymous) case.
 */
@Component
class Open311Retention implements PersonalDataStore {

    private final JdbcTemplate jdbc;

    Open311Retention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Erased> eraseCase(Long caseId, UnaryOperator<String> deidentify) {
        int forgotten = jdbc.update("""
                UPDATE open311_request
                SET latitude = NULL, longitude = NULL, address_string = NULL, address_id = NULL, media_url = NULL
                WHERE token IN (SELECT channel_message_id FROM intake_contact WHERE case_id = ? AND channel = ?)""",
                caseId, Channel.OPEN311.name());
        return List.of(new Erased("Open311 locations removed", forgotten));
    }
}
