package org.hotline8890.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.hotline8890.intake.IntakeQueueDrain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The application with the mailbox switched on through its settings: it polls by itself and offers
 * mail delivery to the engine. The context is closed afterwards so its poller stops with the server.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class MailChannelWiringTest {

    /** Started before the application, which connects to it as soon as it is up. */
    static final GreenMail greenMail = startedMailServer();

    static final Path ATTACHMENTS = temporaryDirectory();

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry properties) {
        properties.add("hotline.channels.mail.enabled", () -> "true");
        properties.add("hotline.channels.mail.poll-interval", () -> "PT0.2S");
        properties.add("hotline.channels.mail.from-address", () -> MailboxRig.HOTLINE_ADDRESS);
        properties.add("hotline.channels.mail.attachment-directory", ATTACHMENTS::toString);
        properties.add("hotline.channels.mail.imap.host", () -> greenMail.getImap().getBindTo());
        properties.add("hotline.channels.mail.imap.port", () -> greenMail.getImap().getPort());
        properties.add("hotline.channels.mail.imap.ssl", () -> "false");
        properties.add("hotline.channels.mail.imap.user", () -> MailboxRig.HOTLINE_LOGIN);
        properties.add("hotline.channels.mail.imap.password", () -> MailboxRig.HOTLINE_PASSWORD);
        properties.add("hotline.channels.mail.smtp.host", () -> greenMail.getSmtp().getBindTo());
        properties.add("hotline.channels.mail.smtp.port", () -> greenMail.getSmtp().getPort());
        properties.add("hotline.channels.mail.smtp.start-tls", () -> "false");
    }

    static final MailboxRig rig = new MailboxRig(greenMail, ATTACHMENTS);

    @Autowired ApplicationContext context;
    @Autowired IntakeReceipts receipts;
    @Autowired JdbcTemplate jdbc;
    @Autowired List<OutboundChannel> outboundChannels;

    @Test
    void aMailIsPolledQueuedAndAnsweredWithoutAnyoneCallingThePoller() throws Exception {
        String citizen = "citizen-" + UUID.randomUUID() + "@example.org";
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        MimeMessage mail = new MimeMessage(rig.citizenSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress(citizen));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MailboxRig.HOTLINE_ADDRESS));
        mail.setSubject("共享单车乱停放", "UTF-8");
        mail.setText("地铁站出口共享单车堵塞盲道。", "UTF-8");
        rig.deliver(mail);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM intake_queue_message WHERE channel = 'MAIL' AND channel_message_id = ?",
                Integer.class, messageId) == 1);
        IntakeQueueDrain.drainAll(context);
        String caseNumber = receipts.caseNumberFor(Channel.MAIL, messageId).orElseThrow();

        OutboundChannel mailDelivery = outboundChannels.stream().filter(c -> c.channel() == Channel.MAIL)
                .findFirst().orElseThrow();
        mailDelivery.send(new OutboundMessage(1, Channel.MAIL, caseNumber, "ACCEPTED",
                new OutboundMessage.Recipient(null, null, citizen, null), "您的诉求已受理",
                "您的诉求已受理，工单号 " + caseNumber + "。", messageId));

        assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage reply = greenMail.getReceivedMessagesForDomain("example.org")[0];
        assertThat(reply.getSubject()).isEqualTo("[" + caseNumber + "] 您的诉求已受理");
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(messageId);
    }

    @AfterAll
    static void stopMailServerAndRemoveAttachments() {
        greenMail.stop();
        FileSystemUtils.deleteRecursively(ATTACHMENTS.toFile());
    }

    private static GreenMail startedMailServer() {
        GreenMail server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        server.start();
        return server;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mail-wiring-attachments");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
