package org.hotline8890.channels.mail;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.UUID;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.hotline8890.channels.DeliveryException;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one plain-text UTF-8 mail from the hotline's address over SMTP, threaded under the mail it
 * answers, and says whether a failure is worth retrying.
 */
final class SmtpMailer {

    private final MailSessions sessions;
    private final InternetAddress from;
    private final String domain;

    SmtpMailer(MailSessions sessions, MailSettings settings) {
        this.sessions = sessions;
        try {
            this.from = new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8");
            this.from.validate();
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("hotline.channels.mail.from-address is not a mail address: "
                    + settings.fromAddress(), e);
        }
        this.domain = settings.fromAddress().substring(settings.fromAddress().lastIndexOf('@') + 1);
    }

    /** One mail to send. {@code messageId} is the id to give it, angle brackets included. */
    record Outgoing(String toAddress, String toName, String subject, String text, String inReplyTo,
                    String messageId) {
    }

    /** A fresh Message-ID in the hotline's domain. */
    String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** A Message-ID that a retried send repeats, so the citizen's client shows the message once. */
    String messageIdFor(String localPart) {
        return "<" + localPart + "@" + domain + ">";
    }

    /** @return the Message-ID the mail was sent with */
    String send(Outgoing mail) throws DeliveryException {
        MimeMessage message = compose(mail);
        try (Transport transport = sessions.connectSmtp()) {
            transport.sendMessage(message, message.getAllRecipients());
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new DeliveryException("mail to " + mail.toAddress() + " not sent: " + e.getMessage(), isPermanent(e), e);
        }
    }

    private MimeMessage compose(Outgoing mail) throws DeliveryException {
        InternetAddress to = recipient(mail);
        try {
            MimeMessage message = new FixedIdMimeMessage(sessions.smtpSession(), mail.messageId());
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, to);
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.text(), "UTF-8");
            message.setSentDate(new Date());
            // RFC 3834: a citizen's out-of-office responder must not answer the hotline's mails.
            message.setHeader("Auto-Submitted", "auto-generated");
            if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
                message.setHeader("References", mail.inReplyTo());
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new DeliveryException("mail to " + mail.toAddress() + " cannot be composed: " + e.getMessage(), true, e);
        }
    }

    private static InternetAddress recipient(Outgoing mail) throws DeliveryException {
        if (mail.toAddress() == null || mail.toAddress().isBlank()) {
            throw new DeliveryException("the citizen has no mail address", true);
        }
        try {
            InternetAddress to = new InternetAddress(mail.toAddress().strip(), true);
            to.validate();
            if (mail.toName() != null && !mail.toName().isBlank()) {
                to.setPersonal(mail.toName(), "UTF-8");
            }
            return to;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new DeliveryException("not a mail address: " + mail.toAddress(), true, e);
        }
    }

    /**
     * A 5xx answer (550 no such mailbox, 552 too large) will be the same tomorrow; a 4xx answer, a
     * refused connection, a timeout or a failed login may not be.
     */
    static boolean isPermanent(MessagingException failure) {
        Exception current = failure;
        while (current != null) {
            if (current instanceof SMTPAddressFailedException rejected) {
                return rejected.getReturnCode() >= 500;
            }
            if (current instanceof SMTPSendFailedException refused) {
                return refused.getReturnCode() >= 500;
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        if (failure instanceof SendFailedException sendFailed) {
            Address[] invalid = sendFailed.getInvalidAddresses();
            return invalid != null && invalid.length > 0;
        }
        return false;
    }

    /** Jakarta Mail invents a Message-ID on every save; ours must be the one the engine keeps. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
