package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.hotline8890.TestClock;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.AssistState;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 协办 in the pages, as a browser without JavaScript uses them: the center names assisting units and deals
 * with a decline; the assisting unit finds the case among the cases it assists, signs and contributes;
 * the lead sees the contribution, and its reply waits with the rule said in words.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class AssistingPagesTest {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired AssistRepository assists;
    @Autowired Organisation organisation;

    @Test
    void theCenterAsksAUnitWhichSignsAndContributesAndTheLeadRepliesForAll() throws Exception {
        String n = dispatchedToEnvironment();
        MockHttpSession center = logIn("dispatcher");
        assertThat(page("/center/cases/" + n, center)).contains("id=\"assists\"", "assists-form", "name=\"unitCodes\"");
        mvc.perform(post("/center/cases/{n}/assists", n).with(csrf()).session(center).param("from", "case")
                        .param("unitCodes", "ZJJ"))
                .andExpect(redirectedUrl("/center/cases/" + n));
        assertThat(page("/center/cases/" + n, center)).contains("data-unit=\"ZJJ\"", "待签收", "withdraw-form");

        MockHttpSession housing = logIn("dept-housing");
        assertThat(page("/department", housing)).contains("data-assist=\"" + n + "\"", "我单位协办的工单");
        String asAssistant = page("/department/cases/" + n, housing);
        assertThat(asAssistant).contains("id=\"my-assist\"", "id=\"assist-sign-form\"", "id=\"assist-decline-form\"",
                        "id=\"my-assist-countdown\"")
                .doesNotContain("id=\"sign-form\"", "id=\"return-form\"", "id=\"reply-form\"");

        assertThat(mvc.perform(post("/department/cases/{n}/assist/decline", n).with(csrf()).session(housing)
                        .param("reason", " ")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("id=\"decline-reason-error\"");
        mvc.perform(post("/department/cases/{n}/assist/sign", n).with(csrf()).session(housing))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(page("/department/cases/" + n, housing)).contains("id=\"contribution-form\"", "协办中");

        // The lead signs; its reply waits for the assisting unit, and the page says why in words.
        MockHttpSession environment = logIn("dept-environment");
        mvc.perform(post("/department/cases/{n}/sign", n).with(csrf()).session(environment))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(page("/department/cases/" + n, environment)).contains("id=\"reply-waits\"", "答复需等待以下协办单位的意见",
                "市住房和城乡建设局");
        assertThat(mvc.perform(post("/department/cases/{n}/reply", n).with(csrf()).session(environment)
                        .param("text", "已处理")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("还有协办单位在协办期限内未提供意见");
        assertThat(cases.findByCaseNumber(n).orElseThrow().getStatus()).isEqualTo(CaseStatus.HANDLING);

        byte[] report = "检查记录".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/department/cases/{n}/assist/contribution", n)
                        .file(new MockMultipartFile("files", "检查记录.pdf", "application/pdf", report))
                        .param("text", "该工地施工许可证已过期，已通知建设单位停工。").with(csrf()).session(housing))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(page("/department", housing)).doesNotContain("data-assist=\"" + n + "\"");

        String asLead = page("/department/cases/" + n, environment);
        assertThat(asLead).contains("施工许可证已过期", "检查记录.pdf", "已提供意见").doesNotContain("id=\"reply-waits\"");
        mvc.perform(post("/department/cases/{n}/reply", n).with(csrf()).session(environment)
                        .param("text", "已会同住建部门责令工地停止夜间施工。"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(cases.findByCaseNumber(n).orElseThrow().getStatus()).isEqualTo(CaseStatus.REPLIED);

        // A department with no part in the case still gets the not-found page.
        mvc.perform(get("/department/cases/{n}", n).session(logIn("dept-transport"))).andExpect(status().isNotFound());
    }

    @Test
    void aDeclineWaitsOnTheCenterConsoleUntilTheCenterDropsIt() throws Exception {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase()
                .getCaseNumber();
        MockHttpSession center = logIn("dispatcher");
        assertThat(page("/center", center)).contains("name=\"assistingCodes\"");
        mvc.perform(post("/center/cases/{n}/intake-review", n).with(csrf()).session(center).param("from", "case")
                        .param("decision", "DISPATCH").param("departmentCode", "HBJ").param("assistingCodes", "ZJJ"))
                .andExpect(redirectedUrl("/center/cases/" + n));

        MockHttpSession housing = logIn("dept-housing");
        mvc.perform(post("/department/cases/{n}/assist/decline", n).with(csrf()).session(housing)
                        .param("reason", "工地噪声不属于住建部门职责"))
                .andExpect(redirectedUrl("/department/cases/" + n));

        assertThat(page("/center", center)).contains("id=\"queue-declined-assists\"", "data-case=\"" + n + "\" data-unit=\"ZJJ\"",
                "工地噪声不属于住建部门职责");
        assertThat(page("/center/cases/" + n, center)).contains("decline-ruling-form");
        // Replacing without naming anyone is refused next to the list.
        assertThat(mvc.perform(post("/center/cases/{n}/assists/ZJJ/decline-ruling", n).with(csrf()).session(center)
                        .param("from", "case").param("decision", "replace")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("请选择改请协办的单位");
        mvc.perform(post("/center/cases/{n}/assists/ZJJ/decline-ruling", n).with(csrf()).session(center)
                        .param("from", "case").param("decision", "drop"))
                .andExpect(redirectedUrl("/center/cases/" + n));
        assertThat(page("/center", center)).doesNotContain("data-case=\"" + n + "\" data-unit=\"ZJJ\"");
        List<CaseAssist> all = assists.findByCaseIdOrderByIdAsc(cases.findByCaseNumber(n).orElseThrow().getId());
        assertThat(all).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AssistState.DECLINED);
            assertThat(a.awaitsCenter()).isFalse();
        });
    }

    @Test
    void theCenterIsToldInWordsWhenTheLeadIsChosenAsAssistant() throws Exception {
        String n = dispatchedToEnvironment();
        String refused = mvc.perform(post("/center/cases/{n}/assists", n).with(csrf()).session(logIn("dispatcher"))
                        .param("from", "case").param("unitCodes", "HBJ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("主办单位不能同时作为本工单的协办单位");
    }

    @Test
    void theDashboardHasAnAssistingUnitsTableWithDownloads() throws Exception {
        assertThat(mvc.perform(get("/public/dashboard")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("heading-assists", "协办及时签收率", "/public/dashboard/assists.csv");
        String csv = mvc.perform(get("/public/dashboard/assists.csv")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("收到协办", "协办按时反馈率", "市住房和城乡建设局");
        assertThat(mvc.perform(get("/public/dashboard/assists.xlsx")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray()).isNotEmpty();
    }

    private String dispatchedToEnvironment() {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase()
                .getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, "HBJ");
        return n;
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
