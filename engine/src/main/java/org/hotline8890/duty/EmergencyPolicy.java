package org.hotline8890.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Predicate;

import org.hotline8890.cases.Urgency;

/**
 * 紧急件: an urgent or very urgent case dispatched when nobody is at the office, that is at night
 * ({@code nightStarts}–{@code nightEnds}, possibly across midnight) or on a day the holiday calendar
 * says nobody works. Such a case must be put in a person's hands at once; in office hours the
 * department's workbench does that.
 */
final class EmergencyPolicy {

    private final LocalTime nightStarts;
    private final LocalTime nightEnds;
    private final ZoneId zone;

    EmergencyPolicy(LocalTime nightStarts, LocalTime nightEnds, ZoneId zone) {
        this.nightStarts = Objects.requireNonNull(nightStarts, "nightStarts");
        this.nightEnds = Objects.requireNonNull(nightEnds, "nightEnds");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (nightStarts.equals(nightEnds)) {
            throw new IllegalArgumentException("the night must have a length, got " + nightStarts + "–" + nightEnds);
        }
    }

    boolean isEmergency(Urgency urgency, Instant dispatchedAt, Predicate<LocalDate> workingDay) {
        return (urgency == Urgency.URGENT || urgency == Urgency.VERY_URGENT) && outOfHours(dispatchedAt, workingDay);
    }

    boolean outOfHours(Instant at, Predicate<LocalDate> workingDay) {
        ZonedDateTime local = at.atZone(zone);
        return !workingDay.test(local.toLocalDate()) || isNight(local.toLocalTime());
    }

    private boolean isNight(LocalTime time) {
        if (nightStarts.isAfter(nightEnds)) {
            return !time.isBefore(nightStarts) || time.isBefore(nightEnds);
        }
        return !time.isBefore(nightStarts) && time.isBefore(nightEnds);
    }
}
