package org.hotline8890.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.intake.IntakeQueueDrain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Citizens' mails, sent by SMTP into a real IMAP mailbox, polled, queued and turned into cases. */
@SpringBootTest
@ActiveProfiles("test")
class MailboxIntakeTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir Path attachments;
    @Autowired ApplicationContext context;
    @Autowired IntakeQueue queue;
    @Autowired IntakeReceipts receipts;
    @Autowired CaseRepository cases;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;
    @Autowired ObjectMapper json;

    MailboxRig rig;
    String citizen;

    @BeforeEach
    void setUp() {
        rig = new MailboxRig(greenMail, attachments);
        citizen = "citizen-" + UUID.randomUUID() + "@example.org";
        IntakeQueueDrain.drainAll(context);
    }

    @Test
    void anHtmlOnlyMailWithAttachmentsBecomesExactlyOneCaseWithItsSenderAndText() throws Exception {
        byte[] photo = "a small photo of the noisy bar".getBytes(StandardCharsets.UTF_8);
        byte[] video = new byte[(int) MailboxRig.MAX_ATTACHMENT.toBytes() * 3];
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        MimeMessage mail = citizenMail(messageId, "楼下酒吧噪音扰民");
        MimeMultipart body = new MimeMultipart("mixed");
        body.addBodyPart(html("<html><head><style>p{color:red}</style></head><body>"
                + "<p>楼下&nbsp;KTV 每晚营业到凌晨两点&amp;噪音很大。</p><p>地址：幸福路 12 号<br>请尽快处理</p></body></html>"));
        body.addBodyPart(attachment("现场照片.jpg", "image/jpeg", photo));
        body.addBodyPart(attachment("video.mp4", "video/mp4", video));
        mail.setContent(body);
        rig.deliver(mail);

        MailboxPoller.Outcome outcome = rig.poller(queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(outcome).isEqualTo(new MailboxPoller.Outcome(1, 0, 0));
        HotlineCase theCase = caseFor(messageId);
        assertThat(theCase.getChannel()).isEqualTo(Channel.MAIL);
        assertThat(theCase.getContact().email()).isEqualTo(citizen);
        assertThat(theCase.getContact().name()).isEqualTo("张三");
        assertThat(theCase.getContact().anonymous()).isFalse();
        assertThat(theCase.getSubject()).isEqualTo("楼下酒吧噪音扰民");
        assertThat(theCase.getContent())
                .startsWith("楼下 KTV 每晚营业到凌晨两点&噪音很大。\n\n地址：幸福路 12 号\n请尽快处理")
                .doesNotContain("color", "<p>")
                .contains("video.mp4", "以下附件超过 4 KB 的大小限制");
        String photoHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(attachmentRows(theCase)).containsExactly(
                Map.of("FILE_NAME", "现场照片.jpg", "CONTENT_TYPE", "image/jpeg", "SIZE_BYTES", (long) photo.length,
                        "STORAGE_REF", "sha256:" + photoHash));
        assertThat(attachments.resolve(photoHash)).hasBinaryContent(photo);
        try (var stored = Files.list(attachments)) {
            assertThat(stored).containsExactly(attachments.resolve(photoHash));
        }
        assertThat(rig.unseenInFolder("INBOX")).isZero();
    }

    @Test
    void pollingAgainFindsNothingNewAndMakesNoSecondCase() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        MimeMessage mail = citizenMail(messageId, "路灯不亮");
        mail.setText("幸福路与和平街路口的路灯坏了一周。", "UTF-8");
        rig.deliver(mail);
        MailboxPoller poller = rig.poller(queue, messages);

        MailboxPoller.Outcome first = poller.pollOnce();
        IntakeQueueDrain.drainAll(context);
        MailboxPoller.Outcome second = poller.pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(first).isEqualTo(new MailboxPoller.Outcome(1, 0, 0));
        assertThat(second).isEqualTo(new MailboxPoller.Outcome(0, 0, 0));
        assertThat(casesOf(citizen)).isEqualTo(1);
        assertThat(caseFor(messageId).getContent()).isEqualTo("幸福路与和平街路口的路灯坏了一周。");
    }

    @Test
    void aCrashAfterQueueingButBeforeMarkingReadsTheMailAgainAndMakesNoSecondCase() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        MimeMessage mail = citizenMail(messageId, "垃圾清运不及时");
        mail.setText("小区垃圾三天没有清运。", "UTF-8");
        rig.deliver(mail);
        IntakeQueue crashesRightAfterPublishing = contact -> {
            queue.publish(contact);
            throw new IllegalStateException("the node died before it could mark the mail handled");
        };

        assertThatThrownBy(() -> rig.poller(crashesRightAfterPublishing, messages).pollOnce())
                .isInstanceOf(IllegalStateException.class);
        assertThat(rig.unseenInFolder("INBOX")).as("the mail is still waiting to be handled").isEqualTo(1);
        IntakeQueueDrain.drainAll(context);
        String firstCase = caseFor(messageId).getCaseNumber();

        MailboxPoller.Outcome afterRestart = rig.poller(queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(afterRestart).isEqualTo(new MailboxPoller.Outcome(1, 0, 0));
        assertThat(casesOf(citizen)).isEqualTo(1);
        assertThat(caseFor(messageId).getCaseNumber()).isEqualTo(firstCase);
        assertThat(rig.unseenInFolder("INBOX")).isZero();
    }

    @Test
    void aMailWithoutMessageIdIsKnownAgainByItsSenderDateAndSubject() throws Exception {
        MimeMessage mail = new MimeMessage(rig.citizenSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                removeHeader("Message-ID");
            }
        };
        mail.setFrom(new InternetAddress(citizen));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MailboxRig.HOTLINE_ADDRESS));
        mail.setSubject("井盖缺失", "UTF-8");
        mail.setText("和平街 3 号门口井盖丢失。", "UTF-8");
        mail.setSentDate(new java.util.Date());
        rig.deliver(mail);
        IntakeQueue crashesRightAfterPublishing = contact -> {
            queue.publish(contact);
            throw new IllegalStateException("crash");
        };

        assertThatThrownBy(() -> rig.poller(crashesRightAfterPublishing, messages).pollOnce())
                .isInstanceOf(IllegalStateException.class);
        rig.poller(queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(casesOf(citizen)).isEqualTo(1);
    }

    @Test
    void handledMailsMoveToTheProcessedFolderWhenOneIsSet() throws Exception {
        MimeMessage mail = citizenMail("<" + UUID.randomUUID() + "@example.org>", "噪音");
        mail.setText("工地夜间施工。", "UTF-8");
        rig.deliver(mail);
        MailSettings settings = rig.settings(greenMail.getSmtp().getPort(), "Processed");

        MailboxRig.poller(settings, queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(rig.messagesInFolder("INBOX")).isZero();
        assertThat(rig.messagesInFolder("Processed")).isEqualTo(1);
        assertThat(casesOf(citizen)).isEqualTo(1);
    }

    @Test
    void anEmptyMailIsAnsweredPolitelyAndMarkedHandledWithoutACase() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        MimeMessage mail = citizenMail(messageId, null);
        mail.setText("  \n ", "UTF-8");
        rig.deliver(mail);

        MailboxPoller.Outcome outcome = rig.poller(queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(outcome).isEqualTo(new MailboxPoller.Outcome(0, 1, 0));
        assertThat(casesOf(citizen)).isZero();
        assertThat(rig.unseenInFolder("INBOX")).isZero();
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage reply = mailsTo(citizen).get(0);
        assertThat(reply.getSubject()).isEqualTo("关于您发往市长信箱的来信");
        assertThat(reply.getFrom()[0].toString()).contains(MailboxRig.HOTLINE_ADDRESS);
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(messageId);
        assertThat((String) reply.getContent()).contains("既没有主题也没有正文", "发生的时间和地点");
    }

    @Test
    void aMailWithAnAttachmentButNoWordsIsAnsweredToo() throws Exception {
        MimeMessage mail = citizenMail("<" + UUID.randomUUID() + "@example.org>", null);
        MimeMultipart body = new MimeMultipart("mixed");
        body.addBodyPart(attachment("IMG_0001.jpg", "image/jpeg", new byte[] {1, 2, 3}));
        mail.setContent(body);
        rig.deliver(mail);

        MailboxPoller.Outcome outcome = rig.poller(queue, messages).pollOnce();

        assertThat(outcome).isEqualTo(new MailboxPoller.Outcome(0, 1, 0));
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(mailsTo(citizen)).hasSize(1);
    }

    @Test
    void aMailWhoseBodyCannotBeDecodedIsAnsweredWithARequestToResend() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        rig.deliverRaw("""
                From: %s
                To: %s
                Subject: broken
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: x-made-up

                Encoded in a way no mail program knows.
                """.formatted(citizen, MailboxRig.HOTLINE_ADDRESS, messageId));

        MailboxPoller.Outcome outcome = rig.poller(queue, messages).pollOnce();

        assertThat(outcome).isEqualTo(new MailboxPoller.Outcome(0, 1, 0));
        assertThat(rig.unseenInFolder("INBOX")).isZero();
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage reply = mailsTo(citizen).get(0);
        assertThat(reply.getSubject()).isEqualTo("Re: broken");
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(messageId);
        assertThat((String) reply.getContent()).contains("无法读取其中的内容");
    }

    @Test
    void aTextInACharsetJavaDoesNotKnowIsReadAsUtf8RatherThanLost() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        rig.deliverRaw("""
                From: %s
                To: %s
                Subject: =?UTF-8?B?5Lqk6YCa5L+h5Y+354Gv?=
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset="x-unknown-charset"
                Content-Transfer-Encoding: 8bit

                红绿灯坏了。
                """.formatted(citizen, MailboxRig.HOTLINE_ADDRESS, messageId));

        rig.poller(queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        HotlineCase theCase = caseFor(messageId);
        assertThat(theCase.getSubject()).isEqualTo("交通信号灯");
        assertThat(theCase.getContent()).isEqualTo("红绿灯坏了。");
    }

    @Test
    void bouncesAndAutoRepliesAreSetAsideWithoutACaseOrAnAnswer() throws Exception {
        rig.deliverRaw("""
                From: MAILER-DAEMON@mx.example.org
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                The mail system could not deliver your message.
                --b--
                """.formatted(MailboxRig.HOTLINE_ADDRESS, UUID.randomUUID()));
        MimeMessage outOfOffice = citizenMail("<" + UUID.randomUUID() + "@example.org>", "自动回复：您的诉求已受理");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setText("我休假到下周一。", "UTF-8");
        rig.deliver(outOfOffice);

        MailboxPoller.Outcome outcome = rig.poller(queue, messages).pollOnce();
        IntakeQueueDrain.drainAll(context);

        assertThat(outcome).isEqualTo(new MailboxPoller.Outcome(0, 0, 2));
        assertThat(casesOf(citizen)).isZero();
        assertThat(rig.unseenInFolder("INBOX")).isZero();
        assertThat(greenMail.getReceivedMessages()).as("the two mails themselves, and no answer").hasSize(2);
        assertThat(mailsTo(citizen)).isEmpty();
    }

    @Test
    void aReplyCarriesTheCaseNumberItQuotesAndTheMailItAnswers() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.org>";
        MimeMessage mail = citizenMail(messageId, "Re: [8890-20261122-000123] 您的诉求已受理");
        mail.setHeader("In-Reply-To", "<8890-20261122-000123.n7@hotline.test> <older@example.org>");
        mail.setText("补充一下：噪音从晚上十点开始。", "UTF-8");
        rig.deliver(mail);

        rig.poller(queue, messages).pollOnce();

        ContactMessage queued = queuedContact(messageId);
        assertThat(queued.metadata()).containsEntry(ContactMessage.CASE_REFERENCE, "8890-20261122-000123")
                .containsEntry(ContactMessage.IN_REPLY_TO, "<8890-20261122-000123.n7@hotline.test>");
        assertThat(queued.channel()).isEqualTo(Channel.MAIL);
        assertThat(queued.sender().email()).isEqualTo(citizen);
    }

    @Test
    void aCaseNumberIsFoundInTheTextWithTheConfiguredPrefixOnly() {
        MailContacts twelveThreeFourFive = new MailContacts("12345", MailboxRig.MAX_ATTACHMENT, messages);

        assertThat(twelveThreeFourFive.caseNumberIn("我的工单12345-20261122-000123还没人处理")).contains("12345-20261122-000123");
        assertThat(twelveThreeFourFive.caseNumberIn("8890-20261122-000123")).isEmpty();
        assertThat(twelveThreeFourFive.caseNumberIn("912345-20261122-000123")).isEmpty();
        assertThat(twelveThreeFourFive.caseNumberIn("12345-20261122-0001234")).isEmpty();
    }

    private MimeMessage citizenMail(String messageId, String subject) throws Exception {
        MimeMessage mail = new MimeMessage(rig.citizenSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress(citizen, "张三", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MailboxRig.HOTLINE_ADDRESS));
        if (subject != null) {
            mail.setSubject(subject, "UTF-8");
        }
        return mail;
    }

    private static MimeBodyPart html(String html) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(html, "text/html; charset=UTF-8");
        return part;
    }

    private static MimeBodyPart attachment(String name, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", "B"));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private ContactMessage queuedContact(String messageId) throws Exception {
        String payload = jdbc.queryForObject("SELECT payload FROM intake_queue_message WHERE channel = 'MAIL' "
                + "AND channel_message_id = ?", String.class, messageId);
        return json.readValue(payload, ContactMessage.class);
    }

    private HotlineCase caseFor(String messageId) {
        String number = receipts.caseNumberFor(Channel.MAIL, messageId).orElseThrow();
        return cases.findByCaseNumber(number).orElseThrow();
    }

    private int casesOf(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE citizen_email = ?", Integer.class, email);
    }

    private List<Map<String, Object>> attachmentRows(HotlineCase theCase) {
        return jdbc.queryForList("SELECT file_name, content_type, size_bytes, storage_ref FROM case_attachment "
                + "WHERE case_id = ?", theCase.getId());
    }

    private List<MimeMessage> mailsTo(String address) throws MessagingException {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage received : greenMail.getReceivedMessages()) {
            if (received.getRecipients(Message.RecipientType.TO)[0].toString().contains(address)) {
                found.add(received);
            }
        }
        return found;
    }
}
