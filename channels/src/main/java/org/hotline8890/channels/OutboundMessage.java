package org.hotline8890.channels;

import java.util.Objects;

/**
 * One message to one citizen, already worded, for the channel the case came in by (or the one the
 * reply policy chose). {@code notificationId} is the outbox row: an adapter that can pass an
 * idempotency key to its provider uses it, so a retried delivery is not sent twice.
 * {@code inReplyTo} is the channel's own id of the message this answers (a mail's Message-ID, a
 * microblog post id), or null; adapters that thread replies use it.
 */
public record OutboundMessage(
        long notificationId,
        Channel channel,
        String caseNumber,
        String kind,
        Recipient to,
        String subject,
        String text,
        String inReplyTo) {

    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }

    /** Where the citizen can be reached; the adapter uses the field its channel needs. */
    public record Recipient(String name, String phone, String email, String handle) {
    }
}
