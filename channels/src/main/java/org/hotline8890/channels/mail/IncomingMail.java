package org.hotline8890.channels.mail;

import java.time.Instant;
import java.util.List;

import org.hotline8890.channels.ContactMessage.AttachmentRef;

/**
 * One citizen's mail as read from the mailbox, before it becomes a contact.
 *
 * @param messageId   the RFC 5322 Message-ID, or a stable hash when the mail has none
 * @param senderEmail the From address, or null when the mail has no usable one
 * @param text        the plain text, taken from the HTML part when there is no text part; may be empty
 * @param kept        attachments stored in the attachment store
 * @param leftOut     attachments over the size limit, not stored
 * @param inReplyTo   the first id of the In-Reply-To header, or null
 */
record IncomingMail(String messageId, String senderName, String senderEmail, String subject, String text,
                    List<AttachmentRef> kept, List<LeftOut> leftOut, String inReplyTo, Instant receivedAt) {

    IncomingMail {
        kept = List.copyOf(kept);
        leftOut = List.copyOf(leftOut);
    }

    /** An attachment too large to keep; {@code encodedSize} is what the server reports, -1 if unknown. */
    record LeftOut(String fileName, long encodedSize) {
    }

    /** Nothing a case could be opened from: no subject and no text. */
    boolean isEmpty() {
        return (subject == null || subject.isBlank()) && (text == null || text.isBlank());
    }
}
