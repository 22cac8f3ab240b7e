package org.hotline8890.assisting;

import java.time.Instant;
import java.util.Objects;

/**
 * The clock of one assist: sign for it by {@code signBy}, be warned at {@code warnAt}, contribute by
 * {@code contributeBy}; {@code calendarComplete} is false when a year the limits crossed has no holiday data.
 */
public record AssistLimits(Instant signBy, Instant warnAt, Instant contributeBy, boolean calendarComplete) {

    public AssistLimits {
        Objects.requireNonNull(signBy, "signBy");
        Objects.requireNonNull(warnAt, "warnAt");
        Objects.requireNonNull(contributeBy, "contributeBy");
        if (signBy.isAfter(contributeBy) || warnAt.isAfter(contributeBy)) {
            throw new IllegalArgumentException("an assist is signed and warned no later than its contribution is due");
        }
    }
}
