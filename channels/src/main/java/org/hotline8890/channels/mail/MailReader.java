package org.hotline8890.channels.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.channels.text.HtmlText;
import org.hotline8890.channels.ContactMessage.AttachmentRef;

import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/** Reads what a mail says: who sent it, its text, its attachments (stored as they are read). */
final class MailReader {

    /** The id columns hold 200 characters; longer Message-IDs are replaced by their hash. */
    static final int MAX_ID_LENGTH = 200;
    private static final Pattern FIRST_ANGLE_ID = Pattern.compile("<[^<>\\s]+>");

    private final AttachmentStore attachments;

    MailReader(AttachmentStore attachments) {
        this.attachments = attachments;
    }

    /** The mail's body could not be decoded; the mailbox connection itself is fine. */
    static final class UnreadableMailException extends Exception {
        UnreadableMailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @throws MessagingException           the connection to the mailbox failed: try again later
     * @throws UnreadableMailException      the mail itself cannot be decoded
     * @throws AttachmentStore.StorageFailedException the attachment store cannot write: try again later
     */
    IncomingMail read(Message message) throws MessagingException, UnreadableMailException {
        try {
            Optional<InternetAddress> from = firstAddress(message.getFrom());
            Collected parts = new Collected();
            walk(message, parts);
            String text = parts.plain.isEmpty()
                    ? String.join("\n\n", parts.html.stream().map(HtmlText::toPlainText).toList())
                    : String.join("\n\n", parts.plain);
            return new IncomingMail(messageId(message),
                    from.map(InternetAddress::getPersonal).map(String::strip).filter(s -> !s.isEmpty()).orElse(null),
                    from.map(InternetAddress::getAddress).filter(MailReader::looksLikeAddress).orElse(null),
                    blankToNull(message.getSubject()), text.strip(), parts.kept, parts.leftOut,
                    inReplyTo(message), receivedAt(message));
        } catch (FolderClosedException | StoreClosedException connectionLost) {
            throw connectionLost;
        } catch (AttachmentStore.StorageFailedException ourDiskNotTheirMail) {
            throw ourDiskNotTheirMail;
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException("mail " + safeHeader(message, "Message-ID") + " cannot be read: " + e, e);
        }
    }

    /** Where a reply to this mail goes; read from the headers alone, so it works for unreadable mails too. */
    record ReplyTarget(String address, String name, String subject, String messageId) {
    }

    static Optional<ReplyTarget> replyTargetOf(Message message) {
        try {
            Optional<InternetAddress> to = firstAddress(message.getReplyTo())
                    .filter(address -> looksLikeAddress(address.getAddress()));
            String subject = blankToNull(message.getSubject());
            String originalId = blankToNull(firstHeader(message, "Message-ID"));
            return to.map(address -> new ReplyTarget(address.getAddress(), address.getPersonal(), subject, originalId));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String messageId(Message message) throws MessagingException {
        String id = blankToNull(firstHeader(message, "Message-ID"));
        if (id == null) {
            // Same mail, same id on every poll: what a sender cannot change once it is sent.
            id = "hash:" + sha256(firstHeader(message, "From") + "\n" + firstHeader(message, "Date") + "\n"
                    + firstHeader(message, "Subject"));
        }
        return id.length() > MAX_ID_LENGTH ? "hash:" + sha256(id) : id;
    }

    private static final class Collected {
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<AttachmentRef> kept = new ArrayList<>();
        final List<IncomingMail.LeftOut> leftOut = new ArrayList<>();
        int unnamed;
    }

    private void walk(Part part, Collected collected) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), collected);
            }
        } else if (isAttachment(part)) {
            keep(part, collected);
        } else if (part.isMimeType("text/plain")) {
            collected.plain.add(textOf(part));
        } else if (part.isMimeType("text/html")) {
            collected.html.add(textOf(part));
        } else {
            keep(part, collected);
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null
                || part.isMimeType("message/rfc822");
    }

    private void keep(Part part, Collected collected) throws MessagingException, IOException {
        String name = fileName(part, ++collected.unnamed);
        Optional<AttachmentStore.Stored> stored;
        try (InputStream content = part.getInputStream()) {
            stored = attachments.store(content);
        }
        if (stored.isPresent()) {
            collected.kept.add(new AttachmentRef(name, contentType(part), stored.get().sizeBytes(),
                    stored.get().storageRef()));
        } else {
            collected.leftOut.add(new IncomingMail.LeftOut(name, part.getSize()));
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // A charset Java does not know: UTF-8 is the likeliest truth, and some text beats none.
        }
        try (InputStream raw = part.getInputStream()) {
            return new String(raw.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fileName(Part part, int ordinal) throws MessagingException {
        String name = part.getFileName();
        if (name != null && name.contains("=?")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException keepAsSent) {
                // the raw name still tells the reader something
            }
        }
        if (name == null || name.isBlank()) {
            name = part.isMimeType("message/rfc822") ? "attachment-" + ordinal + ".eml" : "attachment-" + ordinal;
        }
        name = name.strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String contentType(Part part) {
        try {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase();
            return type.length() > 100 ? "application/octet-stream" : type;
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static Optional<InternetAddress> firstAddress(Address[] addresses) {
        if (addresses == null) {
            return Optional.empty();
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet) {
                return Optional.of(internet);
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeAddress(String address) {
        if (address == null || address.length() > 254 || !address.contains("@")) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String inReplyTo(Message message) throws MessagingException {
        String header = firstHeader(message, "In-Reply-To");
        if (header == null) {
            return null;
        }
        Matcher first = FIRST_ANGLE_ID.matcher(header);
        String id = first.find() ? first.group() : blankToNull(header);
        return id == null || id.length() > MAX_ID_LENGTH ? null : id;
    }

    private static Instant receivedAt(Message message) throws MessagingException {
        if (message.getReceivedDate() != null) {
            return message.getReceivedDate().toInstant();
        }
        return message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
    }

    private static String firstHeader(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].strip();
    }

    private static String safeHeader(Message message, String name) {
        try {
            return firstHeader(message, name);
        } catch (MessagingException e) {
            return "?";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
