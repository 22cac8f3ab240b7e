package org.hotline8890.intake;

/** A contact that can never become a case as it is; it goes to the dead letters with this reason. */
public class InvalidContactException extends RuntimeException {

    public InvalidContactException(String reason) {
        super(reason);
    }
}
