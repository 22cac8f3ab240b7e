package org.hotline8890.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Turns a start instant and a time limit into a due instant, in the hotline's time zone: in working
 * days, in working minutes within office hours, or in plain wall-clock time. Immutable.
 */
public final class WorkingTimeCalculator {

    /** A limit in days lasts to the end of its last day, as people read "within 5 working days". */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final HolidayCalendar calendar;
    private final ZoneId zone;
    private final LocalTime officeOpens;
    private final LocalTime officeCloses;

    public WorkingTimeCalculator(HolidayCalendar calendar, ZoneId zone, LocalTime officeOpens, LocalTime officeCloses) {
        this.calendar = required(calendar, "calendar");
        this.zone = required(zone, "zone");
        this.officeOpens = required(officeOpens, "officeOpens");
        this.officeCloses = required(officeCloses, "officeCloses");
        if (!officeOpens.isBefore(officeCloses)) {
            throw new IllegalArgumentException(
                    "office hours must open before they close, got " + officeOpens + "–" + officeCloses);
        }
    }

    /** Whether people work on {@code date}: the holiday calendar, else Monday–Friday. */
    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(required(date, "date"));
    }

    /**
     * The end (23:59:59 local time) of the {@code days}-th working day after the start's local date.
     * The start date itself never counts, whatever the hour: a limit starts running the next day.
     */
    public Deadline plusWorkingDays(Instant start, int days) {
        required(start, "start");
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        LocalDate startDate = localDate(start);
        LocalDate day = startDate;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(at(day, END_OF_DAY), calendar.coversAll(startDate.plusDays(1), day));
    }

    /**
     * The instant at which {@code minutes} minutes of office hours on working days have passed. The
     * clock starts at the first office moment at or after {@code start} (so a start outside office
     * hours counts from the next opening, and zero minutes means that moment); a limit used up exactly
     * at closing time is due at closing time, not at the next opening.
     */
    public Deadline plusWorkingMinutes(Instant start, int minutes) {
        required(start, "start");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative, got " + minutes);
        }
        LocalDate firstDay = localDate(start);
        Duration remaining = Duration.ofMinutes(minutes);
        for (LocalDate day = firstDay; ; day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant opening = at(day, officeOpens);
            Instant closing = at(day, officeCloses);
            Instant from = start.isAfter(opening) ? start : opening;
            if (from.isBefore(closing)) {
                // Measured between instants, so a DST shift inside office hours counts as real time.
                Duration available = Duration.between(from, closing);
                if (remaining.compareTo(available) <= 0) {
                    return new Deadline(from.plus(remaining), calendar.coversAll(firstDay, day));
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The working days after {@code from}'s local date up to and including {@code until}'s: how many
     * whole working days a person still has before a deadline (0 when it falls today or has passed).
     */
    public int workingDaysAfter(Instant from, Instant until) {
        required(from, "from");
        required(until, "until");
        int count = 0;
        LocalDate last = localDate(until);
        for (LocalDate day = localDate(from).plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Round-the-clock time, for urgent limits; no calendar is consulted, so it is always complete. */
    public Deadline plusWallClock(Instant start, Duration duration) {
        required(start, "start");
        required(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        return new Deadline(start.plus(duration), true);
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
