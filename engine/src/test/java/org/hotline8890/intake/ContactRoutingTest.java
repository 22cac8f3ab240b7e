package org.hotline8890.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.Closure;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** A contact about an existing case joins it, or rates it; anything else is a new case. */
@SpringBootTest
@ActiveProfiles("test")
class ContactRoutingTest {

    private static final CitizenContact CITIZEN = new CitizenContact("赵六", "13700001234", "zhao@example.cn", null, false);

    @Autowired IntakeService intakeService;
    @Autowired CaseIntake caseIntake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired Organisation organisation;
    @Autowired TransactionTemplate tx;

    @Test
    void aMailQuotingTheCaseNumberFromTheSameAddressJoinsThatCaseOnceHoweverOftenDelivered() {
        HotlineCase c = open(CITIZEN);
        long before = cases.count();
        ContactMessage more = mail("zhao@example.cn", "Re: [" + c.getCaseNumber() + "] 夜间施工噪音", "昨晚又施工到两点。",
                Map.of(ContactMessage.CASE_REFERENCE, c.getCaseNumber()));

        IntakeService.Accepted first = intakeService.accept(more);
        IntakeService.Accepted again = intakeService.accept(more);

        assertThat(first.caseNumber()).isEqualTo(c.getCaseNumber());
        assertThat(first.queryCode()).isNull();
        assertThat(again.duplicate()).isTrue();
        assertThat(cases.count()).isEqualTo(before);
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId()))
                .filteredOn(e -> e.getType() == CaseEventType.CONTACT_APPENDED).singleElement()
                .satisfies(e -> assertThat(e.getComment()).contains("昨晚又施工到两点"));
    }

    @Test
    void aStrangerQuotingSomeoneElsesCaseNumberOpensACaseOfTheirOwn() {
        HotlineCase c = open(CITIZEN);

        IntakeService.Accepted accepted = intakeService.accept(mail("stranger@example.cn", "关于 " + c.getCaseNumber(),
                "我也想看看这个工单。", Map.of(ContactMessage.CASE_REFERENCE, c.getCaseNumber())));

        assertThat(accepted.caseNumber()).isNotEqualTo(c.getCaseNumber());
        assertThat(accepted.queryCode()).isNotNull();
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId())).extracting(e -> e.getType())
                .doesNotContain(CaseEventType.CONTACT_APPENDED);
    }

    @Test
    void anSmsDigitFromTheCitizensPhoneRatesTheCaseWaitingForItAndClosesIt() {
        HotlineCase c = awaitingFeedback(new CitizenContact(null, "13700005678", null, null, false));

        IntakeService.Accepted accepted = intakeService.accept(sms("+86 137-0000-5678", "1 处理得很及时"));

        assertThat(accepted.caseNumber()).isEqualTo(c.getCaseNumber());
        HotlineCase rated = cases.findById(c.getId()).orElseThrow();
        assertThat(rated.getSatisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
        assertThat(rated.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(rated.getClosure()).isEqualTo(Closure.RESOLVED);
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId())).filteredOn(e -> e.getType() == CaseEventType.FEEDBACK_GIVEN)
                .singleElement().satisfies(e -> assertThat(e.getComment()).contains("处理得很及时"));
    }

    @Test
    void anSmsThatIsNoRatingOpensANewCaseEvenFromAPhoneWithACaseWaitingForOne() {
        HotlineCase c = awaitingFeedback(new CitizenContact(null, "13700009999", null, null, false));

        IntakeService.Accepted accepted = intakeService.accept(sms("13700009999", "小区门口的路灯坏了三天了"));

        assertThat(accepted.caseNumber()).isNotEqualTo(c.getCaseNumber());
        assertThat(cases.findById(c.getId()).orElseThrow().getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);
    }

    @Test
    void aContactWithFieldsLongerThanTheirColumnsStillBecomesACaseCutToFit() {
        ContactMessage huge = new ContactMessage(Channel.MAIL, "<" + System.nanoTime() + "@example.cn>", Instant.now(),
                new ContactMessage.Sender("名".repeat(300), null, "long@example.cn", null, false), "题".repeat(500),
                "长".repeat(20_000), List.of(), null, null, null, null, null, false, false, null, Map.of());

        IntakeService.Accepted accepted = intakeService.accept(huge);

        HotlineCase c = cases.findByCaseNumber(accepted.caseNumber()).orElseThrow();
        assertThat(c.getSubject()).hasSize(200);
        assertThat(c.getContact().name()).hasSize(100);
        assertThat(c.getContent()).startsWith("长".repeat(16_000)).contains("内容过长");
    }

    @Test
    void aVoiceMessageKeepsItsRecordingAsAnAttachmentOfTheCase() {
        ContactMessage voice = new ContactMessage(Channel.PHONE, "RE" + System.nanoTime(), Instant.now(),
                new ContactMessage.Sender(null, "13700004444", null, null, false), null, "电话留言，请听录音。", List.of(),
                null, null, null, null, null, false, false, "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
                Map.of());

        String number = intakeService.accept(voice).caseNumber();

        tx.executeWithoutResult(s -> assertThat(cases.findByCaseNumber(number).orElseThrow().getAttachments())
                .singleElement().satisfies(a -> {
                    assertThat(a.storageRef()).isEqualTo("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1");
                    assertThat(a.contentType()).isEqualTo("audio/*");
                }));
    }

    private HotlineCase open(CitizenContact contact) {
        return caseIntake.open(new NewCase(Channel.MAIL, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, "DC", null,
                contact, false, true, "夜间施工噪音", "工地每晚施工到凌晨。", List.of(), Instant.now()),
                IntakeDecision.REVIEW, null, "test").theCase();
    }

    private HotlineCase awaitingFeedback(CitizenContact contact) {
        String n = caseIntake.open(new NewCase(Channel.SMS, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, "DC", null,
                contact, false, true, "夜间施工噪音", "工地每晚施工到凌晨。", List.of(), Instant.now()),
                IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        Staff environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.sign(environment, n);
        actions.reply(environment, n, "已责令停止夜间施工。");
        actions.reviewReply(staff(organisation, "dispatcher", Role.DISPATCHER, "CENTER"), n, true, null);
        HotlineCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);
        return c;
    }

    @Test
    void aFreshReplyWaitsForAnUnknownParentButNotForAKnownOneNorForeverWhenStampedLongAgoOrAhead() {
        Duration wait = Duration.ofSeconds(60);
        ContactMessage post = mail("zhao@example.cn", "小区停车收费", "物业乱收停车费。", Map.of());
        ContactMessage reply = mail("zhao@example.cn", "Re: 小区停车收费", "补充：每月多收两百。",
                Map.of(ContactMessage.IN_REPLY_TO, post.channelMessageId()));
        assertThat(intakeService.awaitsParent(reply, wait)).isTrue();
        assertThat(intakeService.awaitsParent(stampedAt(reply, Instant.now().minus(Duration.ofMinutes(2))), wait)).isFalse();
        assertThat(intakeService.awaitsParent(stampedAt(reply, Instant.now().plus(Duration.ofDays(1))), wait)).isFalse();
        assertThat(intakeService.awaitsParent(mail("zhao@example.cn", "新的问题", "路灯坏了。", Map.of()), wait)).isFalse();

        intakeService.accept(post);
        assertThat(intakeService.awaitsParent(reply, wait)).isFalse();
    }

    private static ContactMessage stampedAt(ContactMessage m, Instant at) {
        return new ContactMessage(m.channel(), m.channelMessageId(), at, m.sender(), m.subject(), m.text(), m.attachments(),
                m.location(), m.district(), m.caseType(), m.category(), m.urgency(), m.confidential(),
                m.consentToPublish(), m.recordingRef(), m.metadata());
    }

    private static ContactMessage mail(String from, String subject, String text, Map<String, String> metadata) {
        return new ContactMessage(Channel.MAIL, "<" + System.nanoTime() + "@example.cn>", Instant.now(),
                new ContactMessage.Sender(null, null, from, null, false), subject, text, List.of(), null, null, null,
                null, null, false, false, null, metadata);
    }

    private static ContactMessage sms(String from, String text) {
        return new ContactMessage(Channel.SMS, "SM" + System.nanoTime(), Instant.now(),
                new ContactMessage.Sender(null, from, null, null, false), null, text, List.of(), null, null, null,
                null, null, false, false, null, Map.of());
    }
}
