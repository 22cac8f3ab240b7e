package org.hotline8890.api;

/** A field that is well-formed but refers to something that does not exist (a category, a district). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
