package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.AssistState;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of hotline-assist.bpmn on the real application (real delegates, calendar and database),
 * timers fired by hand. The coverage listener fails the class unless every flow node and sequence flow
 * of the models it ran is passed.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, AssistProcessTest.Coverage.class, TestClock.Config.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class AssistProcessTest {

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
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired AssistActions assisting;
    @Autowired CaseRepository cases;
    @Autowired AssistRepository assists;
    @Autowired CaseEventRepository events;
    @Autowired Organisation organisation;
    @Autowired TestClock clock;

    Staff dispatcher;
    Staff environment;
    Staff housing;
    Staff market;

    @BeforeEach
    void logIn() {
        BpmnAwareTests.init(engine);
        dispatcher = dispatcher(organisation);
        environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        housing = staff(organisation, "dept-housing", Role.DEPARTMENT, "ZJJ");
        market = staff(organisation, "dept-market", Role.DEPARTMENT, "SCJG");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anAssistingUnitSignsIsWarnedAndContributesWithinItsLimit() {
        String n = dispatchedWithAssistants("ZJJ");
        CaseAssist asked = assist(n, "ZJJ");
        ProcessInstance part = assistInstance(asked);
        assertThat(part).isWaitingAt("Task_SignForAssist");
        assertThat(asked.getContributeBy()).isBefore(load(n).getHandleBy());
        assertThat(asked.getSignBy()).isBeforeOrEqualTo(asked.getContributeBy());
        assertThat(timer(asked, "Timer_AssistDueUnsigned").getDuedate().toInstant()).isEqualTo(asked.getContributeBy());

        assisting.sign(housing, n);
        assertThat(assistInstance(asked)).isWaitingAt("Task_ContributeToCase");
        fire(asked, "Timer_AssistWarning");
        assertThat(assists.findById(asked.getId()).orElseThrow().getWarnedAt()).isNotNull();

        assisting.contribute(housing, n, "经核查，该工地施工许可证已过期，已通知建设单位停工。");
        assertThat(part).isEnded();
        CaseAssist done = assists.findById(asked.getId()).orElseThrow();
        assertThat(done.getState()).isEqualTo(AssistState.CONTRIBUTED);
        assertThat(done.getContribution()).contains("施工许可证");
        assertThat(types(n)).contains(CaseEventType.ASSIST_REQUESTED, CaseEventType.ASSIST_SIGNED,
                CaseEventType.ASSIST_WARNED, CaseEventType.ASSIST_CONTRIBUTED);
    }

    @Test
    void anUnsignedAssistIsFlaggedLateThenOverdueAndLapsesWhenTheLeadReplies() {
        String n = dispatchedWithAssistants("ZJJ");
        CaseAssist asked = assist(n, "ZJJ");
        ProcessInstance part = assistInstance(asked);
        actions.sign(environment, n);

        fire(asked, "Timer_AssistSignDeadline");
        assertThat(assists.findById(asked.getId()).orElseThrow().isSignedLate()).isTrue();
        assertThat(assistInstance(asked)).isWaitingAt("Task_SignForAssist");

        // Within its limit the unit's part holds the lead's reply back.
        assertThatThrownBy(() -> actions.reply(environment, n, "已处理"))
                .isInstanceOf(CaseStateException.class)
                .extracting(e -> ((CaseStateException) e).getCode()).isEqualTo("case.assistPending");

        fire(asked, "Timer_AssistDueUnsigned");
        assertThat(assists.findById(asked.getId()).orElseThrow().getOverdueAt()).isNotNull();
        clock.setTo(asked.getContributeBy().plus(Duration.ofMinutes(1)));
        actions.reply(environment, n, "已责令工地停止夜间施工。");

        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);
        assertThat(assists.findById(asked.getId()).orElseThrow().getState()).isEqualTo(AssistState.LAPSED);
        assertThat(part).isEnded();
        assertThat(types(n)).contains(CaseEventType.ASSIST_SIGN_LATE, CaseEventType.ASSIST_OVERDUE,
                CaseEventType.ASSIST_LAPSED);
    }

    @Test
    void aSignedAssistPastItsLimitIsFlaggedAndTheCenterCanWithdrawIt() {
        String n = dispatchedWithAssistants("ZJJ");
        CaseAssist asked = assist(n, "ZJJ");
        ProcessInstance part = assistInstance(asked);
        assisting.sign(housing, n);
        fire(asked, "Timer_AssistOverdue");
        assertThat(assists.findById(asked.getId()).orElseThrow().getOverdueAt()).isNotNull();

        assisting.withdraw(dispatcher, n, "ZJJ", "已由主办单位自行核实");
        assertThat(part).isEnded();
        assertThat(assists.findById(asked.getId()).orElseThrow().getState()).isEqualTo(AssistState.WITHDRAWN);
        assertThat(types(n)).contains(CaseEventType.ASSIST_OVERDUE, CaseEventType.ASSIST_WITHDRAWN);
    }

    @Test
    void aDeclineGoesToTheCenterWhichAsksAnotherUnitInstead() {
        String n = dispatchedWithAssistants("ZJJ");
        CaseAssist asked = assist(n, "ZJJ");
        ProcessInstance part = assistInstance(asked);
        assertThatThrownBy(() -> assisting.decline(housing, n, " "))
                .isInstanceOf(CaseStateException.class);

        assisting.decline(housing, n, "该工地不属于住建部门监管范围");
        assertThat(part).isEnded();
        CaseAssist declined = assists.findById(asked.getId()).orElseThrow();
        assertThat(declined.awaitsCenter()).isTrue();
        assertThat(assists.findDeclinesAwaitingCenter()).extracting(CaseAssist::getId).contains(asked.getId());

        assisting.settleDecline(dispatcher, n, "ZJJ", List.of("SCJG"));
        assertThat(assists.findById(asked.getId()).orElseThrow().awaitsCenter()).isFalse();
        CaseAssist instead = assist(n, "SCJG");
        assertThat(assistInstance(instead)).isWaitingAt("Task_SignForAssist");
        assertThat(types(n)).contains(CaseEventType.ASSIST_DECLINED, CaseEventType.ASSIST_DECLINE_SETTLED);
    }

    @Test
    void theCenterWithdrawsAnAssistBeforeItIsSigned() {
        String n = dispatchedWithAssistants("ZJJ", "SCJG");
        ProcessInstance part = assistInstance(assist(n, "SCJG"));
        assisting.withdraw(dispatcher, n, "SCJG", null);
        assertThat(part).isEnded();
        assertThat(assistInstance(assist(n, "ZJJ"))).isWaitingAt("Task_SignForAssist");
    }

    @Test
    void theLeadCannotAlsoAssistAndTheLevelRuleHoldsForAssistants() {
        String n = dispatchedWithAssistants();
        assertThatThrownBy(() -> assisting.request(dispatcher, n, List.of("HBJ")))
                .isInstanceOf(CaseStateException.class)
                .extracting(e -> ((CaseStateException) e).getCode()).isEqualTo("assist.leadCannotAssist");
        // Environment cases go no lower than the city: a street office cannot assist either.
        assertThatThrownBy(() -> assisting.request(dispatcher, n, List.of("DC-DH")))
                .isInstanceOf(DispatchLevelRefused.class);
        assisting.request(dispatcher, n, List.of("ZJJ"));
        assertThatThrownBy(() -> assisting.request(dispatcher, n, List.of("ZJJ")))
                .isInstanceOf(CaseStateException.class)
                .extracting(e -> ((CaseStateException) e).getCode()).isEqualTo("assist.alreadyAsked");
    }

    /** A noise complaint the center dispatched to the environment bureau at intake review, with these assistants. */
    private String dispatchedWithAssistants(String... codes) {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, n, IntakeDecision.DISPATCH, null, null, null, "HBJ", List.of(codes));
        return n;
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private CaseAssist assist(String n, String unitCode) {
        Long unitId = organisation.byCode(unitCode).orElseThrow().getId();
        return assists.findByCaseIdOrderByIdAsc(load(n).getId()).stream()
                .filter(a -> a.getUnitId().equals(unitId)).reduce((first, second) -> second).orElseThrow();
    }

    private List<CaseEventType> types(String n) {
        return events.findByCaseIdOrderByIdAsc(load(n).getId()).stream().map(e -> e.getType()).toList();
    }

    /** The running instance of the assist's process (keep it to assert later that it ended). */
    private ProcessInstance assistInstance(CaseAssist a) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey("hotline_assist")
                .variableValueEquals("assistId", a.getId()).singleResult();
        assertThat(running).as("the process of assist %s", a.getId()).isNotNull();
        return running;
    }

    private Job timer(CaseAssist a, String activityId) {
        ProcessInstance instance = assistInstance(a);
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void fire(CaseAssist a, String activityId) {
        Job job = timer(a, activityId);
        assertThat(job).as("timer %s of assist %s", activityId, a.getId()).isNotNull();
        management.executeJob(job.getId());
    }
}
