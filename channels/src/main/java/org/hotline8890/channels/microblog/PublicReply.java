package org.hotline8890.channels.microblog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for a public reply: nothing that looks like personal data, and no longer than the
 * platform takes, with the case number kept.
 */
final class PublicReply {

    private record Rule(String what, Pattern pattern) {
    }

    // The same shapes the publication's de-identification masks.
    private static final List<Rule> PERSONAL_DATA = List.of(
            new Rule("an ID card number", Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])")),
            new Rule("an e-mail address", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")),
            new Rule("a mobile number", Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)")),
            new Rule("a phone number", Pattern.compile("(?<!\\d)0\\d{2,3}[- ]?\\d{7,8}(?!\\d)")));

    static final String ELLIPSIS = "…";

    private PublicReply() {
    }

    /** What personal data the text seems to hold, if any. The case number itself is public. */
    static Optional<String> personalData(String text, String caseNumber) {
        String checked = caseNumber == null || caseNumber.isEmpty() ? text : text.replace(caseNumber, " ");
        return PERSONAL_DATA.stream().filter(rule -> rule.pattern().matcher(checked).find()).map(Rule::what).findFirst();
    }

    /**
     * The text cut to {@code limit} characters (code points) with an ellipsis. If the cut would lose
     * the case number, {@code caseNumberNote} (which names it, and starts with its own ellipsis)
     * ends the text instead.
     */
    static String fit(String text, int limit, String caseNumber, String caseNumberNote) {
        if (length(text) <= limit) {
            return text;
        }
        int at = caseNumber == null ? -1 : text.indexOf(caseNumber);
        if (at >= 0 && text.codePointCount(0, at + caseNumber.length()) + ELLIPSIS.length() <= limit) {
            return head(text, limit - ELLIPSIS.length()) + ELLIPSIS;
        }
        return head(text, Math.max(0, limit - length(caseNumberNote))) + caseNumberNote;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String head(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, Math.min(codePoints, length(text)))).stripTrailing();
    }
}
