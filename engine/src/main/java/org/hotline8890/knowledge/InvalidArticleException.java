package org.hotline8890.knowledge;

/** A field of an article that is missing or out of range; the API answers 400 naming the field. */
public class InvalidArticleException extends RuntimeException {

    private final String field;

    InvalidArticleException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
