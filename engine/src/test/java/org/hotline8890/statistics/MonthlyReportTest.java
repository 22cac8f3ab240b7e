package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monthly report (通报) flags the cases of a month that went overdue, were returned or were extended
 * at least twice, per department, as JSON for the center and as a page linking each case; and the
 * department figures count reminders and supervision orders.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MonthlyReportTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Organisation organisation;
    @Autowired ComplianceStatistics statistics;
    @Autowired HotlineProperties properties;

    Staff dispatcher;
    Staff environment;

    @BeforeEach
    void logIn() {
        dispatcher = dispatcher(organisation);
        environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
    }

    @Test
    void casesOverdueReturnedOrExtendedTwiceAreFlaggedUnderTheirDepartment() throws Exception {
        String returnedTwice = dispatched();
        for (int i = 0; i < 2; i++) {
            actions.returnToCenter(environment, returnedTwice, "不属于本单位职责");
            actions.ruleOnReturn(dispatcher, returnedTwice, false, null, "退单理由不成立");
        }
        String extendedTwice = handling();
        for (int i = 0; i < 2; i++) {
            actions.requestExtension(environment, extendedTwice, load(extendedTwice).getHandleBy().plus(Duration.ofDays(3)), "需要检测");
            actions.ruleOnExtension(dispatcher, extendedTwice, true, "同意");
        }
        String overdueTwice = handling();
        fireTimer(overdueTwice, "Timer_HandlingOverdue");
        actions.reply(environment, overdueTwice, "已处理");
        actions.reviewReply(dispatcher, overdueTwice, true, null);
        actions.recordFeedbackByPhone(dispatcher, overdueTwice, Satisfaction.DISSATISFIED, "仍有噪声");
        fireTimer(overdueTwice, "Timer_HandlingOverdue");
        String returnedOnce = dispatched();
        actions.returnToCenter(environment, returnedOnce, "不属于本单位职责");
        actions.ruleOnReturn(dispatcher, returnedOnce, false, null, "退单理由不成立");
        String month = month(returnedTwice).toString();

        JsonNode report = json.readTree(mvc.perform(get("/api/center/monthly-report").param("month", month)
                        .with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(report.get("month").asText()).isEqualTo(month);
        JsonNode environmentRow = null;
        for (JsonNode row : report.get("departments")) {
            if ("HBJ".equals(row.get("code").asText())) {
                environmentRow = row;
            }
        }
        assertThat(environmentRow).as("a row for the environment bureau").isNotNull();
        assertThat(texts(environmentRow.get("repeatedReturns"))).contains(returnedTwice).doesNotContain(returnedOnce, extendedTwice);
        assertThat(texts(environmentRow.get("repeatedExtensions"))).contains(extendedTwice).doesNotContain(returnedTwice);
        assertThat(texts(environmentRow.get("repeatedOverdue"))).contains(overdueTwice).doesNotContain(extendedTwice);

        MockHttpSession session = logIn("dispatcher");
        String page = mvc.perform(get("/center/monthly-report").param("month", month).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/center/cases/" + returnedTwice + "\"",
                "href=\"/center/cases/" + extendedTwice + "\"", "href=\"/center/cases/" + overdueTwice + "\"",
                "多次退单", "环境");
        assertThat(page).doesNotContain("href=\"/center/cases/" + returnedOnce + "\"");
    }

    @Test
    void aMonthNotWrittenYearDashMonthIsRefusedByTheApiAndExplainedOnThePage() throws Exception {
        mvc.perform(get("/api/center/monthly-report").param("month", "März 2026").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("month"));
        String page = mvc.perform(get("/center/monthly-report").param("month", "2026/13").session(logIn("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"month-error\"", "请按“年-月”填写月份", "aria-describedby=\"month-error\"");
    }

    @Test
    void aDepartmentCannotReadTheMonthlyReport() throws Exception {
        mvc.perform(get("/api/center/monthly-report").with(httpBasic("dept-environment", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/center/monthly-report").session(logIn("dept-environment")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCenterConsoleLinksToTheMonthlyReport() throws Exception {
        String console = mvc.perform(get("/center").session(logIn("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(console).contains("href=\"/center/monthly-report\"");
    }

    @Test
    void remindersAndSupervisionOrdersCountInTheDepartmentsFigures() {
        String n = handling();
        YearMonth month = month(n);
        Instant from = month.atDay(1).atStartOfDay(properties.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant();
        ComplianceFigures before = environmentFigures(from, to);

        actions.remind(dispatcher, n, "请尽快办理");
        fireTimer(n, "Timer_HandlingOverdue");
        actions.supervise(dispatcher, n, "已电话督办");

        ComplianceFigures after = environmentFigures(from, to);
        assertThat(after.reminders()).isEqualTo(before.reminders() + 1);
        assertThat(after.supervisionOrders()).isEqualTo(before.supervisionOrders() + 1);
        assertThat(after.escalations()).isEqualTo(before.escalations());
    }

    @Test
    void aLadderStepShowsOnTheCentersCaseTimeline() throws Exception {
        String n = handling();
        fireTimer(n, "Timer_EscalationDue");

        String page = mvc.perform(get("/center/cases/" + n).session(logIn("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("升级提醒（催办/督办/提级）", "step 1: REMIND_HANDLER");
        assertThat(load(n).getReminderCount()).isEqualTo(1);
    }

    private ComplianceFigures environmentFigures(Instant from, Instant to) {
        return statistics.report(from, to, List.of(OrgUnitKind.values())).units().stream()
                .filter(u -> u.code().equals("HBJ")).findFirst().orElseThrow().figures();
    }

    private String dispatched() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
    }

    private String handling() {
        String n = dispatched();
        actions.sign(environment, n);
        return n;
    }

    private void fireTimer(String n, String activityId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId(activityId)
                .singleResult().getId());
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private YearMonth month(String n) {
        return YearMonth.from(load(n).getReceivedAt().atZone(properties.zone()));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
