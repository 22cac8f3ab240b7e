package org.hotline8890.open311;

import org.springframework.http.HttpStatus;

/**
 * A request the standard answers with an error: the HTTP status doubles as the error's code, and
 * the description is the message {@code messageKey} in the client's language.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    Open311Exception(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
