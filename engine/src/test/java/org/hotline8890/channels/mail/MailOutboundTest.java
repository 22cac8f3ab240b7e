package org.hotline8890.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Notifications leave by SMTP and arrive in the citizen's mailbox threaded under the mail they answer. */
@SpringBootTest
@ActiveProfiles("test")
class MailOutboundTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir Path attachments;
    @Autowired MessageSource messages;

    MailboxRig rig;

    @BeforeEach
    void setUp() {
        rig = new MailboxRig(greenMail, attachments);
    }

    @Test
    void theReplyArrivesWithTheCaseNumberInTheSubjectThreadedUnderTheCitizensMail() throws Exception {
        String returnedId = outbound(rig.settings()).send(notification("zhangsan@example.org", "您的诉求已受理",
                "<citizen-1@example.org>"));

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[8890-20261123-000042] 您的诉求已受理");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo(MailboxRig.HOTLINE_ADDRESS);
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("8890 市长信箱");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("张三");
        assertThat(received.getHeader("In-Reply-To")).containsExactly("<citizen-1@example.org>");
        assertThat(received.getHeader("References")).containsExactly("<citizen-1@example.org>");
        assertThat(received.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat((String) received.getContent()).isEqualTo("您的诉求已受理，工单号 8890-20261123-000042。😀");
        assertThat(received.getMessageID()).isEqualTo(returnedId).endsWith("@hotline.test>");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void aRetriedNotificationKeepsItsMessageIdAndANotificationWithoutSubjectGetsOne() throws Exception {
        MailOutboundChannel channel = outbound(rig.settings());
        OutboundMessage message = notification("lisi@example.org", null, null);

        String first = channel.send(message);
        String retried = channel.send(message);

        assertThat(retried).isEqualTo(first);
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[8890-20261123-000042] 您的诉求办理进展");
        assertThat(received.getHeader("In-Reply-To")).isNull();
    }

    @Test
    void anInvalidOrMissingAddressFailsPermanently() {
        MailOutboundChannel channel = outbound(rig.settings());

        assertThatThrownBy(() -> channel.send(notification("not an address", "x", null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        assertThatThrownBy(() -> channel.send(notification(null, "x", null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
    }

    @Test
    void aMailboxTheServerRefusesWith550FailsPermanently() throws Exception {
        try (SmtpRefusingPeer peer = new SmtpRefusingPeer()) {
            MailOutboundChannel channel = outbound(rig.settings(peer.port(), null));

            assertThatThrownBy(() -> channel.send(notification("nobody@example.org", "x", null)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        }
    }

    @Test
    void anUnreachableServerFailsForNowSoTheEngineRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MailOutboundChannel channel = outbound(rig.settings(closedPort, null));

        assertThatThrownBy(() -> channel.send(notification("zhangsan@example.org", "x", null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
    }

    private MailOutboundChannel outbound(MailSettings settings) {
        return new MailOutboundChannel(new SmtpMailer(new MailSessions(settings), settings), messages);
    }

    private static OutboundMessage notification(String email, String subject, String inReplyTo) {
        return new OutboundMessage(42, Channel.MAIL, "8890-20261123-000042", "ACCEPTED",
                new OutboundMessage.Recipient("张三", null, email, null), subject,
                "您的诉求已受理，工单号 8890-20261123-000042。😀", inReplyTo);
    }
}
