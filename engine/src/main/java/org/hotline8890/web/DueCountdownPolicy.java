package org.hotline8890.web;

import java.time.Duration;
import java.time.Instant;

/**
 * The colour of a deadline countdown on the department workbench. "80% used" is measured from the
 * moment the clock started for the department (dispatch for signing, the signature for handling) to
 * the deadline: amber once that share of the allowed time has passed, red once the deadline has.
 * The share is the hotline's {@code warning-ratio}, the same one the process warns the handler at.
 */
final class DueCountdownPolicy {

    enum Level {
        OK("due-ok"), WARNING("due-warning"), OVERDUE("due-overdue");

        private final String cssClass;

        Level(String cssClass) {
            this.cssClass = cssClass;
        }

        String cssClass() {
            return cssClass;
        }
    }

    private final double warningRatio;

    DueCountdownPolicy(double warningRatio) {
        if (warningRatio <= 0 || warningRatio > 1) {
            throw new IllegalArgumentException("the warning ratio must lie in (0, 1], got " + warningRatio);
        }
        this.warningRatio = warningRatio;
    }

    Level level(Instant start, Instant deadline, Instant now) {
        if (now.isAfter(deadline)) {
            return Level.OVERDUE;
        }
        if (start == null || !start.isBefore(deadline)) {
            // No span to measure (a deadline set at or before its start): nothing is left to use.
            return Level.WARNING;
        }
        long allowed = Duration.between(start, deadline).toSeconds();
        long used = Duration.between(start, now).toSeconds();
        return used >= allowed * warningRatio ? Level.WARNING : Level.OK;
    }
}
