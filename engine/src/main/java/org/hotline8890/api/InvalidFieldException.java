package org.hotline8890.api;

/** A field that is well-formed but refers to something that does not exist (a category, a district). */
class InvalidFieldException extends RuntimeException {

    private final String field;

    InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
