package org.hotline8890.api;

import java.util.UUID;

/**
 * The optional {@code Idempotency-Key} header of the endpoints that open a case. A client retrying
 * after a lost answer sends the same key and gets the case the first request made; without a key,
 * every request stands alone.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 100;

    private IdempotencyKey() {
    }

    /** The key as sent, or a fresh one when none was sent. */
    static String orFresh(String header) {
        if (header == null || header.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String key = header.strip();
        if (key.length() > MAX_LENGTH) {
            throw new InvalidFieldException(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        return key;
    }
}
