package org.hotline8890.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The deadlines a dispatch sets: sign for by {@code signBy}, reply by {@code handleBy}, be warned at
 * {@code warnAt}. {@code calendarComplete} is false when the holiday calendar lacked a year involved.
 */
public record Deadlines(Instant signBy, Instant warnAt, Instant handleBy, boolean calendarComplete) {

    public Deadlines {
        Objects.requireNonNull(signBy, "signBy");
        Objects.requireNonNull(warnAt, "warnAt");
        Objects.requireNonNull(handleBy, "handleBy");
        if (warnAt.isAfter(handleBy)) {
            throw new IllegalArgumentException("the warning must come before the handling deadline");
        }
    }
}
