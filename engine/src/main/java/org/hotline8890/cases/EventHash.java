package org.hotline8890.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 that links an event into its case's chain: over the event's own content and the hash
 * of the event before it. Each field is length-prefixed so no two different events can encode to the
 * same text ("a|b" + "c" vs "a" + "b|c"). The time counts in whole seconds, as the column stores it.
 * The case's own fields (the citizen's name, phone, text) are not hashed, so removing them under the
 * retention rule leaves the chain intact.
 *
 * <p>Version 1 hashed the comment's text. Version 2 hashes the comment's own SHA-256 instead, so the
 * retention can de-identify the text and keep the original's digest ({@code comment_digest}): the
 * link still verifies, and the de-identified texts are pinned by the {@link #redactions redactions
 * digest} of a later event.
 */
public final class EventHash {

    /** What the first event of a case links to. */
    public static final String GENESIS = "0".repeat(64);

    /** The version every new event is hashed with. */
    static final int CURRENT_VERSION = 2;

    private EventHash() {
    }

    /** A redacted event's de-identified comment, as the redactions digest covers it. */
    public record RedactedComment(long eventId, String comment) {
    }

    public static String of(CaseEvent event, String prevHash) {
        if (event.getHashVersion() < 2) {
            return version1(event, prevHash);
        }
        String commentDigest = event.getCommentDigest() != null ? event.getCommentDigest() : digest(event.getComment());
        return version2(event, commentDigest, prevHash);
    }

    /** The SHA-256 of a text in hex; null for null. */
    public static String digest(String text) {
        return text == null ? null : sha256(text);
    }

    /** Pins the de-identified comments of a case, in event order; null when none was redacted. */
    public static String redactions(List<RedactedComment> redacted) {
        if (redacted.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (RedactedComment r : redacted) {
            field(text, String.valueOf(r.eventId()));
            field(text, r.comment());
        }
        return sha256(text.toString());
    }

    static String version2(CaseEvent event, String commentDigest, String prevHash) {
        StringBuilder text = new StringBuilder();
        field(text, "v2");
        content(text, event);
        field(text, commentDigest);
        field(text, event.getRedactionsDigest());
        field(text, prevHash);
        return sha256(text.toString());
    }

    private static String version1(CaseEvent event, String prevHash) {
        StringBuilder text = new StringBuilder();
        content(text, event);
        field(text, event.getComment());
        field(text, prevHash);
        return sha256(text.toString());
    }

    private static void content(StringBuilder text, CaseEvent event) {
        field(text, String.valueOf(event.getCaseId()));
        field(text, event.getOccurredAt() == null ? null : String.valueOf(event.getOccurredAt().getEpochSecond()));
        field(text, event.getType() == null ? null : event.getType().name());
        field(text, event.getActor());
        field(text, event.getFromStatus() == null ? null : event.getFromStatus().name());
        field(text, event.getToStatus() == null ? null : event.getToStatus().name());
        field(text, event.getDepartmentId() == null ? null : event.getDepartmentId().toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
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
