package org.hotline8890.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Predicate;

import org.hotline8890.cases.Urgency;
import org.junit.jupiter.api.Test;

class EmergencyPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** National Day 2026 is a Thursday off; Sunday 2026-10-11 is a make-up working day (调休). */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1));
    private static final Set<LocalDate> MAKE_UP_DAYS = Set.of(LocalDate.of(2026, 10, 11));
    private static final Predicate<LocalDate> WORKING_DAY = d -> MAKE_UP_DAYS.contains(d)
            || !HOLIDAYS.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    private final EmergencyPolicy policy = new EmergencyPolicy(LocalTime.of(18, 0), LocalTime.of(8, 30), SHANGHAI);

    @Test
    void anUrgentCaseDispatchedInOfficeHoursOnAWorkingDayIsNoEmergency() {
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-11-23T10:00"), WORKING_DAY)).isFalse();
        assertThat(policy.isEmergency(Urgency.VERY_URGENT, at("2026-11-23T17:59"), WORKING_DAY)).isFalse();
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-11-24T08:30"), WORKING_DAY)).isFalse();
    }

    @Test
    void anUrgentCaseDispatchedAtNightIsAnEmergencyOnBothSidesOfMidnight() {
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-11-23T18:00"), WORKING_DAY)).isTrue();
        assertThat(policy.isEmergency(Urgency.VERY_URGENT, at("2026-11-23T23:59"), WORKING_DAY)).isTrue();
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-11-24T03:00"), WORKING_DAY)).isTrue();
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-11-24T08:29"), WORKING_DAY)).isTrue();
    }

    @Test
    void weekendsAndHolidaysAreOutOfHoursAllDayButMakeUpWorkingDaysAreNot() {
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-11-22T11:00"), WORKING_DAY)).as("a Sunday").isTrue();
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-10-01T11:00"), WORKING_DAY)).as("National Day").isTrue();
        assertThat(policy.isEmergency(Urgency.URGENT, at("2026-10-11T11:00"), WORKING_DAY)).as("a make-up Sunday")
                .isFalse();
    }

    @Test
    void aNormalCaseIsNeverAnEmergency() {
        assertThat(policy.isEmergency(Urgency.NORMAL, at("2026-11-23T23:00"), WORKING_DAY)).isFalse();
        assertThat(policy.isEmergency(Urgency.NORMAL, at("2026-10-01T11:00"), WORKING_DAY)).isFalse();
    }

    @Test
    void theNightIsTakenInTheHotlinesZoneNotUtc() {
        // 02:00 UTC is 10:00 in Shanghai: office hours.
        assertThat(policy.isEmergency(Urgency.URGENT, Instant.parse("2026-11-23T02:00:00Z"), WORKING_DAY)).isFalse();
        // 11:00 UTC is 19:00 in Shanghai: night.
        assertThat(policy.isEmergency(Urgency.URGENT, Instant.parse("2026-11-23T11:00:00Z"), WORKING_DAY)).isTrue();
    }

    @Test
    void aNightWithinOneDayIsSupportedAndAnEmptyNightRefused() {
        EmergencyPolicy lateShift = new EmergencyPolicy(LocalTime.of(0, 0), LocalTime.of(6, 0), SHANGHAI);
        assertThat(lateShift.isEmergency(Urgency.URGENT, at("2026-11-23T05:00"), WORKING_DAY)).isTrue();
        assertThat(lateShift.isEmergency(Urgency.URGENT, at("2026-11-23T20:00"), WORKING_DAY)).isFalse();
        assertThatThrownBy(() -> new EmergencyPolicy(LocalTime.of(8, 0), LocalTime.of(8, 0), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
