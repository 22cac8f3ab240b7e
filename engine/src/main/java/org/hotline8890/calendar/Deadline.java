package org.hotline8890.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * When a time limit runs out. {@code calendarComplete} is false when a day consulted to compute it
 * lies in a year without a holiday notice: that part was counted Monday–Friday, and the due time may
 * move once the notice is imported.
 */
public record Deadline(Instant due, boolean calendarComplete) {

    public Deadline {
        Objects.requireNonNull(due, "due");
    }
}
