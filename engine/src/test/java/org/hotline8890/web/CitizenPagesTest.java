package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.workflow.IntakeDecision;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The citizen portal as a browser without JavaScript uses it: plain pages and form posts. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CitizenPagesTest {

    @Autowired MockMvc mvc;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;

    @Test
    void theHomePageLeadsToEveryPlaceInChineseByDefault() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("欢迎使用 8890 热线", "href=\"/citizen/requests/new\"", "href=\"/citizen/lookup\"",
                "href=\"/public/results\"", "href=\"/public/dashboard\"", "href=\"/public/ranking\"", "href=\"/login\"", "lang=\"zh-CN\"");
    }

    @Test
    void theLanguageSwitchGivesEnglishAndRemembersItInACookie() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Welcome to the 8890 hotline")))
                .andExpect(cookie().value("hotline-lang", "en"));
        mvc.perform(get("/citizen/lookup").cookie(new Cookie("hotline-lang", "en")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Look up a case")));
    }

    @Test
    void theStaffLoginIsOurPageWithACsrfToken() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("工作人员登录", "name=\"_csrf\"", "for=\"username\"", "for=\"password\"");
        mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCitizenSubmitsSeesNumberAndCodeOnceAndLooksTheCaseUp() throws Exception {
        String shown = mvc.perform(form(post("/citizen/requests"))
                        .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                        .param("subject", "夜间施工噪音").param("content", "东华路工地每晚23点后仍在施工")
                        .param("phone", "13812345678").param("consentToPublish", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String number = idText(shown, "case-number");
        String code = idText(shown, "query-code");
        assertThat(number).startsWith("8890-");
        assertThat(code).isNotBlank();
        assertThat(shown).contains("查询码只显示这一次");

        String found = mvc.perform(form(post("/citizen/cases/lookup")).param("caseNumber", number).param("queryCode", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains(number, "已登记，等待受理", "诉求已登记", "夜间施工噪音").doesNotContain(code);
    }

    @Test
    void aWrongQueryCodeIsToldKindlyWithoutSayingWhetherTheCaseExists() throws Exception {
        String page = mvc.perform(form(post("/citizen/cases/lookup")).param("caseNumber", "8890-20260101-999999")
                        .param("queryCode", "WRONGCODE").cookie(new Cookie("hotline-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("No case matches", "value=\"8890-20260101-999999\"");
    }

    @Test
    void aRefusedRequestComesBackFilledInWithAMessageAtEachField() throws Exception {
        String page = mvc.perform(form(post("/citizen/requests")).cookie(new Cookie("hotline-lang", "en"))
                        .param("type", "COMPLAINT").param("category", "NO.SUCH").param("district", "DC")
                        .param("subject", "Noise at night").param("content", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Please describe your request", "Please give a phone number of 5 to 20 digits",
                "value=\"Noise at night\"", "aria-invalid=\"true\"");
        // A screen reader reads each refused field's message with the field, and only there.
        Document refused = Jsoup.parse(page);
        assertThat(refused.getElementById("content").attr("aria-describedby")).isEqualTo("content-error");
        assertThat(refused.getElementById("content-error").text()).startsWith("Please describe your request");
        assertThat(refused.getElementById("subject").hasAttr("aria-describedby")).isFalse();

        String unknownCategory = mvc.perform(form(post("/citizen/requests")).cookie(new Cookie("hotline-lang", "en"))
                        .param("type", "COMPLAINT").param("category", "NO.SUCH").param("district", "DC")
                        .param("subject", "Noise").param("content", "Every night").param("anonymous", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknownCategory).contains("Please choose a topic.").doesNotContain("case-number");
    }

    @Test
    void aCitizenRatesTheResultOnTheCasePageWhenAsked() throws Exception {
        String shown = mvc.perform(form(post("/citizen/requests"))
                        .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                        .param("subject", "夜间施工噪音").param("content", "东华路工地每晚23点后仍在施工")
                        .param("phone", "13812345678"))
                .andReturn().getResponse().getContentAsString();
        String number = idText(shown, "case-number");
        String code = idText(shown, "query-code");
        Staff dispatcher = TestCases.dispatcher(organisation);
        Staff environment = TestCases.staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.reviewIntake(dispatcher, number, IntakeDecision.DISPATCH, null, null, null);
        actions.sign(environment, number);
        actions.reply(environment, number, "已责令工地停止夜间施工。");
        actions.reviewReply(dispatcher, number, true, null);

        String asked = mvc.perform(form(post("/citizen/cases/lookup")).param("caseNumber", number).param("queryCode", code))
                .andReturn().getResponse().getContentAsString();
        assertThat(asked).contains("请评价办理结果", "已责令工地停止夜间施工。", "name=\"rating\"");

        String rated = mvc.perform(form(post("/citizen/cases/feedback")).param("caseNumber", number)
                        .param("queryCode", code).param("rating", "SATISFIED").param("comment", "处理及时"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rated).contains("感谢您的评价。", "您已评价").doesNotContain("name=\"rating\"");
        assertThat(cases.findByCaseNumber(number).orElseThrow().getSatisfaction()).isEqualTo(Satisfaction.SATISFIED);
    }

    /** The container forwards an unknown page to {@code /error} with its status; MockMvc has no container. */
    @Test
    void anUnknownPageIsAFriendlyPageInTheReadersLanguage() throws Exception {
        String page = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/citizen/no-such-page")
                        .accept(MediaType.TEXT_HTML).cookie(new Cookie("hotline-lang", "en")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Page not found", "Back to the home page").doesNotContain("Whitelabel", "Exception");
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request) {
        return request.with(csrf());
    }

    private static String idText(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(page);
        assertThat(m.find()).as("element #%s in %s", id, page).isTrue();
        return m.group(1).strip();
    }
}
