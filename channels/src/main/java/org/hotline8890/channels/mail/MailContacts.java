package org.hotline8890.channels.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;

/** Turns a mail into the contact the intake queue carries. */
final class MailContacts {

    /** The case subject column holds 200 characters. */
    static final int MAX_SUBJECT = 200;
    /** A MySQL TEXT column holds 65,535 bytes: this many characters fit even at 4 bytes each. */
    static final int MAX_TEXT = 16_000;
    private static final int MAX_NAME = 100;
    private static final Locale HOTLINE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final Pattern caseNumber;
    private final MessageSource messages;
    private final DataSize maxAttachmentSize;

    MailContacts(String caseNumberPrefix, DataSize maxAttachmentSize, MessageSource messages) {
        this.caseNumber = Pattern.compile("(?<![\\p{Alnum}-])" + Pattern.quote(caseNumberPrefix)
                + "-\\d{8}-\\d{6}(?!\\d)");
        this.maxAttachmentSize = maxAttachmentSize;
        this.messages = messages;
    }

    ContactMessage toContact(IncomingMail mail) {
        Map<String, String> metadata = new HashMap<>();
        caseNumberIn(mail.subject()).or(() -> caseNumberIn(mail.text()))
                .ifPresent(number -> metadata.put(ContactMessage.CASE_REFERENCE, number));
        if (mail.inReplyTo() != null) {
            metadata.put(ContactMessage.IN_REPLY_TO, mail.inReplyTo());
        }
        String subject = mail.subject();
        StringBuilder text = new StringBuilder();
        if (subject != null && subject.length() > MAX_SUBJECT) {
            text.append(subject).append("\n\n");
            subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
        }
        text.append(mail.text());
        appendLeftOutAttachments(mail, text);
        String name = mail.senderName() == null ? null
                : mail.senderName().substring(0, Math.min(MAX_NAME, mail.senderName().length()));
        ContactMessage.Sender sender = new ContactMessage.Sender(name, null, mail.senderEmail(), null,
                mail.senderEmail() == null);
        return new ContactMessage(Channel.MAIL, mail.messageId(), mail.receivedAt(), sender, subject,
                fitting(text.toString().strip()), mail.kept(), null, null, null, null, null, false, false, null,
                metadata);
    }

    Optional<String> caseNumberIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher found = caseNumber.matcher(text);
        return found.find() ? Optional.of(found.group()) : Optional.empty();
    }

    private void appendLeftOutAttachments(IncomingMail mail, StringBuilder text) {
        if (mail.leftOut().isEmpty()) {
            return;
        }
        text.append("\n\n").append(message("channel.mail.attachments.leftOut", readable(maxAttachmentSize.toBytes())));
        for (IncomingMail.LeftOut attachment : mail.leftOut()) {
            text.append("\n- ").append(attachment.fileName());
            if (attachment.encodedSize() > 0) {
                // IMAP reports the base64 size; the file itself is about three quarters of it.
                text.append(" (").append(message("channel.mail.attachments.about",
                        readable(attachment.encodedSize() * 3 / 4))).append(')');
            }
        }
    }

    /** The end of an overlong text goes; the mail itself stays in the mailbox for whoever needs it. */
    private String fitting(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        String note = "\n\n" + message("channel.mail.text.truncated");
        return text.substring(0, MAX_TEXT - note.length()) + note;
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, HOTLINE_LOCALE);
    }
}
