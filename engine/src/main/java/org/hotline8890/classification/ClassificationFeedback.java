package org.hotline8890.classification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What staff chose against what was suggested, per field, for the accuracy report: how often the
 * first suggestion was taken as it was. Pages record through {@link CaseClassifier#recordChoice}.
 */
@Service
public class ClassificationFeedback {

    /** The fields a suggestion is made for, as stored in {@code classification_feedback.field}. */
    public enum Field { TYPE, CATEGORY, DEPARTMENT }

    /** Of {@code shown} first suggestions for a field, {@code corrected} were changed by staff. */
    public record FieldAccuracy(Field field, long shown, long corrected) {

        public double accepted() {
            return shown == 0 ? 0 : (double) (shown - corrected) / shown;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClassificationFeedback(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long caseId, Field field, List<CaseClassifier.Guess> shown, String chosen) {
        if (shown == null || shown.isEmpty() || chosen == null || chosen.isBlank()) {
            return;
        }
        jdbc.update("INSERT INTO classification_feedback (case_id, field, suggested, chosen, chosen_at) VALUES (?, ?, ?, ?, ?)",
                caseId, field.name(), shown.get(0).code(), chosen, // UTC, like every DATETIME the application writes.
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Per field, every choice recorded so far. */
    public List<FieldAccuracy> report() {
        return jdbc.query("""
                        SELECT field, COUNT(*) AS shown, SUM(CASE WHEN suggested <> chosen THEN 1 ELSE 0 END) AS corrected
                        FROM classification_feedback GROUP BY field ORDER BY field""",
                (rs, row) -> new FieldAccuracy(Field.valueOf(rs.getString("field")), rs.getLong("shown"),
                        rs.getLong("corrected")));
    }
}
