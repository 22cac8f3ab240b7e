package org.hotline8890.channels.microblog;

import java.time.Instant;

/** A platform refused or failed a request. */
class ApiFailure extends Exception {

    enum Kind {
        /** Too many requests: wait, at least until {@link #retryAt()} when the platform says. */
        RATE_LIMITED,
        /** Server error or network trouble: a later attempt may work. */
        TRANSIENT,
        /** Bad token, a post that does not exist, a refused text: repeating cannot help. */
        PERMANENT
    }

    private final Kind kind;
    private final Instant retryAt;

    ApiFailure(Kind kind, String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    ApiFailure(Kind kind, String message) {
        this(kind, message, null, null);
    }

    Kind kind() {
        return kind;
    }

    /** When the platform said it will take requests again, or null. */
    Instant retryAt() {
        return retryAt;
    }
}
