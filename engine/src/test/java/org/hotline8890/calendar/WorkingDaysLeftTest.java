package org.hotline8890.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** How many whole working days are left before a deadline: the words of the department's countdown. */
class WorkingDaysLeftTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingTimeCalculator calculator = new WorkingTimeCalculator(HolidayFiles.shipped(), SHANGHAI,
            LocalTime.of(8, 30), LocalTime.of(17, 30));

    @Test
    void theNationalDayHolidayDoesNotCountButTheMakeUpSaturdayDoes() {
        // Oct 1–7 are off and Saturday Oct 10 is worked: Oct 8, 9 and 10 are left.
        assertThat(calculator.workingDaysAfter(at("2026-09-30T10:00:00+08:00"), at("2026-10-10T23:59:59+08:00")))
                .isEqualTo(3);
    }

    @Test
    void aDeadlineLaterTodayOrAlreadyPastLeavesNoWholeDay() {
        assertThat(calculator.workingDaysAfter(at("2026-03-09T09:00:00+08:00"), at("2026-03-09T23:59:59+08:00")))
                .isZero();
        assertThat(calculator.workingDaysAfter(at("2026-03-09T09:00:00+08:00"), at("2026-03-06T23:59:59+08:00")))
                .isZero();
    }

    @Test
    void daysAreCountedInTheHotlinesZoneNotInUtc() {
        // 2026-03-09T20:00Z is already Tuesday the 10th in Shanghai: only Wednesday the 11th is left.
        assertThat(calculator.workingDaysAfter(Instant.parse("2026-03-09T20:00:00Z"), at("2026-03-11T23:59:59+08:00")))
                .isEqualTo(1);
    }

    private static Instant at(String offsetDateTime) {
        return java.time.OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
