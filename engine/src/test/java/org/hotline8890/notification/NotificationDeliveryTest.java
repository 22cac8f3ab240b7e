package org.hotline8890.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundMessage;
import org.hotline8890.intake.IntakeService;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The outbox delivered through the channel seam: order, retries, query codes, threading. */
@SpringBootTest
@ActiveProfiles("test")
class NotificationDeliveryTest {

    @TestConfiguration
    static class Adapters {
        @Bean
        RecordingOutbound sms() {
            return new RecordingOutbound(Channel.SMS);
        }

        @Bean
        RecordingOutbound mail() {
            return new RecordingOutbound(Channel.MAIL);
        }
    }

    @Autowired NotificationDelivery delivery;
    @Autowired CitizenNotifier notifier;
    @Autowired StaffAlerts staffAlerts;
    @Autowired CitizenNotificationRepository notifications;
    @Autowired CaseIntake intake;
    @Autowired IntakeService contacts;
    @Autowired CaseEventRepository events;
    @Autowired JdbcTemplate jdbc;
    @Autowired List<RecordingOutbound> adapters;

    @Test
    void theAcceptanceSmsCarriesTheQueryCodeOnceAndTheOutboxThenForgetsIt() {
        CaseIntake.Opened opened = open(Channel.WEB, new CitizenContact("李四", "13812345678", null, null, false));
        String n = opened.theCase().getCaseNumber();

        delivery.deliverDue();

        List<OutboundMessage> sent = sms().sentFor(n);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).kind()).isEqualTo("ACCEPTED");
        assertThat(sent.get(0).to().phone()).isEqualTo("13812345678");
        assertThat(sent.get(0).text()).contains(n, opened.queryCode());
        CitizenNotification stored = notifications.findByCaseIdOrderByIdAsc(opened.theCase().getId()).get(0);
        assertThat(stored.getState()).isEqualTo(NotificationState.SENT);
        assertThat(stored.getMessage()).doesNotContain(opened.queryCode()).contains(CitizenNotification.QUERY_CODE_MASK);
        assertThat(jdbc.queryForObject("SELECT query_code FROM citizen_notification WHERE id = ?", String.class,
                stored.getId())).isNull();
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndHoldsBackTheCasesLaterMessages() {
        HotlineCase c = open(Channel.PHONE, new CitizenContact(null, "13900001111", null, null, false)).theCase();
        sms().failNext(c.getCaseNumber(), new DeliveryException("503 from the SMS gateway", false));
        notifier.tell(c, NotificationKind.DISPATCHED, "市生态环境局");

        delivery.deliverDue();

        List<CitizenNotification> queued = notifications.findByCaseIdOrderByIdAsc(c.getId());
        assertThat(queued).extracting(CitizenNotification::getState)
                .containsExactly(NotificationState.PENDING, NotificationState.PENDING);
        assertThat(queued.get(0).getAttempts()).isEqualTo(1);
        assertThat(queued.get(0).getLastError()).contains("503");
        assertThat(queued.get(0).getNextAttemptAt()).isAfter(Instant.now().plusSeconds(20));
        assertThat(sms().sentFor(c.getCaseNumber())).isEmpty();

        // The backoff has passed.
        jdbc.update("UPDATE citizen_notification SET next_attempt_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), queued.get(0).getId());
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(sms().sentFor(c.getCaseNumber())).extracting(OutboundMessage::kind)
                .containsExactly("ACCEPTED", "DISPATCHED");
    }

    @Test
    void aPermanentFailureIsGivenUpAtOnceWithItsReason() {
        HotlineCase c = open(Channel.SMS, new CitizenContact(null, "13900002222", null, null, false)).theCase();
        sms().failNext(c.getCaseNumber(), new DeliveryException("21211 invalid 'To' phone number", true));

        delivery.deliverDue();

        CitizenNotification n = notifications.findByCaseIdOrderByIdAsc(c.getId()).get(0);
        assertThat(n.getState()).isEqualTo(NotificationState.FAILED);
        assertThat(n.getLastError()).contains("21211");
        assertThat(jdbc.queryForObject("SELECT query_code FROM citizen_notification WHERE id = ?", String.class,
                n.getId())).isNull();
    }

    @Test
    void aCitizensAnswerToADeliveredMailJoinsItsCase() {
        HotlineCase c = open(Channel.MAIL, new CitizenContact("王五", null, "wangwu@example.cn", null, false)).theCase();
        delivery.deliverDue();
        OutboundMessage acceptance = mail().sentFor(c.getCaseNumber()).get(0);
        assertThat(acceptance.to().email()).isEqualTo("wangwu@example.cn");
        String sentId = notifications.findByCaseIdOrderByIdAsc(c.getId()).get(0).getExternalId();
        assertThat(sentId).isNotBlank();

        ContactMessage answer = new ContactMessage(Channel.MAIL, "<answer-" + System.nanoTime() + "@example.cn>",
                Instant.now(), new ContactMessage.Sender("王五", null, "wangwu@example.cn", null, false),
                "Re: 您的诉求已受理", "补充：施工单位是某某建筑公司。", List.of(), null, null, null, null, null,
                false, false, null, Map.of(ContactMessage.IN_REPLY_TO, sentId));
        IntakeService.Accepted accepted = contacts.accept(answer);

        assertThat(accepted.caseNumber()).isEqualTo(c.getCaseNumber());
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId())).extracting(e -> e.getType())
                .contains(CaseEventType.CONTACT_APPENDED);
        delivery.deliverDue();
        assertThat(mail().sentFor(c.getCaseNumber())).extracting(OutboundMessage::kind)
                .containsExactly("ACCEPTED", "CONTACT_RECEIVED");
        assertThat(mail().sentFor(c.getCaseNumber()).get(1).inReplyTo()).isEqualTo(answer.channelMessageId());
    }

    @Test
    void aMicroblogCitizenIsAnsweredInPublicWordsWithoutTheQueryCode() {
        CaseIntake.Opened opened = open(Channel.MICROBLOG, new CitizenContact(null, null, null, "@市民小张", false));

        CitizenNotification n = notifications.findByCaseIdOrderByIdAsc(opened.theCase().getId()).get(0);

        assertThat(n.getChannel()).isEqualTo(Channel.MICROBLOG);
        assertThat(n.getMessage()).contains(opened.theCase().getCaseNumber()).doesNotContain(opened.queryCode())
                .doesNotContain(CitizenNotification.QUERY_CODE_MASK);
        assertThat(jdbc.queryForObject("SELECT query_code FROM citizen_notification WHERE id = ?", String.class,
                n.getId())).isNull();
    }

    @Test
    void anAnonymousCitizenIsNeverContacted() {
        HotlineCase c = open(Channel.WEB, new CitizenContact(null, "13812345678", null, null, true)).theCase();

        assertThat(notifications.findByCaseIdOrderByIdAsc(c.getId())).isEmpty();
    }

    @Test
    void aDutyAlertGoesToTheStaffPhoneNotTheCitizenAndDoesNotWaitForTheCitizensMessages() {
        HotlineCase c = open(Channel.MAIL, new CitizenContact("赵六", null, "zhaoliu@example.cn", null, false)).theCase();
        mail().failNext(c.getCaseNumber(), new DeliveryException("451 try again later", false));
        delivery.deliverDue();
        assertThat(notifications.findByCaseIdOrderByIdAsc(c.getId())).extracting(CitizenNotification::getState)
                .containsExactly(NotificationState.PENDING);

        staffAlerts.smsAboutCase(c, "夜班王", "13911119999", "紧急件 " + c.getCaseNumber());
        delivery.deliverDue();

        assertThat(sms().sentFor(c.getCaseNumber())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("DUTY_ALERT");
            assertThat(m.to().phone()).isEqualTo("13911119999");
            assertThat(m.to().name()).isEqualTo("夜班王");
            assertThat(m.to().email()).isNull();
        });
        assertThat(notifications.findByCaseIdOrderByIdAsc(c.getId())).extracting(CitizenNotification::getState)
                .containsExactly(NotificationState.PENDING, NotificationState.SENT);
    }

    private CaseIntake.Opened open(Channel channel, CitizenContact contact) {
        return intake.open(new NewCase(channel, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, "DC", null, contact,
                false, true, "夜间施工噪音", "工地每晚施工到凌晨。", List.of(), Instant.now()), IntakeDecision.REVIEW, null, "test");
    }

    private RecordingOutbound sms() {
        return adapters.stream().filter(a -> a.channel() == Channel.SMS).findFirst().orElseThrow();
    }

    private RecordingOutbound mail() {
        return adapters.stream().filter(a -> a.channel() == Channel.MAIL).findFirst().orElseThrow();
    }
}
