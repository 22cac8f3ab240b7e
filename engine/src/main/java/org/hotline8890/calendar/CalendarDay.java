package org.hotline8890.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day a holiday notice names explicitly: a day off ({@code offDay}), or a weekend day made a
 * working day to make up for a holiday (调休, {@code offDay == false}). {@code name} is the holiday
 * it belongs to, e.g. 国庆节.
 */
public record CalendarDay(LocalDate date, boolean offDay, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
