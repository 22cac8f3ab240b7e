package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The center console as a browser without JavaScript uses it: queues to read, plain form posts to act. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class CenterConsolePagesTest {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired Organisation organisation;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TestClock clock;

    CenterCases make;
    MockHttpSession dispatcher;

    @BeforeEach
    void logInAsDispatcher() throws Exception {
        make = new CenterCases(intake, actions, cases, organisation);
        dispatcher = logIn("dispatcher");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachQueueListsItsCasesWithWhatTheCenterDecidesOn() throws Exception {
        String received = make.received();
        String unrouted = make.awaitingDispatch();
        String returned = make.returned("噪声源在建筑工地，应由住建局处理");
        String extension = make.extensionRequested("需要第三方检测噪声");
        String replied = make.replied("已责令工地停止夜间施工。");
        String feedback = make.awaitingFeedback("已现场检查并责令整改。");

        Document page = console();
        assertThat(page.getElementById("queue-intake").text()).contains(received, "派单目录建议", "市生态环境局");
        assertThat(page.getElementById("queue-dispatch").text()).contains(unrouted).doesNotContain(received);
        assertThat(page.getElementById("queue-returns").text()).contains(returned, "噪声源在建筑工地，应由住建局处理");
        assertThat(page.getElementById("queue-extensions").text()).contains(extension, "需要第三方检测噪声");
        assertThat(page.getElementById("queue-replies").text()).contains(replied, "已责令工地停止夜间施工。");
        assertThat(page.getElementById("queue-feedback").text()).contains(feedback, "13812345678",
                "关于您反映的“夜间施工噪音”（工单编号 " + feedback + "）", "已现场检查并责令整改。");
        // The console lists its own region's cases (the demo city's): other tests may leave cases in the other one.
        long intakeCount = cases.findByStatusOrderByReceivedAtAsc(CaseStatus.RECEIVED).stream()
                .filter(c -> "CITY".equals(c.getRegionCode())).count();
        assertThat(page.getElementById("queue-intake-title").text()).isEqualTo("待受理审核（" + intakeCount + "）");
        assertThat(page.getElementById("queues").attr("hx-trigger")).startsWith("every 30s");
    }

    @Test
    void theCatalogueSuggestionIsPreselectedAndDispatchingWithItSendsTheCaseThere() throws Exception {
        String n = make.received();
        Document casePage = casePage(n);
        assertThat(casePage.text()).as("category and district by name").contains("噪声污染", "东城区");
        assertThat(casePage.select("#intake-" + n + "-suggestion").text()).isEqualTo("派单目录建议：市生态环境局");
        assertThat(casePage.select("#intake-" + n + "-department option[selected]").val()).isEqualTo("HBJ");

        mvc.perform(action(n, "intake-review").param("decision", "DISPATCH").param("departmentCode", "HBJ")
                        .param("from", "console"))
                .andExpect(redirectedUrl("/center?done=intake")).andExpect(flash().attribute("notice", "page.center.done.intake"));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(departmentOf(n)).isEqualTo("HBJ");
    }

    @Test
    void theDispatcherCanOverrideTheCatalogue() throws Exception {
        String n = make.received();
        mvc.perform(action(n, "intake-review").param("decision", "DISPATCH").param("departmentCode", "ZJJ"))
                .andExpect(redirectedUrl("/center/cases/" + n));
        assertThat(departmentOf(n)).isEqualTo("ZJJ");
    }

    @Test
    void intakeReviewAnswersRejectsOrMerges() throws Exception {
        String answered = make.received();
        mvc.perform(action(answered, "intake-review").param("decision", "ANSWER").param("text", "夜间施工须经审批，可拨打12369。"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(answered).getAnswerText()).isEqualTo("夜间施工须经审批，可拨打12369。");

        String rejected = make.received();
        mvc.perform(action(rejected, "intake-review").param("decision", "REJECT").param("text", "不属于政务服务范围"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(rejected).getStatus()).isEqualTo(CaseStatus.REJECTED);

        String earlier = make.dispatchedToEnvironment();
        String repeat = make.received();
        mvc.perform(action(repeat, "intake-review").param("decision", "MERGE").param("mergeInto", earlier))
                .andExpect(status().is3xxRedirection());
        assertThat(load(repeat).getStatus()).isEqualTo(CaseStatus.MERGED);
    }

    @Test
    void theCenterChoosesTheDepartmentTheCatalogueCouldNotFind() throws Exception {
        String n = make.awaitingDispatch();
        assertThat(casePage(n).select("#dispatch-" + n + "-department").size()).isEqualTo(1);
        mvc.perform(action(n, "dispatch").param("departmentCode", "ZJJ")).andExpect(status().is3xxRedirection());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(departmentOf(n)).isEqualTo("ZJJ");
    }

    @Test
    void aReturnIsRedispatchedOrSentBack() throws Exception {
        String redispatched = make.returned("应由住建局处理");
        mvc.perform(action(redispatched, "return-ruling").param("redispatch", "true").param("departmentCode", "ZJJ"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(redispatched).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(departmentOf(redispatched)).isEqualTo("ZJJ");

        String sentBack = make.returned("不属于本单位");
        mvc.perform(action(sentBack, "return-ruling").param("redispatch", "false").param("comment", "退单理由不成立"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(sentBack).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(departmentOf(sentBack)).isEqualTo("HBJ");
    }

    @Test
    void anExtensionIsApprovedOrRefused() throws Exception {
        String approved = make.extensionRequested("需要第三方检测噪声");
        var asked = load(approved).getExtensionRequestedUntil();
        mvc.perform(action(approved, "extension-ruling").param("approved", "true").param("comment", "同意延期"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(approved).getHandleBy()).isEqualTo(asked);
        assertThat(load(approved).getExtensionCount()).isEqualTo(1);

        String refused = make.extensionRequested("人手不足");
        var before = load(refused).getHandleBy();
        mvc.perform(action(refused, "extension-ruling").param("approved", "false").param("comment", "理由不充分"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(refused).getHandleBy()).isEqualTo(before);
        assertThat(load(refused).getExtensionRequestedUntil()).isNull();
    }

    @Test
    void aReplyIsAcceptedOrSentBackWithAReason() throws Exception {
        String accepted = make.replied("已处理完毕。");
        mvc.perform(action(accepted, "reply-review").param("accepted", "true")).andExpect(status().is3xxRedirection());
        assertThat(load(accepted).getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);

        String sentBack = make.replied("已处理");
        mvc.perform(action(sentBack, "reply-review").param("accepted", "false").param("comment", "请说明处理措施"))
                .andExpect(status().is3xxRedirection());
        assertThat(load(sentBack).getStatus()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void aSendBackWithoutReasonShowsTheMessageAtTheFieldAndKeepsTheCase() throws Exception {
        String n = make.replied("已处理");
        String page = mvc.perform(action(n, "reply-review").param("accepted", "false").param("comment", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document shown = Jsoup.parse(page);
        assertThat(shown.select("#reply-" + n + "-comment-error").text()).isEqualTo("退回答复时请说明理由（最多 1000 字）。");
        assertThat(shown.select("#reply-" + n + "-comment").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.select("#reply-" + n + "-comment").attr("aria-describedby")).contains("reply-" + n + "-comment-error");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);
    }

    @Test
    void refusedInputIsNamedAtEachField() throws Exception {
        String n = make.received();
        Document noAnswer = refused(action(n, "intake-review").param("decision", "ANSWER"));
        assertThat(noAnswer.select("#intake-" + n + "-text-error").text()).startsWith("直接答复请填写答复内容");
        Document unknownTarget = refused(action(n, "intake-review").param("decision", "MERGE").param("mergeInto", "8890-19990101-000001"));
        assertThat(unknownTarget.select("#intake-" + n + "-merge-error").text()).startsWith("请填写要并入的已有工单编号");
        assertThat(unknownTarget.select("#intake-" + n + "-merge").val()).isEqualTo("8890-19990101-000001");
        Document unknownDepartment = refused(action(n, "intake-review").param("decision", "DISPATCH").param("departmentCode", "NOPE"));
        assertThat(unknownDepartment.select("#intake-" + n + "-department-error").text()).isEqualTo("请选择存在的承办单位。");
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RECEIVED);

        String waiting = make.awaitingFeedback("已处理。");
        Document noRating = refused(action(waiting, "feedback").param("comment", "x".repeat(10)));
        assertThat(noRating.select("#feedback-" + waiting + "-rating-error").text()).isEqualTo("请选择市民的满意程度。");
        Document tooLong = refused(action(waiting, "feedback").param("rating", "SATISFIED").param("comment", "x".repeat(1001)));
        assertThat(tooLong.select("#feedback-" + waiting + "-comment-error").text()).isEqualTo("意见最多 1000 字。");
        assertThat(load(waiting).getSatisfaction()).isNull();
    }

    @Test
    void aChangeTheCaseNoLongerAllowsIsExplainedWithoutAStackTrace() throws Exception {
        String n = make.received();
        String page = mvc.perform(action(n, "extension-ruling").param("approved", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#state-problem").text())
                .isEqualTo("工单当前状态（已登记，等待受理）不允许这项操作，可能已有他人处理。");
        assertThat(page).doesNotContain("Exception", "at org.");
    }

    @Test
    void theFeedbackCallRecordsTheCitizensRating() throws Exception {
        String n = make.awaitingFeedback("已现场检查并责令整改。");
        mvc.perform(action(n, "feedback").param("rating", "SATISFIED").param("comment", "处理及时").param("from", "console"))
                .andExpect(redirectedUrl("/center?done=feedback"));
        assertThat(load(n).getSatisfaction()).isEqualTo(Satisfaction.SATISFIED);
    }

    @Test
    void theOverdueBoardPutsTheMostOverdueFirstAndRecordsSupervisionAndReminders() throws Exception {
        String older = make.handling();
        String newer = make.handling();
        HotlineCase later = load(newer);
        clock.setTo(later.getHandleBy().plus(Duration.ofDays(10)));
        fire(older, "Timer_HandlingOverdue");
        fire(newer, "Timer_HandlingOverdue");

        Document page = console();
        List<String> board = page.select("#queue-overdue tbody tr").eachAttr("data-case");
        assertThat(board).containsSubsequence(older, newer);
        assertThat(page.select("#queue-overdue tr[data-case=" + older + "] .late").text()).matches("超期 \\d+ 个工作日");

        mvc.perform(action(older, "supervision").param("comment", "已电话督办环境局").param("from", "console"))
                .andExpect(redirectedUrl("/center?done=supervision")).andExpect(flash().attribute("notice", "page.center.done.supervision"));
        mvc.perform(action(older, "reminders").param("comment", "请尽快答复")).andExpect(status().is3xxRedirection());
        assertThat(events.findByCaseIdOrderByIdAsc(load(older).getId())).extracting(e -> e.getType())
                .containsSubsequence(CaseEventType.OVERDUE, CaseEventType.SUPERVISED, CaseEventType.REMINDED);

        Document emptyNote = refused(action(newer, "supervision").param("comment", ""));
        assertThat(emptyNote.select("#supervision-" + newer + "-comment-error").text()).startsWith("请填写督办意见");
    }

    @Test
    void theCasePageShowsTheStaffTimelineAndAnUnknownCaseIsTheNotFoundPage() throws Exception {
        String n = make.returned("不属于本单位");
        Document page = casePage(n);
        assertThat(page.select(".case-timeline").text()).contains("dept-environment", "不属于本单位");
        assertThat(page.select("#case-status").text()).isEqualTo("承办单位退回，热线中心重新派单中");
        assertThat(page.select(".citizen-phone").text()).isEqualTo("13812345678");
        assertThat(page.select("form.return-form")).hasSize(1);
        assertThat(page.select("form.intake-form, form.reply-form, form.feedback-form, form.dispatch-form")).isEmpty();

        String missing = mvc.perform(get("/center/cases/8890-19990101-000001").session(dispatcher))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("找不到这个页面").doesNotContain("Exception");
        mvc.perform(post("/center/cases/8890-19990101-000001/dispatch").with(csrf()).session(dispatcher)
                .param("departmentCode", "HBJ")).andExpect(status().isNotFound());
    }

    @Test
    void aDepartmentUserCannotOpenTheConsoleNorAct() throws Exception {
        String n = make.received();
        MockHttpSession department = logIn("dept-environment");
        mvc.perform(get("/center").session(department)).andExpect(status().isForbidden());
        mvc.perform(get("/center/cases/" + n).session(department)).andExpect(status().isForbidden());
        mvc.perform(post("/center/cases/" + n + "/intake-review").with(csrf()).session(department)
                .param("decision", "DISPATCH")).andExpect(status().isForbidden());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RECEIVED);
    }

    @Test
    void theConsoleSpeaksEnglishToo() throws Exception {
        make.received();
        String page = mvc.perform(get("/center").session(dispatcher).cookie(new Cookie("hotline-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Center console", "Intake review (", "The dispatch catalogue suggests: Ecology and Environment Bureau");
    }

    private Document console() throws Exception {
        return Jsoup.parse(mvc.perform(get("/center").session(dispatcher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Document casePage(String n) throws Exception {
        return Jsoup.parse(mvc.perform(get("/center/cases/" + n).session(dispatcher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Document refused(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder action(String n, String action) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/center/cases/" + n + "/" + action).with(csrf()).session(dispatcher);
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private String departmentOf(String n) {
        return organisation.byId(load(n).getDepartmentId()).orElseThrow().getCode();
    }

    private void fire(String n, String activityId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
        management.executeJob(job.getId());
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
