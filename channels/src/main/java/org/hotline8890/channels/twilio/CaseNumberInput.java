package org.hotline8890.channels.twilio;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case numbers as citizens key or write them. A number like {@code 8890-20261123-000042} is the
 * prefix, the date and a six-digit counter. On the keypad the caller enters all its digits
 * ({@code 889020261123000042}) or leaves out the prefix ({@code 20261123000042}); the last six digits
 * are the counter and the eight before them the date. In a text the dashes may be spaces or missing.
 */
final class CaseNumberInput {

    private static final int DATE_AND_COUNTER = 14;

    private final String prefix;
    private final Pattern written;

    CaseNumberInput(String prefix) {
        this.prefix = prefix;
        this.written = Pattern.compile("(?<!\\d)" + Pattern.quote(prefix) + "[-\\s]?(\\d{8})[-\\s]?(\\d{6})(?!\\d)");
    }

    /** The case number the keyed digits stand for, or empty if they cannot be one. */
    Optional<String> fromKeypad(String keyed) {
        String digits = keyed == null ? "" : keyed.replaceAll("[^0-9]", "");
        if (digits.length() == DATE_AND_COUNTER) {
            digits = prefix + digits;
        }
        if (digits.length() != prefix.length() + DATE_AND_COUNTER || !digits.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(format(digits.substring(0, prefix.length()),
                digits.substring(prefix.length(), prefix.length() + 8), digits.substring(prefix.length() + 8)));
    }

    /** The first case number written in a text (with dashes, spaces or none), if any. */
    Optional<String> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = written.matcher(text);
        return m.find() ? Optional.of(format(prefix, m.group(1), m.group(2))) : Optional.empty();
    }

    /** How a voice reads the number: digit by digit, a pause between the parts. */
    static String spokenDigits(String caseNumber) {
        StringBuilder spoken = new StringBuilder();
        for (char c : caseNumber.toCharArray()) {
            if (Character.isDigit(c)) {
                spoken.append(c).append(' ');
            } else {
                spoken.append("， ");
            }
        }
        return spoken.toString().strip();
    }

    private static String format(String prefix, String date, String counter) {
        return prefix + "-" + date + "-" + counter;
    }
}
