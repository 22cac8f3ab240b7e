package org.hotline8890.channels.mail;

import java.util.Locale;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.springframework.context.MessageSource;

/**
 * Delivers the citizen's notifications by mail. The case number leads the subject, which is how the
 * citizen's reply finds its case again; In-Reply-To and References thread it in the citizen's client.
 */
final class MailOutboundChannel implements OutboundChannel {

    private final SmtpMailer mailer;
    private final MessageSource messages;

    MailOutboundChannel(SmtpMailer mailer, MessageSource messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.MAIL;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        String subject = message.subject() == null || message.subject().isBlank()
                ? messages.getMessage("channel.mail.notification.subject", null, Locale.SIMPLIFIED_CHINESE)
                : message.subject().strip();
        return mailer.send(new SmtpMailer.Outgoing(message.to().email(), message.to().name(),
                "[" + message.caseNumber() + "] " + subject, message.text(), message.inReplyTo(),
                mailer.messageIdFor(message.caseNumber() + ".n" + message.notificationId())));
    }
}
