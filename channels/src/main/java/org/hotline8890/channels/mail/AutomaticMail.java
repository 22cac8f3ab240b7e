package org.hotline8890.channels.mail;

import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * Mails no person wrote: delivery reports (bounces) and auto-replies, recognised the way RFC 3834 and
 * RFC 6522 describe them.
 */
final class AutomaticMail {

    private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");

    private AutomaticMail() {
    }

    static boolean isAutomatic(Message mail) throws MessagingException {
        String autoSubmitted = firstHeader(mail, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = firstHeader(mail, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (mail.isMimeType("multipart/report")) {
            return true;
        }
        Address[] from = mail.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress sender && sender.getAddress() != null) {
            String localPart = sender.getAddress().substring(0, Math.max(0, sender.getAddress().indexOf('@')));
            return SYSTEM_SENDERS.contains(localPart.toLowerCase(Locale.ROOT));
        }
        return false;
    }

    private static String firstHeader(Message mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].strip();
    }
}
