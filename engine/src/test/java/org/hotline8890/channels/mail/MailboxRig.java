package org.hotline8890.channels.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.hotline8890.channels.IntakeQueue;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/** The hotline's mailbox on a GreenMail server, and the citizen's side of it. */
final class MailboxRig {

    static final String HOTLINE_ADDRESS = "mayor-mailbox@hotline.test";
    static final String HOTLINE_LOGIN = "mayor-mailbox";
    static final String HOTLINE_PASSWORD = "s3cret";
    static final DataSize MAX_ATTACHMENT = DataSize.ofKilobytes(4);

    private final GreenMailOperations greenMail;
    private final Path attachments;
    private final GreenMailUser hotline;

    MailboxRig(GreenMailOperations greenMail, Path attachments) {
        this.greenMail = greenMail;
        this.attachments = attachments;
        this.hotline = greenMail.setUser(HOTLINE_ADDRESS, HOTLINE_LOGIN, HOTLINE_PASSWORD);
    }

    MailSettings settings() {
        return settings(greenMail.getSmtp().getPort(), null);
    }

    MailSettings settings(int smtpPort, String processedFolder) {
        return new MailSettings(true,
                new MailSettings.Imap(greenMail.getImap().getBindTo(), greenMail.getImap().getPort(), HOTLINE_LOGIN,
                        HOTLINE_PASSWORD, false, "INBOX", processedFolder, Duration.ofSeconds(10)),
                new MailSettings.Smtp(greenMail.getSmtp().getBindTo(), smtpPort, null, null, false,
                        Duration.ofSeconds(10)),
                HOTLINE_ADDRESS, "8890 市长信箱", Duration.ofMinutes(1), MAX_ATTACHMENT, attachments, "8890");
    }

    MailboxPoller poller(IntakeQueue queue, MessageSource messages) {
        return poller(settings(), queue, messages);
    }

    static MailboxPoller poller(MailSettings settings, IntakeQueue queue, MessageSource messages) {
        MailSessions sessions = new MailSessions(settings);
        return MailChannelConfiguration.assemblePoller(settings, sessions, new SmtpMailer(sessions, settings), queue,
                messages);
    }

    /** A citizen's mail client: a fresh message to fill in, and SMTP to send it. */
    Session citizenSession() {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", greenMail.getSmtp().getBindTo());
        props.setProperty("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        return Session.getInstance(props);
    }

    void deliver(MimeMessage mail) throws MessagingException {
        Transport.send(mail);
    }

    /** Puts raw bytes into the hotline's inbox as they are, bypassing a client that would repair them. */
    void deliverRaw(String rawMail) throws MessagingException {
        hotline.deliver(new MimeMessage(citizenSession(),
                new ByteArrayInputStream(rawMail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    int unseenInFolder(String folderName) throws MessagingException {
        try (Store store = hotlineStore()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            } finally {
                folder.close(false);
            }
        }
    }

    int messagesInFolder(String folderName) throws MessagingException {
        try (Store store = hotlineStore()) {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private Store hotlineStore() throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(greenMail.getImap().getBindTo(), greenMail.getImap().getPort(), HOTLINE_LOGIN, HOTLINE_PASSWORD);
        return store;
    }
}
