package org.hotline8890.cases;

/** An action that the case's current state does not allow; the API answers 409 with the message. */
public class CaseStateException extends RuntimeException {

    private final String code;

    public CaseStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable reason such as {@code case.notHandling}. */
    public String getCode() {
        return code;
    }
}
