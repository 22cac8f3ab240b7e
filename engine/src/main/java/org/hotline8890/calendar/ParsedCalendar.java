package org.hotline8890.calendar;

import java.util.List;

/**
 * One year as one notice file gives it. An empty {@code days} list means that no notice has been
 * published for the year yet: such a year is not covered, its days are not assumed to be ordinary.
 */
public record ParsedCalendar(int year, List<CalendarDay> days) {

    public ParsedCalendar {
        days = List.copyOf(days);
    }
}
