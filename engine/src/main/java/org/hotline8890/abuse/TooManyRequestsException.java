package org.hotline8890.abuse;

import java.time.Duration;

/** A citizen went over a limit; they may try again after {@link #retryAfter()}. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyRequestsException(Duration retryAfter) {
        super("too many requests; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them; never 0, which would invite a retry at once. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
