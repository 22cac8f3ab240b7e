package org.hotline8890.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 that links an event into its case's chain: over the event's own content and the hash
 * of the event before it. Each field is length-prefixed so no two different events can encode to the
 * same text ("a|b" + "c" vs "a" + "b|c"). The time counts in whole seconds, as the column stores it.
 * The case's own fields (the citizen's name, phone, text) are not hashed, so removing them under the
 * retention rule leaves the chain intact.
 */
public final class EventHash {

    /** What the first event of a case links to. */
    public static final String GENESIS = "0".repeat(64);

    private EventHash() {
    }

    public static String of(CaseEvent event, String prevHash) {
        StringBuilder text = new StringBuilder();
        field(text, String.valueOf(event.getCaseId()));
        field(text, event.getOccurredAt() == null ? null : String.valueOf(event.getOccurredAt().getEpochSecond()));
        field(text, event.getType() == null ? null : event.getType().name());
        field(text, event.getActor());
        field(text, event.getFromStatus() == null ? null : event.getFromStatus().name());
        field(text, event.getToStatus() == null ? null : event.getToStatus().name());
        field(text, event.getDepartmentId() == null ? null : event.getDepartmentId().toString());
        field(text, event.getComment());
        field(text, prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append('~');
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('|');
    }
}
