package org.hotline8890.cases;

/**
 * Text as a person can have written it. Whatever door a request came in by, a NUL, another control
 * character or half of a surrogate pair is not something the citizen meant and would break exports,
 * SMS and some databases, so it is removed before anything is stored; tab and line breaks stay.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String clean(String text) {
        if (text == null || text.codePoints().noneMatch(PlainText::unmeant)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        // A lone surrogate comes out of codePoints() as a code point of its own, so it is caught here too.
        text.codePoints().filter(cp -> !unmeant(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean unmeant(int cp) {
        return (Character.isISOControl(cp) && cp != '\t' && cp != '\n' && cp != '\r')
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /**
     * A file name to show, never a path: the last segment of what was sent ("../../etc/passwd" is
     * "passwd"), cleaned, or {@code attachment} when nothing usable is left.
     */
    public static String fileName(String name) {
        String cleaned = clean(name == null ? "" : name);
        String last = cleaned.substring(Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\')) + 1).strip();
        return last.isEmpty() || last.equals(".") || last.equals("..") ? "attachment" : last;
    }
}
