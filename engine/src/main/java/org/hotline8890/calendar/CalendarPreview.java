package org.hotline8890.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * What importing a notice would change in the stored calendar, day by day, before anything changes:
 * an admin sees a wrong year or a day turned the wrong way before deadlines depend on it.
 *
 * @param year        the notice's year
 * @param yearStored  whether the year had a notice already (else every day is new)
 * @param dayCount    the days the notice lists
 * @param changes     the differing days, by date
 */
public record CalendarPreview(int year, boolean yearStored, int dayCount, List<DayChange> changes) {

    public CalendarPreview {
        changes = List.copyOf(changes);
    }

    public boolean changesNothing() {
        return changes.isEmpty();
    }

    public enum ChangeKind {
        /** A day the stored calendar does not name. */
        ADDED,
        /** A day stored now that the notice no longer names: it becomes an ordinary weekday or weekend day. */
        REMOVED,
        /** A day off becomes a working day (调休). */
        NOW_WORKING,
        /** A working day becomes a day off. */
        NOW_OFF,
        /** Same kind of day, another holiday name. */
        RENAMED
    }

    /** One day: as stored ({@code before}, null if none) and as the notice has it ({@code after}, null if none). */
    public record DayChange(LocalDate date, CalendarDay before, CalendarDay after) {

        public ChangeKind kind() {
            if (before == null) {
                return ChangeKind.ADDED;
            }
            if (after == null) {
                return ChangeKind.REMOVED;
            }
            if (before.offDay() != after.offDay()) {
                return after.offDay() ? ChangeKind.NOW_OFF : ChangeKind.NOW_WORKING;
            }
            return ChangeKind.RENAMED;
        }
    }
}
