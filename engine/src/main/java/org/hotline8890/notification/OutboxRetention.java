package org.hotline8890.notification;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.hotline8890.records.PersonalDataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention rule for what the case told people: each message is de-identified like the case's
 * own texts, and the recipient's name and number (duty alerts) and any query code still held go.
 * The rows stay, so the delivery history (kind, channel, when sent) still shows on the case.
 */
@Component
class OutboxRetention implements PersonalDataStore {

    private final JdbcTemplate jdbc;

    OutboxRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Erased> eraseCase(Long caseId, UnaryOperator<String> deidentify) {
        List<Map<String, Object>> messages = jdbc.queryForList(
                "SELECT id, message FROM citizen_notification WHERE case_id = ?", caseId);
        for (Map<String, Object> m : messages) {
            jdbc.update("UPDATE citizen_notification SET message = ?, recipient_name = NULL, recipient_phone = NULL, "
                    + "query_code = NULL WHERE id = ?", deidentify.apply((String) m.get("message")), m.get("id"));
        }
        return List.of(new Erased("outbox messages de-identified", messages.size()));
    }
}
