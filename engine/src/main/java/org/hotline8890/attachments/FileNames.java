package org.hotline8890.attachments;

import java.text.Normalizer;

/**
 * Makes an uploader's file name safe to show and to offer on download. The name is never used as a
 * path (files are stored under a generated name); this keeps it from carrying a path, control
 * characters or header-breaking quotes into a page or a {@code Content-Disposition}.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        // Browsers of both families send a full path sometimes: only the last part is the name.
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && "\"<>:|?*".indexOf(cp) < 0)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        // Leading dots would make ".." or a hidden file of it.
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return FALLBACK;
        }
        return name.length() > MAX_LENGTH ? name.substring(name.length() - MAX_LENGTH) : name;
    }
}
