package org.hotline8890.channels.asterisk;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Case numbers on a phone keypad. {@code 8890-20261123-000042} is keyed as its date and counter,
 * {@code 20261123000042}, or with the prefix in front, {@code 889020261123000042}; either way the
 * number is rebuilt with its dashes.
 */
final class CaseNumberDigits {

    private static final Pattern DATE_AND_COUNTER = Pattern.compile("(\\d{8})(\\d{6})");

    private CaseNumberDigits() {
    }

    static Optional<String> caseNumber(String keyed, String prefix) {
        if (keyed == null) {
            return Optional.empty();
        }
        String digits = keyed.strip();
        if (digits.length() == prefix.length() + 14 && digits.startsWith(prefix)) {
            digits = digits.substring(prefix.length());
        }
        var matcher = DATE_AND_COUNTER.matcher(digits);
        return matcher.matches()
                ? Optional.of(prefix + "-" + matcher.group(1) + "-" + matcher.group(2))
                : Optional.empty();
    }

    /** What the IVR reads back: every digit of the number, the prefix included. */
    static String spoken(String caseNumber) {
        return caseNumber.replaceAll("\\D", "");
    }
}
