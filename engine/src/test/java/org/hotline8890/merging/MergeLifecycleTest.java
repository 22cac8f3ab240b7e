package org.hotline8890.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.staff;

import java.time.Instant;
import java.util.List;

import org.hotline8890.api.CaseViews;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.notification.CitizenNotification;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.statistics.ComplianceFigures;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two citizens report the same thing; the second request is merged into the first. Both citizens are
 * told, each case shows the other, and when the primary is closed the secondary's citizen gets its
 * reply and the secondary's timeline says the primary answered it. Statistics count the matter once.
 */
@SpringBootTest
@ActiveProfiles("test")
class MergeLifecycleTest {

    static final String REPLY = "经查，凤鸣路工地已停止夜间打桩，施工时间调整为早七点至晚十点。";

    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired RepeatRequests repeats;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired CitizenNotificationRepository notifications;
    @Autowired CaseViews views;
    @Autowired Organisation organisation;

    private CaseIntake.Opened received(String name, String phone, String subject, String content) {
        NewCase request = new NewCase(Channel.WEB, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, "DC", null,
                new CitizenContact(name, phone, null, null, false), false, false, subject, content, List.of(),
                Instant.now());
        return intake.open(request, IntakeDecision.REVIEW, null, "channel:web");
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private List<CitizenNotification> told(String n) {
        return notifications.findByCaseIdOrderByIdAsc(load(n).getId());
    }

    @Test
    void closingThePrimaryAnswersTheMergedRequestAndTellsBothCitizens() {
        var dispatcher = dispatcher(organisation);
        var environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        CaseIntake.Opened first = received("王五", "13900000601", "凤鸣路工地夜间打桩",
                "凤鸣路商业中心工地每晚十二点后还在打桩，整栋楼都在震，无法入睡。");
        String primary = first.theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, primary, IntakeDecision.DISPATCH, null, null, null);
        String secondary = received("赵六", "13900000602", "凤鸣路商业中心工地半夜打桩",
                "凤鸣路商业中心工地半夜十二点后还在打桩，楼都在震，孩子无法入睡。").theCase().getCaseNumber();

        assertThat(repeats.suggestFor(secondary, 5)).extracting(RepeatRequests.Suggestion::caseNumber).contains(primary);
        actions.reviewIntake(dispatcher, secondary, IntakeDecision.MERGE, null, primary, null);

        assertThat(load(secondary).getStatus()).isEqualTo(CaseStatus.MERGED);
        assertThat(told(secondary)).filteredOn(x -> x.getKind() == NotificationKind.MERGED).singleElement()
                .satisfies(x -> assertThat(x.getMessage()).contains(secondary, primary));
        assertThat(views.staff(load(primary)).merges()).singleElement().satisfies(link -> {
            assertThat(link.caseNumber()).isEqualTo(secondary);
            assertThat(link.relation()).isEqualTo("SECONDARY");
        });
        assertThat(views.staff(load(secondary)).merges()).singleElement().satisfies(link -> {
            assertThat(link.caseNumber()).isEqualTo(primary);
            assertThat(link.relation()).isEqualTo("PRIMARY");
        });
        assertThat(repeats.suggest(new RepeatRequests.Probe(null, "凤鸣路商业中心半夜施工",
                "凤鸣路商业中心那个工地半夜打桩，震得窗户响。", "DC", Instant.now()), 10))
                .as("a merged case is finished: nothing can repeat it")
                .extracting(RepeatRequests.Suggestion::caseNumber).doesNotContain(secondary);

        actions.sign(environment, primary);
        actions.reply(environment, primary, REPLY);
        actions.reviewReply(dispatcher, primary, true, null);
        assertThat(load(secondary).isAnsweredByPrimary()).as("not before the primary is closed").isFalse();
        actions.recordCitizenFeedback(primary, first.queryCode(), Satisfaction.SATISFIED, null);

        assertThat(load(primary).getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(told(primary)).extracting(CitizenNotification::getKind)
                .contains(NotificationKind.REPLIED, NotificationKind.CLOSED);
        assertThat(told(secondary)).filteredOn(x -> x.getKind() == NotificationKind.ANSWERED_BY_PRIMARY).singleElement()
                .satisfies(x -> assertThat(x.getMessage()).contains(secondary, primary, REPLY));
        HotlineCase answered = load(secondary);
        assertThat(answered.isAnsweredByPrimary()).isTrue();
        assertThat(answered.getStatus()).isEqualTo(CaseStatus.MERGED);
        assertThat(events.findByCaseIdOrderByIdAsc(answered.getId())).extracting(e -> e.getType())
                .containsSubsequence(CaseEventType.RECEIVED, CaseEventType.MERGED, CaseEventType.ANSWERED_BY_PRIMARY);
        assertThat(views.staff(answered).timeline()).last().satisfies(e -> {
            assertThat(e.event()).isEqualTo("ANSWERED_BY_PRIMARY");
            assertThat(e.comment()).contains(primary, REPLY);
        });

        ComplianceFigures figures = ComplianceFigures.of(List.of(load(primary), answered), Instant.now());
        assertThat(figures.received()).isEqualTo(2);
        assertThat(figures.dispatched()).as("the matter was handled once").isEqualTo(1);
        assertThat(figures.replied()).isEqualTo(1);
        assertThat(figures.intakeDecided()).as("a merged request is not a valid intake decision").isEqualTo(1);
        assertThat(figures.open()).isZero();
    }

    @Test
    void aCaseCannotBeMergedIntoAFinishedCaseNorAnsweredByAPrimaryTwice() {
        var dispatcher = dispatcher(organisation);
        String primary = received("钱七", "13900000701", "槐树街路灯不亮", "槐树街一整排路灯都不亮。")
                .theCase().getCaseNumber();
        String secondary = received("孙八", "13900000702", "槐树街路灯坏了", "槐树街路灯全坏了，晚上很黑。")
                .theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, secondary, IntakeDecision.MERGE, null, primary, null);
        actions.reviewIntake(dispatcher, primary, IntakeDecision.ANSWER, "路灯已于今日修复。", null, null);

        HotlineCase answered = load(secondary);
        assertThat(answered.isAnsweredByPrimary()).as("a direct answer answers the merged request too").isTrue();
        assertThat(told(secondary)).filteredOn(x -> x.getKind() == NotificationKind.ANSWERED_BY_PRIMARY).singleElement()
                .satisfies(x -> assertThat(x.getMessage()).contains("路灯已于今日修复"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> answered.answerByPrimary(primary, "again", Instant.now()))
                .isInstanceOf(org.hotline8890.cases.CaseStateException.class);

        String late = received("周九", "13900000703", "槐树街路灯不亮", "槐树街路灯还是不亮。").theCase().getCaseNumber();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> actions.reviewIntake(dispatcher, late, IntakeDecision.MERGE, null, primary, null))
                .isInstanceOf(org.hotline8890.cases.CaseStateException.class);
        assertThat(load(late).getStatus()).isEqualTo(CaseStatus.RECEIVED);
    }
}
