package org.hotline8890.duty;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Emergencies out of hours (docs/emergencies.md).
 *
 * @param nightStarts when the night begins on a working day (local time in the hotline's zone)
 * @param nightEnds   when it ends the next morning; a night may wrap past midnight
 * @param signWithin  how long the department has to sign for an emergency once its duty person is alerted
 * @param rosterDays  how many past days of shifts the roster pages and API still list
 */
@ConfigurationProperties("hotline.duty")
record DutySettings(@DefaultValue("18:00") LocalTime nightStarts,
                    @DefaultValue("08:30") LocalTime nightEnds,
                    @DefaultValue("15m") Duration signWithin,
                    @DefaultValue("1") int rosterDays) {
}
