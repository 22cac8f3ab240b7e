package org.hotline8890.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline8890.calendar.HolidayFiles.SHANGHAI;
import static org.hotline8890.calendar.HolidayFiles.instant;
import static org.hotline8890.calendar.HolidayFiles.shanghai;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class WorkingTimeCalculatorTest {

    private static final LocalTime OPENS = LocalTime.of(8, 30);
    private static final LocalTime CLOSES = LocalTime.of(17, 30);

    private final HolidayCalendar calendar = HolidayFiles.shipped();
    private final WorkingTimeCalculator calculator = new WorkingTimeCalculator(calendar, SHANGHAI, OPENS, CLOSES);

    @Test
    void fiveWorkingDaysFromTheEveOfNationalDayEndAfterTheHoliday() {
        // Oct 1–7 are off and Saturday Oct 10 is worked: the five days are Oct 8, 9, 10, 12 and 13.
        Deadline deadline = calculator.plusWorkingDays(shanghai("2026-09-30T10:00"), 5);

        assertThat(deadline).isEqualTo(new Deadline(instant("2026-10-13T23:59:59+08:00"), true));
    }

    @Test
    void oneWorkingDayFromTheFridayBeforeAMakeUpSaturdayEndsOnThatSaturday() {
        Deadline deadline = calculator.plusWorkingDays(shanghai("2026-10-09T15:00"), 1);

        assertThat(deadline.due()).isEqualTo(instant("2026-10-10T23:59:59+08:00"));
    }

    @Test
    void fiveWorkingDaysFromAnOrdinaryMondayEndTheNextMonday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();

        Deadline deadline = calculator.plusWorkingDays(shanghai("2026-03-09T09:00"), 5);

        assertThat(deadline.due()).isEqualTo(instant("2026-03-16T23:59:59+08:00"));
    }

    @Test
    void theStartDayNeverCountsWhateverTheHour() {
        assertThat(calculator.plusWorkingDays(shanghai("2026-03-09T00:00"), 1).due())
                .isEqualTo(calculator.plusWorkingDays(shanghai("2026-03-09T23:59:59"), 1).due())
                .isEqualTo(instant("2026-03-10T23:59:59+08:00"));
    }

    @Test
    void theStartDateIsTheDateInTheHotlinesTimeZone() {
        // Sunday 16:30 UTC is already Monday 00:30 in Shanghai.
        Deadline deadline = calculator.plusWorkingDays(instant("2026-03-08T16:30:00Z"), 1);

        assertThat(deadline.due()).isEqualTo(instant("2026-03-10T23:59:59+08:00"));
    }

    @Test
    void workingDaysReachingIntoAYearWithoutANoticeAreFlaggedIncomplete() {
        // No notice for 2027 yet: New Year's Day, a Friday, counts as an ordinary working day.
        Deadline deadline = calculator.plusWorkingDays(shanghai("2026-12-30T10:00"), 2);

        assertThat(deadline).isEqualTo(new Deadline(instant("2027-01-01T23:59:59+08:00"), false));
    }

    @Test
    void workingMinutesFromFridayAfternoonCarryOverToMondayMorning() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 13))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 16))).isTrue();

        Deadline deadline = calculator.plusWorkingMinutes(shanghai("2026-03-13T16:30"), 120);

        assertThat(deadline).isEqualTo(new Deadline(shanghai("2026-03-16T09:30"), true));
    }

    @Test
    void workingMinutesStartingBeforeOpeningCountFromOpening() {
        Deadline deadline = calculator.plusWorkingMinutes(shanghai("2026-03-10T07:00"), 60);

        assertThat(deadline.due()).isEqualTo(shanghai("2026-03-10T09:30"));
    }

    @Test
    void workingMinutesStartingOnAHolidayCountFromTheNextWorkingDaysOpening() {
        Deadline deadline = calculator.plusWorkingMinutes(shanghai("2026-10-01T10:00"), 60);

        assertThat(deadline.due()).isEqualTo(shanghai("2026-10-08T09:30"));
    }

    @Test
    void workingMinutesStartingAfterClosingCountFromTheNextOpening() {
        Deadline deadline = calculator.plusWorkingMinutes(shanghai("2026-03-10T18:00"), 30);

        assertThat(deadline.due()).isEqualTo(shanghai("2026-03-11T09:00"));
    }

    @Test
    void workingMinutesUsedUpExactlyAtClosingAreDueAtClosing() {
        Deadline deadline = calculator.plusWorkingMinutes(shanghai("2026-03-10T17:00"), 30);

        assertThat(deadline.due()).isEqualTo(shanghai("2026-03-10T17:30"));
    }

    @Test
    void zeroWorkingMinutesAreDueWhenTheClockStarts() {
        assertThat(calculator.plusWorkingMinutes(shanghai("2026-03-10T07:00"), 0).due())
                .isEqualTo(shanghai("2026-03-10T08:30"));
        assertThat(calculator.plusWorkingMinutes(shanghai("2026-03-10T11:00"), 0).due())
                .isEqualTo(shanghai("2026-03-10T11:00"));
    }

    @Test
    void workingMinutesReachingIntoAYearWithoutANoticeAreFlaggedIncomplete() {
        Deadline deadline = calculator.plusWorkingMinutes(shanghai("2026-12-31T17:00"), 60);

        assertThat(deadline).isEqualTo(new Deadline(shanghai("2027-01-01T09:00"), false));
    }

    @Test
    void wallClockTimeRunsThroughHolidaysAndIsAlwaysComplete() {
        Deadline deadline = calculator.plusWallClock(shanghai("2026-12-31T20:00"), Duration.ofHours(24));

        assertThat(deadline).isEqualTo(new Deadline(shanghai("2027-01-01T20:00"), true));
    }

    @Test
    void invalidArgumentsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> calculator.plusWorkingDays(null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("start is required");
        assertThatThrownBy(() -> calculator.plusWorkingDays(shanghai("2026-03-10T09:00"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("days must be at least 1, got 0");
        assertThatThrownBy(() -> calculator.plusWorkingMinutes(shanghai("2026-03-10T09:00"), -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minutes must not be negative, got -5");
        assertThatThrownBy(() -> calculator.plusWallClock(shanghai("2026-03-10T09:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration must not be negative, got PT-1H");
        assertThatThrownBy(() -> calculator.plusWallClock(shanghai("2026-03-10T09:00"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration is required");
        assertThatThrownBy(() -> new WorkingTimeCalculator(null, SHANGHAI, OPENS, CLOSES))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("calendar is required");
        assertThatThrownBy(() -> new WorkingTimeCalculator(calendar, SHANGHAI, CLOSES, OPENS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("office hours must open before they close, got 17:30–08:30");
    }
}
