package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.channels.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The agent console as a browser without JavaScript uses it: plain pages and form posts. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AgentConsolePagesTest {

    @Autowired MockMvc mvc;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired JdbcTemplate jdbc;

    private MockHttpSession agent;
    /** Each test its own caller, so cases other tests leave do not count as this caller's. */
    private String phone;

    @BeforeEach
    void agentAtTheConsole() throws Exception {
        agent = logIn("agent");
        phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void loggingACallCreatesACaseAndShowsItsNumberOnceEvenWhenTheFormIsSentTwice() throws Exception {
        String console = page(get("/agent"));
        assertThat(console).contains("坐席受理台", "accesskey=\"k\"", "accesskey=\"s\"", "/agent/screen-pops", "/js/agent.js");
        String key = hiddenValue(console, "key");

        String saved = page(noiseCall(post("/agent/calls")).param("key", key).param("decision", "DISPATCH"));
        String number = idText(saved, "saved-case-number");
        assertThat(saved).contains("工单已保存", "查询码只显示这一次");
        assertThat(idText(saved, "saved-query-code")).isNotBlank();
        assertThat(hiddenValue(saved, "key")).as("a fresh form has a fresh key").isNotEqualTo(key);
        HotlineCase theCase = cases.findByCaseNumber(number).orElseThrow();
        assertThat(theCase.getChannel()).isEqualTo(Channel.PHONE);
        assertThat(theCase.getContent()).contains("东华路工地每晚23点后仍在施工", "发生时间：昨晚23点", "诉求：停止夜间施工");
        assertThat(theCase.getContact().phone()).isEqualTo(phone);

        String again = page(noiseCall(post("/agent/calls")).param("key", key).param("decision", "DISPATCH"));
        assertThat(idText(again, "saved-case-number")).isEqualTo(number);
        assertThat(again).contains("该表单已经保存过").doesNotContain("saved-query-code");
        assertThat(casesOf(phone)).hasSize(1);
    }

    @Test
    void invalidInputShowsAMessageAtEachFieldAndKeepsWhatWasTyped() throws Exception {
        String page = page(post("/agent/calls").with(csrf()).param("key", "k-" + phone)
                .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                .param("subject", "夜间施工噪音").param("content", "").param("phone", "12")
                .param("location", "东华路").param("decision", "ANSWER").param("answer", ""));
        assertThat(page).contains("有些内容需要修改", "请填写诉求内容", "aria-describedby=\"content-error\"",
                "aria-describedby=\"phone-error\"", "选择“直接答复”时请填写答复内容", "value=\"夜间施工噪音\"",
                "value=\"东华路\"", "value=\"k-" + phone + "\"").doesNotContain("saved-case-number");
        assertThat(casesOf("12")).isEmpty();
    }

    @Test
    void anAnswerTakenFromAnArticleIsRecordedOnTheCase() throws Exception {
        String found = page(get("/agent/knowledge").param("kb", "夜间施工噪音"));
        assertThat(found).contains("夜间建筑施工噪音扰民如何投诉？", "采用此答案");
        Matcher article = Pattern.compile("name=\"useArticle\"[^>]*value=\"(\\d+)\"").matcher(found);
        assertThat(article.find()).as("a use-this-answer button in %s", found).isTrue();
        long articleId = Long.parseLong(article.group(1));

        String taken = page(noiseCall(post("/agent/console")).param("key", "k-" + phone)
                .param("kb", "夜间施工噪音").param("useArticle", Long.toString(articleId)));
        assertThat(taken).contains("晚上十点至次日六点禁止", "答复引用了知识库文章")
                .contains("value=\"" + articleId + "\"", "value=\"k-" + phone + "\"");
        String answer = textareaText(taken, "answer");

        String saved = page(noiseCall(post("/agent/calls")).param("key", "k-" + phone).param("decision", "ANSWER")
                .param("answer", answer).param("articleId", Long.toString(articleId)));
        HotlineCase theCase = cases.findByCaseNumber(idText(saved, "saved-case-number")).orElseThrow();
        assertThat(theCase.getAnswerArticleId()).isEqualTo(articleId);
        assertThat(theCase.getAnswerText()).contains("晚上十点至次日六点禁止");
    }

    @Test
    void theCallersOpenCaseIsSuggestedAndChoosingItAddsTheCallThereWithoutANewCase() throws Exception {
        String first = idText(page(noiseCall(post("/agent/calls")).param("key", "first-" + phone)
                .param("decision", "DISPATCH")), "saved-case-number");

        String similar = page(get("/agent/similar").param("phone", phone).param("subject", "又在施工"));
        assertThat(similar).contains(first, "name=\"existingCase\"", "同一来电人", "已转交承办单位，等待签收");

        String joined = page(post("/agent/calls").with(csrf()).param("key", "second-" + phone)
                .param("phone", phone).param("subject", "工地今晚又在施工").param("content", "催办：今晚仍在施工")
                .param("existingCase", first));
        assertThat(idText(joined, "saved-case-number")).isEqualTo(first);
        assertThat(joined).contains("来电已记入该工单").doesNotContain("saved-query-code");
        assertThat(casesOf(phone)).hasSize(1);
        List<CaseEvent> timeline = events.findByCaseIdOrderByIdAsc(cases.findByCaseNumber(first).orElseThrow().getId());
        assertThat(timeline).anyMatch(e -> e.getType() == CaseEventType.CONTACT_APPENDED
                && e.getComment() != null && e.getComment().contains("催办：今晚仍在施工"));
    }

    @Test
    void aCaseOfAnotherCallerCannotBeChosenByNumber() throws Exception {
        String someoneElses = idText(page(noiseCall(post("/agent/calls")).param("key", "other-" + phone)
                .param("decision", "DISPATCH")), "saved-case-number");
        String refused = page(post("/agent/calls").with(csrf()).param("key", "stranger-" + phone)
                .param("phone", "13700000001").param("subject", "看看别人的工单").param("content", "冒充")
                .param("existingCase", someoneElses));
        assertThat(refused).contains("该工单已办结或不属于此来电号码").doesNotContain("saved-case-number");
        assertThat(events.findByCaseIdOrderByIdAsc(cases.findByCaseNumber(someoneElses).orElseThrow().getId()))
                .noneMatch(e -> e.getType() == CaseEventType.CONTACT_APPENDED);
    }

    @Test
    void lookingUpACallerShowsTheirEarlierCasesAndFillsThePhone() throws Exception {
        String number = idText(page(noiseCall(post("/agent/calls")).param("key", "lookup-" + phone)
                .param("decision", "DISPATCH")), "saved-case-number");
        String page = page(get("/agent").param("caller", phone));
        assertThat(page).contains(number, "夜间施工噪音", "已转交承办单位，等待签收", "id=\"earlier\"")
                .containsPattern("id=\"phone\"[^>]*value=\"" + phone + "\"");
        assertThat(cases.findByCaseNumber(number).orElseThrow().getStatus()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void theConsoleSuggestsHowToFileFromTheWordsAndRecordsWhatTheAgentChose() throws Exception {
        String guesses = page(get("/agent/classification").param("subject", "夜间施工噪音")
                .param("content", "东华路工地每晚23点后仍在施工，吵得睡不着"));
        assertThat(guesses).contains("智能分类建议", "value=\"category:ENV.NOISE\"", "value=\"type:COMPLAINT\"");

        String number = idText(page(noiseCall(post("/agent/calls")).param("key", "classified-" + phone)
                .param("decision", "DISPATCH")), "saved-case-number");
        long caseId = cases.findByCaseNumber(number).orElseThrow().getId();
        assertThat(jdbc.queryForList("SELECT field, chosen FROM classification_feedback WHERE case_id = ?", caseId))
                .extracting(row -> row.get("FIELD") + "=" + row.get("CHOSEN"))
                .contains("TYPE=COMPLAINT", "CATEGORY=ENV.NOISE");
    }

    @Test
    void theLiveScreenPopFeedOpensOnThePageLogin() throws Exception {
        mvc.perform(get("/agent/screen-pops").session(agent)).andExpect(request().asyncStarted());
    }

    @Test
    void aDepartmentUserMayNotUseTheConsole() throws Exception {
        MockHttpSession department = logIn("dept-environment");
        mvc.perform(get("/agent").session(department)).andExpect(status().isForbidden());
        mvc.perform(get("/agent/screen-pops").session(department)).andExpect(status().isForbidden());
        mvc.perform(post("/agent/calls").with(csrf()).session(department)).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder noiseCall(MockHttpServletRequestBuilder request) {
        return request.with(csrf()).param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC")
                .param("location", "东华路12号工地").param("occurredAt", "昨晚23点").param("subject", "夜间施工噪音")
                .param("content", "东华路工地每晚23点后仍在施工").param("wish", "停止夜间施工")
                .param("phone", phone).param("name", "王先生").param("urgency", "NORMAL");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(agent)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<HotlineCase> casesOf(String phone) {
        return cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(phone));
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static String idText(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(page);
        assertThat(m.find()).as("element #%s in %s", id, page).isTrue();
        return m.group(1).strip();
    }

    private static String hiddenValue(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("field %s in %s", name, page).isTrue();
        return m.group(1);
    }

    private static String textareaText(String page, String id) {
        Matcher m = Pattern.compile("<textarea id=\"" + id + "\"[^>]*>([^<]*)</textarea>").matcher(page);
        assertThat(m.find()).as("textarea %s in %s", id, page).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1).strip());
    }
}
