package org.hotline8890.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days are working days: the days a notice names explicitly, and Monday–Friday otherwise. It
 * also knows which years have a notice, so that a result depending on any other year can be flagged
 * instead of being trusted. Immutable.
 */
public final class HolidayCalendar {

    private final Map<LocalDate, Boolean> offDayByDate;
    private final SortedSet<Integer> coveredYears;

    HolidayCalendar(Collection<CalendarDay> days, Set<Integer> coveredYears) {
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        for (CalendarDay day : days) {
            Boolean earlier = offDays.putIfAbsent(day.date(), day.offDay());
            // Two notices may both list a day at the turn of the year; they must agree on it.
            if (earlier != null && earlier != day.offDay()) {
                throw new IllegalArgumentException(day.date() + " is listed both as a day off and as a working day");
            }
        }
        this.offDayByDate = Map.copyOf(offDays);
        this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(coveredYears));
    }

    /** The calendar of these years; a year without days (no notice yet) is not covered. */
    public static HolidayCalendar from(Collection<ParsedCalendar> years) {
        Set<Integer> seen = new HashSet<>();
        Set<Integer> covered = new HashSet<>();
        for (ParsedCalendar year : years) {
            if (!seen.add(year.year())) {
                throw new IllegalArgumentException("the year " + year.year() + " is given twice");
            }
            if (!year.days().isEmpty()) {
                covered.add(year.year());
            }
        }
        return new HolidayCalendar(years.stream().flatMap(year -> year.days().stream()).toList(), covered);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean offDay = offDayByDate.get(Objects.requireNonNull(date, "date"));
        if (offDay != null) {
            return !offDay;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /** The years with a notice, in ascending order. */
    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    /** Whether every year from {@code first}'s to {@code last}'s has a notice. */
    boolean coversAll(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!covers(year)) {
                return false;
            }
        }
        return true;
    }
}
