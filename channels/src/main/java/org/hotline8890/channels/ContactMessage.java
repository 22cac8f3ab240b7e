package org.hotline8890.channels;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One contact as it arrived, in a form shared by every channel. {@code channel} plus
 * {@code channelMessageId} is the idempotency key: the same pair delivered twice makes one case.
 * Classification fields ({@code caseType}, {@code category}, {@code district}, {@code urgency}) are
 * hints from channels that ask for them (the web form); others leave them null for intake review.
 */
public record ContactMessage(
        Channel channel,
        String channelMessageId,
        Instant receivedAt,
        Sender sender,
        String subject,
        String text,
        List<AttachmentRef> attachments,
        String location,
        String district,
        String caseType,
        String category,
        String urgency,
        boolean confidential,
        boolean consentToPublish,
        String recordingRef,
        Map<String, String> metadata) {

    public ContactMessage {
        Objects.requireNonNull(channel, "channel");
        if (channelMessageId == null || channelMessageId.isBlank()) {
            throw new IllegalArgumentException("channelMessageId is required: it makes intake idempotent");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        sender = sender == null ? Sender.unknown() : sender;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * Metadata key: the case number this contact says it is about (a mail subject quoting it, an
     * SMS naming it). The engine appends such a contact to that case instead of opening a new one.
     */
    public static final String CASE_REFERENCE = "caseNumber";
    /**
     * Metadata key: the channel's id of the message this contact answers (a mail's In-Reply-To, the
     * parent post of a microblog comment). The engine appends the contact to the case that message
     * belongs to, whether the citizen sent it or the hotline did.
     */
    public static final String IN_REPLY_TO = "inReplyTo";

    /** The idempotency key as one string, e.g. {@code WEB:4f1c...}. */
    public String key() {
        return channel + ":" + channelMessageId;
    }

    /** Who sent the contact; every field is optional, all null means anonymous. */
    public record Sender(String name, String phone, String email, String handle, boolean anonymous) {
        public static Sender unknown() {
            return new Sender(null, null, null, null, true);
        }
    }

    /** Metadata of an attachment; the bytes live in the attachment store under {@code storageRef}. */
    public record AttachmentRef(String fileName, String contentType, long sizeBytes, String storageRef) {
    }
}
