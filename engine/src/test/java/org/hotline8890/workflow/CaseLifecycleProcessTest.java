package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.request;
import static org.hotline8890.TestCases.staff;
import static org.hotline8890.TestCases.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Closure;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.publication.PublishedResult;
import org.hotline8890.publication.PublishedResultRepository;
import org.hotline8890.security.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of hotline-case.bpmn, on the real application (real delegates, DMN tables, calendar and
 * database), timers fired by hand. The coverage listener fails the class unless every flow node and
 * sequence flow is passed.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, CaseLifecycleProcessTest.Coverage.class, TestClock.Config.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CaseLifecycleProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired PublishedResultRepository published;
    @Autowired CitizenNotificationRepository notifications;
    @Autowired Organisation organisation;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    Staff dispatcher;
    Staff supervisor;
    Staff environment;
    Staff housing;

    @BeforeEach
    void logIn() {
        BpmnAwareTests.init(engine);
        dispatcher = dispatcher(organisation);
        supervisor = supervisor(organisation);
        environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        housing = staff(organisation, "dept-housing", Role.DEPARTMENT, "ZJJ");
    }

    /**
     * Tests that make the street office DC-DH a sub-center end with it an ordinary unit again. Set behind the
     * admin rule on purpose: other classes in this shared database leave cases open in its loop, and every
     * other test here expects DC-DH to sign as an ordinary unit.
     */
    @AfterEach
    void streetOfficeRunsNoSubCenter() {
        jdbc.update("UPDATE org_unit SET sub_center = FALSE WHERE code = 'DC-DH'");
    }

    @Test
    void aWebRequestTravelsTheWholeLifeAndIsPublishedDeidentified() {
        CaseIntake.Opened opened = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web");
        String n = opened.theCase().getCaseNumber();
        assertThat(n).matches("8890-\\d{8}-\\d{6}");
        assertThat(instance(n)).isWaitingAt("Task_ReviewIntake");

        actions.reviewIntake(dispatcher, n, IntakeDecision.DISPATCH, null, null, null);
        assertThat(instance(n)).isWaitingAt("Task_SignForCase");
        HotlineCase dispatched = load(n);
        assertThat(dispatched.getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(organisation.byId(dispatched.getDepartmentId()).orElseThrow().getCode()).isEqualTo("HBJ");
        assertThat(dispatched.getSignBy()).isAfter(dispatched.getDispatchedAt());
        assertThat(dispatched.getHandleBy()).isAfter(dispatched.getSignBy());

        actions.sign(environment, n);
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
        fire(n, "Timer_HandlingWarning");
        assertThat(load(n).getWarnedAt()).isNotNull();

        Instant extendedTo = load(n).getHandleBy().plus(Duration.ofDays(7));
        actions.requestExtension(environment, n, extendedTo, "需要第三方检测噪声");
        assertThat(instance(n)).isWaitingAt("Task_HandleCase", "Task_RuleOnExtension");
        actions.ruleOnExtension(supervisor, n, true, "同意延期");
        assertThat(load(n).getHandleBy()).isEqualTo(extendedTo);
        assertThat(load(n).getExtensionCount()).isEqualTo(1);
        assertThat(timer(n, "Timer_HandlingOverdue").getDuedate().toInstant()).isEqualTo(extendedTo);

        fire(n, "Timer_HandlingOverdue");
        assertThat(load(n).getOverdueAt()).isNotNull();
        assertThat(instance(n)).isWaitingAt("Task_HandleCase", "Task_SuperviseCase");
        actions.supervise(supervisor, n, "已电话督办环境局");

        actions.reply(environment, n, "已责令工地停止夜间施工，联系人张三丰电话13812345678。");
        assertThat(instance(n)).isWaitingAt("Task_ReviewReply");
        actions.reviewReply(dispatcher, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_AwaitFeedback");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);

        actions.recordCitizenFeedback(n, opened.queryCode(), Satisfaction.SATISFIED, "处理及时");
        assertThat(instance(n)).isNull();
        HotlineCase closed = load(n);
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getClosure()).isEqualTo(Closure.RESOLVED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(n).singleResult()
                .getEndActivityId()).isEqualTo("End_ClosedPublished");

        PublishedResult result = published.findAll().stream().filter(p -> p.getCaseNumber().equals(n)).findFirst().orElseThrow();
        assertThat(result.getContent() + result.getReply() + result.getSubject())
                .doesNotContain("张三丰", "13812345678", "402")
                .contains("张**", "[电话]");
        assertThat(events.findByCaseIdOrderByIdAsc(closed.getId())).extracting(e -> e.getType()).containsSubsequence(
                CaseEventType.RECEIVED, CaseEventType.DISPATCHED, CaseEventType.SIGNED, CaseEventType.WARNED,
                CaseEventType.EXTENSION_REQUESTED, CaseEventType.EXTENSION_GRANTED, CaseEventType.OVERDUE,
                CaseEventType.SUPERVISED, CaseEventType.REPLIED, CaseEventType.REPLY_ACCEPTED,
                CaseEventType.FEEDBACK_REQUESTED, CaseEventType.FEEDBACK_GIVEN, CaseEventType.CLOSED, CaseEventType.PUBLISHED);
        assertThat(notifications.findByCaseIdOrderByIdAsc(closed.getId())).extracting(x -> x.getKind()).containsSubsequence(
                NotificationKind.ACCEPTED, NotificationKind.DISPATCHED, NotificationKind.EXTENSION_GRANTED,
                NotificationKind.REPLIED, NotificationKind.FEEDBACK_REQUESTED, NotificationKind.CLOSED);
    }

    @Test
    void anAgentsDirectAnswerClosesTheCaseAtOnce() {
        CaseIntake.Opened opened = intake.open(request(CaseType.CONSULTATION, "LABOUR.SOCIAL", "XC", Urgency.NORMAL,
                true, false, Instant.now()), IntakeDecision.ANSWER, "社保卡可在任一银行网点补办。", "agent");
        String n = opened.theCase().getCaseNumber();
        assertThat(instance(n)).isNull();
        assertThat(load(n).getClosure()).isEqualTo(Closure.ANSWERED_DIRECTLY);
        assertThat(published.findAll()).anyMatch(p -> p.getCaseNumber().equals(n));
    }

    @Test
    void theCenterRejectsAnInvalidRequestAndTheCitizenIsTold() {
        String n = reviewed();
        actions.reviewIntake(dispatcher, n, IntakeDecision.REJECT, "不属于政务服务范围", null, null);
        assertThat(instance(n)).isNull();
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(notifications.findByCaseIdOrderByIdAsc(load(n).getId())).extracting(x -> x.getKind())
                .contains(NotificationKind.REJECTED);
    }

    @Test
    void aRepeatRequestIsMergedIntoTheEarlierOpenCase() {
        String primary = reviewed();
        actions.reviewIntake(dispatcher, primary, IntakeDecision.DISPATCH, null, null, null);
        String repeat = reviewed();
        actions.reviewIntake(dispatcher, repeat, IntakeDecision.MERGE, null, primary, null);
        assertThat(instance(repeat)).isNull();
        assertThat(load(repeat).getStatus()).isEqualTo(CaseStatus.MERGED);
        assertThat(load(repeat).getMergedIntoId()).isEqualTo(load(primary).getId());
    }

    @Test
    void aCaseTheCatalogueCannotRouteWaitsForTheCenterToChoose() {
        String n = intake.open(request(CaseType.HELP, "OTHER", "NH", Urgency.NORMAL, true, false, Instant.now()),
                IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        assertThat(instance(n)).isWaitingAt("Task_DispatchManually");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
        actions.dispatchManually(dispatcher, n, "ZJJ");
        assertThat(instance(n)).isWaitingAt("Task_SignForCase");
        assertThat(organisation.byId(load(n).getDepartmentId()).orElseThrow().getCode()).isEqualTo("ZJJ");
    }

    @Test
    void afterThreeReturnsTheCenterDesignatesAndTheDepartmentCanNoLongerReturn() {
        String n = dispatchedToEnvironment();
        actions.returnToCenter(environment, n, "噪声源在建筑工地，应由住建局处理");
        assertThat(instance(n)).isWaitingAt("Task_ReviewReturn");
        actions.ruleOnReturn(dispatcher, n, true, "ZJJ", "改派住建局");
        assertThat(instance(n)).isWaitingAt("Task_SignForCase");

        actions.returnToCenter(housing, n, "夜间噪声属于环保执法");
        actions.ruleOnReturn(dispatcher, n, false, null, "退单理由不成立");
        assertThat(instance(n)).isWaitingAt("Task_SignForCase");
        assertThat(load(n).isDesignated()).isFalse();

        actions.returnToCenter(housing, n, "仍认为不属于本单位");
        actions.ruleOnReturn(dispatcher, n, true, "HBJ", "指定环境局办理");
        HotlineCase designated = load(n);
        assertThat(designated.getReturnCount()).isEqualTo(3);
        assertThat(designated.isDesignated()).isTrue();
        assertThatThrownBy(() -> actions.returnToCenter(environment, n, "再退"))
                .isInstanceOf(CaseStateException.class).hasMessageContaining("designated");
        actions.sign(environment, n);
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRefusedReturnRestartsTheSignForClockFromTheRuling() {
        // Friday 30 October 2026, 10:00 in Asia/Shanghai; the sign-for limit is 120 working minutes.
        clock.setTo(Instant.parse("2026-10-30T02:00:00Z"));
        String n = intake.open(noiseComplaint(clock.instant()), IntakeDecision.DISPATCH, null, "agent")
                .theCase().getCaseNumber();
        assertThat(load(n).getSignBy()).isEqualTo(Instant.parse("2026-10-30T04:00:00Z"));
        clock.setTo(Instant.parse("2026-10-30T04:30:00Z"));
        fire(n, "Timer_SignDeadline");
        assertThat(load(n).isSignedLate()).isTrue();
        actions.returnToCenter(environment, n, "噪声源在建筑工地，应由住建局处理");

        // The center rules on Monday at 15:00: the department gets its two working hours from then.
        clock.setTo(Instant.parse("2026-11-02T07:00:00Z"));
        actions.ruleOnReturn(dispatcher, n, false, null, "退单理由不成立");
        HotlineCase sentBack = load(n);
        Instant restarted = Instant.parse("2026-11-02T09:00:00Z");
        assertThat(sentBack.getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(sentBack.getSignBy()).isEqualTo(restarted);
        assertThat(sentBack.isSignedLate()).isFalse();
        assertThat(instance(n)).isWaitingAt("Task_SignForCase");
        assertThat(timer(n, "Timer_SignDeadline").getDuedate().toInstant()).isEqualTo(restarted);

        clock.setTo(Instant.parse("2026-11-02T08:45:00Z"));
        actions.sign(environment, n);
        HotlineCase signed = load(n);
        assertThat(signed.isSignedLate()).isFalse();
        assertThat(signed.getSignedAt()).isBeforeOrEqualTo(signed.getSignBy());
    }

    @Test
    void theRestartedSignForTimerStillFlagsALateSignature() {
        String n = dispatchedToEnvironment();
        actions.returnToCenter(environment, n, "不属于本单位");
        actions.ruleOnReturn(dispatcher, n, false, null, "退单理由不成立");
        fire(n, "Timer_SignDeadline");
        assertThat(load(n).isSignedLate()).isTrue();
        assertThat(events.findByCaseIdOrderByIdAsc(load(n).getId())).extracting(e -> e.getType())
                .containsSubsequence(CaseEventType.RETURN_REFUSED, CaseEventType.SIGN_LATE);
    }

    @Test
    void aMissedSignForLimitIsFlaggedAndStillAllowsSigning() {
        String n = dispatchedToEnvironment();
        fire(n, "Timer_SignDeadline");
        assertThat(load(n).isSignedLate()).isTrue();
        actions.sign(environment, n);
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
    }

    @Test
    void aRefusedExtensionLeavesTheDeadlineWhereItWas() {
        String n = handlingByEnvironment();
        Instant before = load(n).getHandleBy();
        actions.requestExtension(environment, n, before.plus(Duration.ofDays(3)), "人手不足");
        actions.ruleOnExtension(supervisor, n, false, "理由不充分");
        assertThat(load(n).getHandleBy()).isEqualTo(before);
        assertThat(load(n).getExtensionCount()).isZero();
        assertThat(timer(n, "Timer_HandlingOverdue").getDuedate().toInstant()).isEqualTo(before);
    }

    @Test
    void aReplySentBackByTheCenterReturnsToHandling() {
        String n = handlingByEnvironment();
        actions.reply(environment, n, "已处理");
        actions.reviewReply(dispatcher, n, false, "答复过于简单，请说明处理措施");
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
        assertThat(load(n).getRepliedAt()).isNull();
        actions.reply(environment, n, "已现场检查并责令停工整改");
        actions.reviewReply(dispatcher, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_AwaitFeedback");
    }

    @Test
    void dissatisfiedCitizensSendTheCaseBackAtMostTwice() {
        String n = handlingByEnvironment();
        for (int round = 1; round <= 3; round++) {
            actions.reply(environment, n, "第" + round + "次答复");
            actions.reviewReply(dispatcher, n, true, null);
            actions.recordFeedbackByPhone(dispatcher, n, Satisfaction.DISSATISFIED, "问题仍未解决");
            if (round < 3) {
                assertThat(instance(n)).isWaitingAt("Task_HandleCase");
                assertThat(load(n).getRehandleCount()).isEqualTo(round);
            }
        }
        assertThat(instance(n)).isNull();
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(load(n).getRehandleCount()).isEqualTo(2);
    }

    @Test
    void noRatingWithinTheWindowClosesTheCaseWithoutFeedback() {
        String n = handlingByEnvironment();
        actions.reply(environment, n, "已处理");
        actions.reviewReply(dispatcher, n, true, null);
        fire(n, "Timer_FeedbackWindow");
        assertThat(instance(n)).isNull();
        assertThat(load(n).getClosure()).isEqualTo(Closure.NO_FEEDBACK);
    }

    @Test
    void aConfidentialCaseClosesWithoutBeingPublished() {
        String n = intake.open(request(CaseType.REPORT, "MARKET.FOOD", "DC", Urgency.NORMAL, true, true, Instant.now()),
                IntakeDecision.ANSWER, "已告知举报渠道", "agent").theCase().getCaseNumber();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(n).singleResult()
                .getEndActivityId()).isEqualTo("End_ClosedUnpublished");
        assertThat(published.findAll()).noneMatch(p -> p.getCaseNumber().equals(n));
    }

    @Test
    void anUrgentCaseGetsWallClockLimits() {
        String n = intake.open(request(CaseType.HELP, "URBAN.ROAD", "DC", Urgency.VERY_URGENT, true, false, Instant.now()),
                IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        HotlineCase c = load(n);
        assertThat(Duration.between(c.getDispatchedAt(), c.getSignBy())).isEqualTo(Duration.ofMinutes(30));
        assertThat(Duration.between(c.getDispatchedAt(), c.getHandleBy())).isEqualTo(Duration.ofHours(2));
        assertThat(organisation.byId(c.getDepartmentId()).orElseThrow().getCode()).isEqualTo("DC-CGJ");
    }

    @Test
    void theLadderRemindsTwiceThenOrdersSupervisionThenEscalatesEachOnItsOwnTimer() {
        String n = handlingByEnvironment();
        HotlineCase handling = load(n);
        Instant due = handling.getHandleBy();
        long allowed = Duration.between(handling.getDispatchedAt(), due).toMillis();
        assertThat(Duration.between(handling.getDispatchedAt(), timer(n, "Timer_EscalationDue").getDuedate().toInstant())
                .toMillis()).isBetween(allowed * 80 / 100 - 1000, allowed * 80 / 100 + 1000);

        fire(n, "Timer_EscalationDue");
        assertThat(escalations(n)).containsExactly("step 1: REMIND_HANDLER → handler");
        assertThat(timer(n, "Timer_NextEscalationStep").getDuedate().toInstant()).isEqualTo(due);

        fire(n, "Timer_NextEscalationStep");
        Instant supervisionDue = timer(n, "Timer_NextEscalationStep").getDuedate().toInstant();
        assertThat(supervisionDue).isAfter(due.plus(Duration.ofHours(23))).isBefore(due.plus(Duration.ofDays(4)));
        fire(n, "Timer_NextEscalationStep");
        assertThat(timer(n, "Timer_NextEscalationStep").getDuedate().toInstant()).isAfter(supervisionDue.plus(Duration.ofHours(47)));
        fire(n, "Timer_NextEscalationStep");

        assertThat(escalations(n)).containsExactly("step 1: REMIND_HANDLER → handler",
                "step 2: REMIND_HEAD → department head", "step 3: SUPERVISION_ORDER → center",
                "step 4: ESCALATE → oversight office");
        assertThat(timer(n, "Timer_NextEscalationStep")).as("no step after the last").isNull();
        HotlineCase climbed = load(n);
        assertThat(climbed.getEscalationStep()).isEqualTo(4);
        assertThat(climbed.getReminderCount()).isEqualTo(2);
        assertThat(climbed.getSupervisionCount()).isEqualTo(1);
        assertThat(climbed.getEscalationCount()).isEqualTo(1);
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance(n).getId())
                .activityId("End_LadderClimbed").count()).isEqualTo(1);
    }

    @Test
    void aReplyStopsTheLadderAndAReplySentBackResumesItAtTheStepNotYetReached() {
        String n = handlingByEnvironment();
        fire(n, "Timer_EscalationDue");
        assertThat(timer(n, "Timer_NextEscalationStep")).isNotNull();

        actions.reply(environment, n, "已处理");
        assertThat(timer(n, "Timer_NextEscalationStep")).as("the ladder stopped with the reply").isNull();
        assertThat(timer(n, "Timer_EscalationDue")).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance(n).getId())
                .activityId("End_LadderStopped").count()).isEqualTo(1);

        actions.reviewReply(dispatcher, n, false, "答复过于简单，请说明处理措施");
        assertThat(timer(n, "Timer_EscalationDue").getDuedate().toInstant()).isEqualTo(load(n).getHandleBy());
        fire(n, "Timer_EscalationDue");
        assertThat(escalations(n)).containsExactly("step 1: REMIND_HANDLER → handler",
                "step 2: REMIND_HEAD → department head");
    }

    @Test
    void anApprovedExtensionMovesTheLaddersNextStepWithTheDeadline() {
        String n = handlingByEnvironment();
        fire(n, "Timer_EscalationDue");
        Instant extendedTo = load(n).getHandleBy().plus(Duration.ofDays(7));
        actions.requestExtension(environment, n, extendedTo, "需要第三方检测噪声");
        actions.ruleOnExtension(supervisor, n, true, "同意延期");
        assertThat(timer(n, "Timer_NextEscalationStep").getDuedate().toInstant()).isEqualTo(extendedTo);
    }

    // --- 分级办理: a case dispatched to a district that runs a sub-center ----------------------------

    @Test
    void aSubCenterSignsReDispatchesAndReviewsItsUnitsReplyBeforeTheCenterDoes() {
        Staff districtDc = staff(organisation, "district-dc", Role.DEPARTMENT, "DC");
        Staff street = staff(organisation, "dept-dc-street", Role.DEPARTMENT, "DC-DH");
        String n = dispatchedToSubCenter("DC");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterSign");
        HotlineCase atSubCenter = load(n);
        assertThat(atSubCenter.getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(code(atSubCenter.getDepartmentId())).isEqualTo("DC");
        assertThat(code(atSubCenter.getSubCenterId())).isEqualTo("DC");
        assertThat(atSubCenter.getSubCenterSignBy()).isEqualTo(atSubCenter.getSignBy());
        assertThat(atSubCenter.getSubCenterSince()).isEqualTo(atSubCenter.getDispatchedAt());

        // The sub-center's own sign-for limit passes: it is flagged late, and may still sign.
        fire(n, "Timer_SubCenterSignDeadline");
        assertThat(load(n).isSubCenterSignedLate()).isTrue();
        assertThatThrownBy(() -> actions.sign(street, n)).isInstanceOf(CaseNotFoundException.class);
        actions.sign(districtDc, n);
        assertThat(instance(n)).isWaitingAt("Task_SubCenterRedispatch");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REDISPATCHING);
        assertThat(load(n).getSubCenterSignedAt()).isNotNull();

        // Only inside its own subtree, and never to itself.
        assertThatThrownBy(() -> actions.redispatchInSubCenter(districtDc, n, "XC-XH"))
                .isInstanceOf(DispatchLevelRefused.class).hasMessageContaining("not a unit below");
        assertThatThrownBy(() -> actions.redispatchInSubCenter(districtDc, n, "DC"))
                .isInstanceOf(DispatchLevelRefused.class);
        actions.redispatchInSubCenter(districtDc, n, "DC-DH");
        assertThat(instance(n)).isWaitingAt("Task_LowerUnitSign");
        HotlineCase redispatched = load(n);
        assertThat(code(redispatched.getDepartmentId())).isEqualTo("DC-DH");
        assertThat(redispatched.getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(redispatched.getSignedAt()).isNull();
        assertThat(redispatched.getSubCenterSince()).isNull();
        assertThat(timer(n, "Timer_LowerSignDeadline").getDuedate().toInstant()).isEqualTo(toTheMilli(redispatched.getSignBy()));
        assertThat(redispatched.getHandleBy()).isEqualTo(atSubCenter.getHandleBy());

        fire(n, "Timer_LowerSignDeadline");
        assertThat(load(n).isSignedLate()).isTrue();
        actions.sign(street, n);
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");

        // The street's reply goes to the sub-center first; sent back, the street handles it again.
        actions.reply(street, n, "已清理");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReply");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.SUB_CENTER_REVIEW);
        assertThatThrownBy(() -> actions.reviewReplyInSubCenter(street, n, true, null))
                .isInstanceOf(CaseStateException.class).hasMessageContaining("sub-center's own staff");
        actions.reviewReplyInSubCenter(districtDc, n, false, "请补充现场照片和处理措施");
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
        assertThat(load(n).getRepliedAt()).isNull();

        actions.reply(street, n, "已清理路面并设置围挡，附现场照片");
        actions.reviewReplyInSubCenter(districtDc, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_ReviewReply");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);
        actions.reviewReply(dispatcher, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_AwaitFeedback");

        // The city center sees the whole chain, each step with the unit whose step it was.
        assertThat(events.findByCaseIdOrderByIdAsc(load(n).getId())).extracting(e -> e.getType() + "@" + code(e.getDepartmentId()))
                .containsSubsequence("DISPATCHED@DC", "SUB_CENTER_SIGNED@DC", "REDISPATCHED@DC-DH", "SIGNED@DC-DH",
                        "REPLIED@DC-DH", "SUB_CENTER_REPLY_SENT_BACK@DC", "REPLIED@DC-DH", "SUB_CENTER_REPLY_APPROVED@DC",
                        "REPLY_ACCEPTED@DC-DH");
    }

    @Test
    void aUnitsReturnGoesToTheSubCenterWhichReDispatchesRefusesOrPassesItUpToTheCenter() {
        Staff districtDc = staff(organisation, "district-dc", Role.DEPARTMENT, "DC");
        Staff bureau = staff(organisation, "dept-dc-urban", Role.DEPARTMENT, "DC-CGJ");
        Staff street = staff(organisation, "dept-dc-street", Role.DEPARTMENT, "DC-DH");
        String n = dispatchedToSubCenter("DC");
        actions.sign(districtDc, n);
        actions.redispatchInSubCenter(districtDc, n, "DC-CGJ");

        actions.returnToCenter(bureau, n, "道路保洁属于街道职责");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReturn");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RETURNED_TO_SUB_CENTER);
        assertThat(load(n).getReturnCount()).as("a return inside the subtree is not a return to the city").isZero();
        assertThat(load(n).getSubCenterSince()).isNotNull();
        assertThatThrownBy(() -> actions.ruleOnReturnInSubCenter(bureau, n, SubCenterRuling.SEND_BACK, null, "自己审"))
                .isInstanceOf(CaseStateException.class);

        actions.ruleOnReturnInSubCenter(districtDc, n, SubCenterRuling.REDISPATCH, "DC-DH", "改派东华街道");
        assertThat(instance(n)).isWaitingAt("Task_LowerUnitSign");
        assertThat(code(load(n).getDepartmentId())).isEqualTo("DC-DH");

        actions.returnToCenter(street, n, "不在本街道辖区");
        actions.ruleOnReturnInSubCenter(districtDc, n, SubCenterRuling.SEND_BACK, null, "属于东华街道辖区");
        assertThat(instance(n)).isWaitingAt("Task_LowerUnitSign");
        assertThat(code(load(n).getDepartmentId())).isEqualTo("DC-DH");
        assertThat(timer(n, "Timer_LowerSignDeadline").getDuedate().toInstant()).isEqualTo(toTheMilli(load(n).getSignBy()));

        actions.returnToCenter(street, n, "实际位于西城区");
        actions.ruleOnReturnInSubCenter(districtDc, n, SubCenterRuling.PASS_UP, null, "地址属于西城区，请改派");
        assertThat(instance(n)).isWaitingAt("Task_ReviewReturn");
        HotlineCase passedUp = load(n);
        assertThat(passedUp.getStatus()).isEqualTo(CaseStatus.RETURNED);
        assertThat(code(passedUp.getDepartmentId())).isEqualTo("DC");
        assertThat(passedUp.getReturnCount()).isEqualTo(1);

        // The center refuses: the sub-center signs again, on a clock restarted at the ruling.
        actions.ruleOnReturn(dispatcher, n, false, null, "请分中心核实地址");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterSign");
        assertThat(load(n).getSubCenterSignBy()).isEqualTo(load(n).getSignBy());
        assertThat(load(n).getSubCenterSignedAt()).isNull();

        // The sub-center returns it to the center itself, which re-dispatches it to a unit without a sub-center.
        actions.returnToCenter(districtDc, n, "核实后确属西城区");
        assertThat(instance(n)).isWaitingAt("Task_ReviewReturn");
        actions.ruleOnReturn(dispatcher, n, true, "XC-CGJ", "改派西城区城管局");
        // XC runs a sub-center too, but the center chose its bureau directly: no sub-center in between.
        assertThat(instance(n)).isWaitingAt("Task_SignForCase");
        assertThat(load(n).getSubCenterId()).isNull();
        assertThat(events.findByCaseIdOrderByIdAsc(load(n).getId())).extracting(e -> e.getType())
                .containsSubsequence(CaseEventType.RETURNED_TO_SUB_CENTER, CaseEventType.REDISPATCHED,
                        CaseEventType.RETURNED_TO_SUB_CENTER, CaseEventType.SUB_CENTER_RETURN_REFUSED,
                        CaseEventType.RETURNED_TO_SUB_CENTER, CaseEventType.RETURN_PASSED_UP, CaseEventType.RETURN_REFUSED,
                        CaseEventType.RETURNED, CaseEventType.DISPATCHED);
    }

    @Test
    void aStreetSubCenterInsideTheDistrictsRunsItsOwnLoopAndPassesReturnsAndRepliesUpOneLevelAtATime() {
        Staff districtDc = staff(organisation, "district-dc", Role.DEPARTMENT, "DC");
        Staff street = staff(organisation, "dept-dc-street", Role.DEPARTMENT, "DC-DH");
        Staff community = staff(organisation, "dc-dh-01-clerk", Role.DEPARTMENT, "DC-DH-01");
        Long streetId = organisation.byCode("DC-DH").orElseThrow().getId();
        organisation.runSubCenter(streetId, true);
        // "Other" cases may go down to a community (the dispatch level rule); roads stop at the street office.
        String n = intake.open(request(CaseType.COMPLAINT, "OTHER", "DC", Urgency.NORMAL, true, false, Instant.now()),
                IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, n, IntakeDecision.DISPATCH, null, null, "DC");
        actions.sign(districtDc, n);
        actions.redispatchInSubCenter(districtDc, n, "DC-DH");

        // The street runs a sub-center: it signs, on the clock the district's re-dispatch started, and
        // re-dispatches inside its own subtree; the district's own sign-for figure stays the district's.
        assertThat(instance(n)).isWaitingAt("Task_SubCenterSign");
        HotlineCase atStreet = load(n);
        assertThat(code(atStreet.getActingSubCenterId())).isEqualTo("DC-DH");
        assertThat(atStreet.subCenterLevels()).extracting(this::code).containsExactly("DC", "DC-DH");
        assertThat(atStreet.getSubCenterSince()).isNotNull();
        assertThat(timer(n, "Timer_SubCenterSignDeadline").getDuedate().toInstant()).isEqualTo(toTheMilli(atStreet.getSignBy()));
        fire(n, "Timer_SubCenterSignDeadline");
        assertThat(load(n).isSignedLate()).isTrue();
        assertThat(load(n).isSubCenterSignedLate()).as("the district signed in time").isFalse();
        assertThatThrownBy(() -> actions.redispatchInSubCenter(districtDc, n, "DC-CGJ"))
                .isInstanceOf(CaseStateException.class).hasMessageContaining("sub-center's own staff");
        actions.sign(street, n);
        assertThat(instance(n)).isWaitingAt("Task_SubCenterRedispatch");
        assertThatThrownBy(() -> actions.redispatchInSubCenter(street, n, "DC-CGJ"))
                .isInstanceOf(DispatchLevelRefused.class).hasMessageContaining("not a unit below");
        actions.redispatchInSubCenter(street, n, "DC-DH-01");
        assertThat(instance(n)).isWaitingAt("Task_LowerUnitSign");

        // The community's return goes to the street; the street passes it up to the district, not the city.
        actions.returnToCenter(community, n, "不在本社区");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReturn");
        assertThatThrownBy(() -> actions.ruleOnReturnInSubCenter(districtDc, n, SubCenterRuling.SEND_BACK, null, "x"))
                .isInstanceOf(CaseStateException.class);
        actions.ruleOnReturnInSubCenter(street, n, SubCenterRuling.PASS_UP, null, "不属于东华街道");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReturn");
        HotlineCase passedUp = load(n);
        assertThat(passedUp.getStatus()).isEqualTo(CaseStatus.RETURNED_TO_SUB_CENTER);
        assertThat(code(passedUp.getDepartmentId())).isEqualTo("DC-DH");
        assertThat(code(passedUp.getActingSubCenterId())).isEqualTo("DC");
        assertThat(passedUp.getReturnCount()).as("still inside the district's subtree").isZero();

        // The district refuses: the street's sub-center signs again; then the street returns it itself.
        actions.ruleOnReturnInSubCenter(districtDc, n, SubCenterRuling.SEND_BACK, null, "属于东华街道辖区");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterSign");
        assertThat(code(load(n).getActingSubCenterId())).isEqualTo("DC-DH");
        actions.returnToCenter(street, n, "请区分中心改派");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReturn");
        assertThat(code(load(n).getActingSubCenterId())).isEqualTo("DC");
        actions.ruleOnReturnInSubCenter(districtDc, n, SubCenterRuling.REDISPATCH, "DC-DH", "仍由东华街道办理");
        actions.sign(street, n);
        actions.redispatchInSubCenter(street, n, "DC-DH-01");
        actions.sign(community, n);
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");

        // The reply climbs one level at a time: street, then district, then the city center.
        actions.reply(community, n, "已清理");
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReply");
        assertThat(code(load(n).getActingSubCenterId())).isEqualTo("DC-DH");
        assertThatThrownBy(() -> actions.reviewReplyInSubCenter(districtDc, n, true, null))
                .isInstanceOf(CaseStateException.class);
        actions.reviewReplyInSubCenter(street, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_SubCenterReviewReply");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.SUB_CENTER_REVIEW);
        assertThat(code(load(n).getActingSubCenterId())).isEqualTo("DC");
        actions.reviewReplyInSubCenter(districtDc, n, false, "请补充现场照片");
        assertThat(instance(n)).isWaitingAt("Task_HandleCase");
        actions.reply(community, n, "已清理并附照片");
        assertThat(code(load(n).getActingSubCenterId())).as("the street reviews again first").isEqualTo("DC-DH");
        actions.reviewReplyInSubCenter(street, n, true, null);
        actions.reviewReplyInSubCenter(districtDc, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_ReviewReply");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);
        actions.reviewReply(dispatcher, n, true, null);
        assertThat(instance(n)).isWaitingAt("Task_AwaitFeedback");

        assertThat(events.findByCaseIdOrderByIdAsc(load(n).getId())).extracting(e -> e.getType() + "@" + code(e.getDepartmentId()))
                .containsSubsequence("SUB_CENTER_SIGNED@DC", "REDISPATCHED@DC-DH", "SUB_CENTER_SIGNED@DC-DH",
                        "REDISPATCHED@DC-DH-01", "RETURNED_TO_SUB_CENTER@DC-DH-01", "RETURN_PASSED_UP@DC-DH",
                        "SUB_CENTER_RETURN_REFUSED@DC", "RETURNED_TO_SUB_CENTER@DC-DH", "REDISPATCHED@DC-DH",
                        "SIGNED@DC-DH-01", "REPLIED@DC-DH-01", "SUB_CENTER_REPLY_APPROVED@DC-DH",
                        "SUB_CENTER_REPLY_SENT_BACK@DC", "SUB_CENTER_REPLY_APPROVED@DC-DH",
                        "SUB_CENTER_REPLY_APPROVED@DC", "REPLY_ACCEPTED@DC-DH-01");

        // No case is in the street's loop any more: the administrator may turn its sub-center off again.
    }

    /** An urban case the center sends to the district itself, whose sub-center then takes it on. */
    private String dispatchedToSubCenter(String district) {
        String n = intake.open(request(CaseType.COMPLAINT, "URBAN.ROAD", district, Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, n, IntakeDecision.DISPATCH, null, null, district);
        return n;
    }

    private String code(Long unitId) {
        return organisation.byId(unitId).map(u -> u.getCode()).orElse(null);
    }

    private java.util.List<String> escalations(String n) {
        return events.findByCaseIdOrderByIdAsc(load(n).getId()).stream()
                .filter(e -> e.getType() == CaseEventType.ESCALATED).map(e -> e.getComment()).toList();
    }

    private String reviewed() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
    }

    private String dispatchedToEnvironment() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
    }

    private String handlingByEnvironment() {
        String n = dispatchedToEnvironment();
        actions.sign(environment, n);
        return n;
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private ProcessInstance instance(String n) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).singleResult();
    }

    private Job timer(String n, String activityId) {
        return management.createJobQuery().processInstanceId(instance(n).getId()).activityId(activityId).singleResult();
    }

    private void fire(String n, String activityId) {
        Job job = timer(n, activityId);
        assertThat(job).as("timer %s of case %s", activityId, n).isNotNull();
        management.executeJob(job.getId());
    }

    /**
     * A timer's due date is a {@code java.util.Date}, to the millisecond; a deadline counted from now in
     * office hours (a re-dispatch on the real clock) carries the clock's microseconds on H2.
     */
    private static Instant toTheMilli(Instant deadline) {
        return deadline.truncatedTo(ChronoUnit.MILLIS);
    }
}
