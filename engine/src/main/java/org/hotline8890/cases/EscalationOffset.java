package org.hotline8890.cases;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a step of the escalation ladder falls due, as the {@code escalation_ladder} table writes it:
 * {@code "80%"} a share of the handling time, {@code "+2d"} working days after the deadline, {@code "+8h"}
 * wall-clock hours after it. One grammar for the policy that applies it and the editor that checks it.
 */
public record EscalationOffset(Kind kind, int amount) {

    public enum Kind { SHARE_OF_HANDLING_TIME, WORKING_DAYS_AFTER_DEADLINE, HOURS_AFTER_DEADLINE }

    /** The forms the table accepts, as the error messages name them. */
    public static final String FORMS = "\"80%\", \"+2d\", \"+8h\"";

    private static final Pattern SHARE = Pattern.compile("(\\d{1,3})%");
    private static final Pattern AFTER_DUE = Pattern.compile("\\+(\\d{1,3})([dh])");

    public static Optional<EscalationOffset> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher share = SHARE.matcher(trimmed);
        if (share.matches()) {
            return Optional.of(new EscalationOffset(Kind.SHARE_OF_HANDLING_TIME, Integer.parseInt(share.group(1))));
        }
        Matcher after = AFTER_DUE.matcher(trimmed);
        if (after.matches()) {
            return Optional.of(new EscalationOffset("h".equals(after.group(2)) ? Kind.HOURS_AFTER_DEADLINE
                    : Kind.WORKING_DAYS_AFTER_DEADLINE, Integer.parseInt(after.group(1))));
        }
        return Optional.empty();
    }
}
