package org.hotline8890.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.hotline8890.HotlineProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out case numbers like {@code 8890-20261122-000123}: prefix, the local date, a per-day counter.
 * The counter row is bumped in its own short transaction so intake transactions never queue behind
 * its lock; a rolled-back intake leaves a gap in the numbering, which is harmless.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcTemplate jdbc;
    private final String prefix;
    private final ZoneId zone;

    CaseNumbers(JdbcTemplate jdbc, HotlineProperties properties) {
        this.jdbc = jdbc;
        this.prefix = properties.caseNumberPrefix();
        this.zone = properties.zone();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(Instant at) {
        String day = DAY.format(at.atZone(zone));
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE case_number_counter SET last_value = last_value + 1 WHERE day_key = ?", day);
            if (updated == 0) {
                try {
                    jdbc.update("INSERT INTO case_number_counter (day_key, last_value) VALUES (?, 1)", day);
                    return format(day, 1);
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Long value = jdbc.queryForObject("SELECT last_value FROM case_number_counter WHERE day_key = ?", Long.class, day);
            return format(day, value);
        }
        throw new IllegalStateException("could not allocate a case number for " + day);
    }

    private String format(String day, long value) {
        return "%s-%s-%06d".formatted(prefix, day, value);
    }
}
