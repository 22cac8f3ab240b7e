package org.hotline8890.channels.mail;

import java.util.Locale;

import org.hotline8890.channels.DeliveryException;
import org.springframework.context.MessageSource;

/** The answer to a mail no case can be opened from: thank the citizen and ask for what is missing. */
final class PoliteReplies {

    private final SmtpMailer mailer;
    private final MessageSource messages;

    PoliteReplies(SmtpMailer mailer, MessageSource messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    /** The mail had neither a subject nor any text. */
    void askForDetails(MailReader.ReplyTarget to) throws DeliveryException {
        reply(to, "channel.mail.reply.empty");
    }

    /** The mail's content could not be decoded. */
    void askToResend(MailReader.ReplyTarget to) throws DeliveryException {
        reply(to, "channel.mail.reply.unreadable");
    }

    private void reply(MailReader.ReplyTarget to, String textKey) throws DeliveryException {
        String subject = to.subject() == null
                ? message("channel.mail.reply.subject")
                : "Re: " + to.subject();
        mailer.send(new SmtpMailer.Outgoing(to.address(), to.name(), subject, message(textKey), to.messageId(),
                mailer.newMessageId()));
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
