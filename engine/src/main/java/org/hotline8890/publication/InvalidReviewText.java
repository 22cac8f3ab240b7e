package org.hotline8890.publication;

/**
 * A text the reviewer entered that cannot be used: empty, or longer than the public record allows.
 * {@link #reason()} is a short code ({@code blank}, {@code tooLong}) pages turn into a message.
 */
public class InvalidReviewText extends RuntimeException {

    private final String field;
    private final String reason;

    InvalidReviewText(String field, String reason, String message) {
        super(message);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
