package org.hotline8890.channels.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

/** Opens IMAP stores and SMTP transports as the settings say. */
final class MailSessions {

    private final MailSettings.Imap imap;
    private final MailSettings.Smtp smtp;
    private final Session imapSession;
    private final Session smtpSession;

    MailSessions(MailSettings settings) {
        this.imap = settings.imap();
        this.smtp = settings.smtp();
        this.imapSession = Session.getInstance(imapProperties());
        this.smtpSession = Session.getInstance(smtpProperties());
    }

    Store connectImap() throws MessagingException {
        Store store = imapSession.getStore(imapProtocol());
        store.connect(imap.host(), imap.port(), blankToNull(imap.user()), blankToNull(imap.password()));
        return store;
    }

    /** The session new outgoing messages are built in. */
    Session smtpSession() {
        return smtpSession;
    }

    Transport connectSmtp() throws MessagingException {
        Transport transport = smtpSession.getTransport("smtp");
        transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.user()), blankToNull(smtp.password()));
        return transport;
    }

    private String imapProtocol() {
        return imap.ssl() ? "imaps" : "imap";
    }

    private Properties imapProperties() {
        String p = "mail." + imapProtocol() + ".";
        Properties props = new Properties();
        props.setProperty(p + "connectiontimeout", Long.toString(imap.timeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(imap.timeout().toMillis()));
        // Reading a mail must not flag it \Seen: only a mail the intake queue holds is marked handled.
        props.setProperty(p + "peek", "true");
        return props;
    }

    private Properties smtpProperties() {
        Properties props = new Properties();
        props.setProperty("mail.smtp.auth", Boolean.toString(blankToNull(smtp.user()) != null));
        props.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        props.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        props.setProperty("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
        props.setProperty("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
        props.setProperty("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
        props.setProperty("mail.mime.charset", "UTF-8");
        return props;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
