package org.hotline8890.channels.twilio;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citizen's SMS says. Phones send full-width letters and spaces ("ＣＸ　8890…") as readily as
 * half-width ones, so commands are recognised on the NFKC form; the text itself is kept as sent.
 */
final class SmsText {

    /** "CX" then a space, a digit or nothing: "CXK小区…" is a request, not a status query. */
    private static final Pattern STATUS_QUERY = Pattern.compile("^CX(?:\\s+|(?=\\d)|$)(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final String text;
    private final String normalized;

    private SmsText(String body) {
        this.text = body == null ? "" : body.strip();
        this.normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    static SmsText of(String body) {
        return new SmsText(body);
    }

    String text() {
        return text;
    }

    /** Bytes the gateway could not decode arrive as U+FFFD; such a text cannot be trusted to say anything. */
    boolean isUndecodable() {
        return text.indexOf(REPLACEMENT_CHARACTER) >= 0 || hasUnpairedSurrogate(text);
    }

    /** At least one letter or digit: empty texts, punctuation and emoji alone say nothing we can act on. */
    boolean hasWords() {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** For "CX &lt;case number&gt;": what follows CX (possibly empty); otherwise empty. */
    Optional<String> statusQuery() {
        Matcher m = STATUS_QUERY.matcher(normalized);
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
