package org.hotline8890.duty;

/**
 * Why a roster line or entry was refused: {@code code} names the reason (page text
 * {@code page.duty.problem.<code>}), {@code field} the column, {@code line} the CSV line (0 for a form).
 */
public record RosterProblem(int line, String field, String code, String reason) {

    /** As an API client or a log reads it: "line 7: end is before start". */
    public String describe() {
        return line > 0 ? "line " + line + ": " + reason : field + ": " + reason;
    }
}
