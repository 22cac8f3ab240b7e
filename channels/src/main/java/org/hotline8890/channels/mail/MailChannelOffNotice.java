package org.hotline8890.channels.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line at start-up so an operator knows the mailbox is off and how to turn it on. */
@Component
@ConditionalOnProperty(name = "hotline.channels.mail.enabled", havingValue = "false", matchIfMissing = true)
class MailChannelOffNotice {

    private static final Logger log = LoggerFactory.getLogger(MailChannelOffNotice.class);

    @EventListener(ApplicationReadyEvent.class)
    void tellHowToEnable() {
        log.info("Mayor's mailbox (mail channel) is off: set HOTLINE_MAIL_ENABLED=true with HOTLINE_MAIL_IMAP_HOST, "
                + "HOTLINE_MAIL_IMAP_USER, HOTLINE_MAIL_IMAP_PASSWORD, HOTLINE_MAIL_SMTP_HOST and HOTLINE_MAIL_FROM "
                + "(see docs/channels/mail.md)");
    }
}
