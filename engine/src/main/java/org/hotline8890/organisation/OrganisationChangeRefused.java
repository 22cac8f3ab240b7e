package org.hotline8890.organisation;

/**
 * An administrator's change that the organisation's rules refuse: {@code field} is the form field to
 * show it next to, {@code reason} a message key the pages translate, and the message says it in
 * English for logs and the API.
 */
public class OrganisationChangeRefused extends RuntimeException {

    private final String field;
    private final String reason;

    public OrganisationChangeRefused(String field, String reason, String message) {
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
