package org.hotline8890.records;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a finished case keeps the citizen's personal data.
 *
 * @param personalData after this long since a case was closed, rejected or merged, its personal
 *                     data is removed; {@code 0} keeps it for ever (empty means the default)
 * @param cron         when the daily removal runs, in the hotline's time zone
 */
@ConfigurationProperties("hotline.retention")
public record RetentionProperties(
        @DefaultValue("P3Y") Period personalData,
        @DefaultValue("0 30 3 * * *") String cron) {

    public boolean keepsForever() {
        return personalData.isZero() || personalData.isNegative();
    }
}
