package org.hotline8890.channels.mail;

import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.OutboundChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mayor's mailbox, wired when {@code hotline.channels.mail.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hotline.channels.mail.enabled", havingValue = "true")
class MailChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailChannelConfiguration.class);

    @Bean
    MailSessions mailSessions(MailSettings settings) {
        return new MailSessions(settings);
    }

    @Bean
    SmtpMailer smtpMailer(MailSessions sessions, MailSettings settings) {
        return new SmtpMailer(sessions, settings);
    }

    @Bean
    OutboundChannel mailOutboundChannel(SmtpMailer mailer, MessageSource messages) {
        return new MailOutboundChannel(mailer, messages);
    }

    @Bean
    MailboxPoller mailboxPoller(MailSettings settings, MailSessions sessions, SmtpMailer mailer, IntakeQueue queue,
                                MessageSource messages) {
        return assemblePoller(settings, sessions, mailer, queue, messages);
    }

    static MailboxPoller assemblePoller(MailSettings settings, MailSessions sessions, SmtpMailer mailer,
                                        IntakeQueue queue, MessageSource messages) {
        AttachmentStore attachments = new AttachmentStore(settings.attachmentDirectory(),
                settings.maxAttachmentSize().toBytes());
        return new MailboxPoller(sessions, settings.imap(), new MailReader(attachments),
                new MailContacts(settings.caseNumberPrefix(), settings.maxAttachmentSize(), messages), queue,
                new PoliteReplies(mailer, messages));
    }

    @Bean
    MailboxPolling mailboxPolling(MailboxPoller poller, MailSettings settings) {
        log.info("Mayor's mailbox on: polling {}:{} folder {} every {}", settings.imap().host(), settings.imap().port(),
                settings.imap().folder(), settings.pollInterval());
        return new MailboxPolling(poller, settings.pollInterval());
    }
}
