package org.hotline8890.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline8890.cases.Satisfaction;

/**
 * Reads a rating from a short reply: a digit 1–5 (1 = very satisfied ... 5 = very dissatisfied, as
 * the feedback request says) or the words themselves, optionally followed by a comment. Anything
 * else is not a rating: it is added to the case as a contact instead.
 */
final class RatingReader {

    /** Longest first, so that 非常不满意 is not read as 不满意 or 满意. */
    private static final List<Map.Entry<String, Satisfaction>> WORDS = List.of(
            Map.entry("非常不满意", Satisfaction.VERY_DISSATISFIED),
            Map.entry("非常满意", Satisfaction.VERY_SATISFIED),
            Map.entry("基本满意", Satisfaction.BASICALLY_SATISFIED),
            Map.entry("不满意", Satisfaction.DISSATISFIED),
            Map.entry("满意", Satisfaction.SATISFIED));

    record Rating(Satisfaction satisfaction, String comment) {
    }

    private RatingReader() {
    }

    static Optional<Rating> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        char first = toHalfWidth(t.charAt(0));
        if (first >= '1' && first <= '5' && (t.length() == 1 || !Character.isDigit(toHalfWidth(t.charAt(1))))) {
            return Optional.of(new Rating(Satisfaction.values()[first - '1'], comment(t.substring(1))));
        }
        return WORDS.stream().filter(w -> t.startsWith(w.getKey())).findFirst()
                .map(w -> new Rating(w.getValue(), comment(t.substring(w.getKey().length()))));
    }

    private static String comment(String rest) {
        String c = rest.replaceFirst("^[\\s,，.。:：;；!！、]+", "").strip();
        return c.isEmpty() ? null : c;
    }

    /** Full-width digits (１) come from Chinese input methods. */
    private static char toHalfWidth(char c) {
        return c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c;
    }
}
