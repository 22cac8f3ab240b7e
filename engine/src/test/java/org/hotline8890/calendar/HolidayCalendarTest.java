package org.hotline8890.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline8890.calendar.HolidayFiles.json;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = HolidayFiles.shipped();

    @Test
    void aPlainSaturdayIsNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 17))).isFalse();
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    }

    @Test
    void aWeekdayHolidayIsNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void anOrdinaryWeekdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 10))).isTrue();
    }

    @Test
    void onlyYearsWithANoticeAreCovered() {
        assertThat(calendar.coveredYears()).containsExactly(2023, 2024, 2025, 2026);
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void aYearWithoutANoticeFallsBackToMondayToFriday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
    }

    @Test
    void aYearGivenTwiceIsRefused() {
        assertThatThrownBy(() -> HolidayCalendar.from(List.of(json(2026), json(2026))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the year 2026 is given twice");
    }

    @Test
    void noticesThatAgreeOnASharedDayAreAcceptedAndThoseThatContradictAreRefused() {
        LocalDate newYearsEve = LocalDate.of(2022, 12, 31);
        ParsedCalendar agreeing = new ParsedCalendar(2022, List.of(new CalendarDay(newYearsEve, true, "元旦")));
        ParsedCalendar contradicting = new ParsedCalendar(2022, List.of(new CalendarDay(newYearsEve, false, "元旦")));

        assertThat(HolidayCalendar.from(List.of(agreeing, json(2023))).isWorkingDay(newYearsEve)).isFalse();
        assertThatThrownBy(() -> HolidayCalendar.from(List.of(contradicting, json(2023))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2022-12-31 is listed both as a day off and as a working day");
    }
}
