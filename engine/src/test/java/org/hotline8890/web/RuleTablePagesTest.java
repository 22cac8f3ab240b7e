package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The administrators' table pages, driven as a browser would post them: the form is read from the
 * page, one cell changed, previewed and saved; what the next case gets is checked on the real process.
 * Each test puts the shipped rows back as the newest version.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RuleTablePagesTest {

    private static final String COMPLAINT = """
            {"type":"COMPLAINT","category":"ENV.NOISE","district":"DC","subject":"夜间施工",
             "content":"工地每晚施工到凌晨","phone":"13812345678"}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseRepository cases;

    JsonNode limitsAtStart;
    JsonNode catalogueAtStart;

    @BeforeEach
    void remember() throws Exception {
        limitsAtStart = table("time_limits");
        catalogueAtStart = table("dispatch_catalogue");
    }

    @AfterEach
    void restore() throws Exception {
        restore("time_limits", limitsAtStart);
        restore("dispatch_catalogue", catalogueAtStart);
    }

    @Test
    void anAdminEditsTheHandlingLimitOfATypeAndTheNextCasesDeadlineFollows() throws Exception {
        MockHttpSession admin = logIn("admin");
        Map<String, String> form = formOf(mvc.perform(get("/admin/time-limits").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String row = rowWhere(form, "inputs[0]", "\"HELP\",\"COMPLAINT\",\"REPORT\"");
        form.put(row + ".outputs[2]", "48");
        form.put(row + ".outputs[3]", "\"HOURS\"");

        String preview = mvc.perform(submit(form, "/admin/time-limits", "preview").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(preview).select(".rule-preview li").eachText())
                .containsExactly("~ row 4: Handling limit 5 → 48; Handling unit \"WORKING_DAYS\" → \"HOURS\"");
        assertThat(table("time_limits").get("version")).as("a preview deploys nothing").isEqualTo(limitsAtStart.get("version"));

        mvc.perform(submit(form, "/admin/time-limits", "save").session(admin))
                .andExpect(redirectedUrl("/admin/time-limits"));
        int version = limitsAtStart.get("version").asInt() + 1;
        Document saved = Jsoup.parse(mvc.perform(get("/admin/time-limits").session(admin))
                .andReturn().getResponse().getContentAsString());
        assertThat(saved.select("p.notice[role=status]").text()).contains("已保存并生效，新版本为 " + version);
        assertThat(saved.select("section[aria-labelledby=history-heading] tbody tr").first().text())
                .contains("admin", limitsAtStart.get("version").asInt() + " → " + version,
                        "~ row 4: Handling limit 5 → 48");

        HotlineCase dispatched = dispatchedComplaint();
        assertThat(Duration.between(dispatched.getDispatchedAt(), dispatched.getHandleBy())).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void anInvalidCellIsRefusedAndMarkedWithItsMessage() throws Exception {
        MockHttpSession admin = logIn("admin");
        Map<String, String> form = formOf(mvc.perform(get("/admin/time-limits").session(admin))
                .andReturn().getResponse().getContentAsString());
        form.put("rows[0].outputs[0]", "-5");

        Document page = Jsoup.parse(mvc.perform(submit(form, "/admin/time-limits", "save").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.getElementById("cell-r0-o0").attr("aria-describedby")).isEqualTo("err-r0-o0");
        assertThat(page.getElementById("cell-r0-o0").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("err-r0-o0").text()).isEqualTo("必须大于零（现为 -5）。");
        assertThat(page.getElementById("rule-problems").text()).contains("第1行，Sign-for limit (minutes)：");
        assertThat(table("time_limits").get("version")).isEqualTo(limitsAtStart.get("version"));
    }

    @Test
    void rowsAreAddedMovedAndDeletedWithoutSaving() throws Exception {
        MockHttpSession admin = logIn("admin");
        Map<String, String> form = formOf(mvc.perform(get("/admin/dispatch-catalogue").session(admin))
                .andReturn().getResponse().getContentAsString());
        int rows = catalogueAtStart.get("rows").size();

        Map<String, String> added = formOf(mvc.perform(submit(form, "/admin/dispatch-catalogue", "add").session(admin))
                .andReturn().getResponse().getContentAsString());
        assertThat(added).containsKey("rows[" + rows + "].inputs[0]");
        Map<String, String> moved = formOf(mvc.perform(submit(form, "/admin/dispatch-catalogue", "down:0").session(admin))
                .andReturn().getResponse().getContentAsString());
        assertThat(moved.get("rows[1].id")).isEqualTo(form.get("rows[0].id"));
        Map<String, String> deleted = formOf(mvc.perform(submit(form, "/admin/dispatch-catalogue", "delete:0").session(admin))
                .andReturn().getResponse().getContentAsString());
        assertThat(deleted.get("rows[0].id")).isEqualTo(form.get("rows[1].id"));
        assertThat(table("dispatch_catalogue").get("version")).isEqualTo(catalogueAtStart.get("version"));
    }

    @Test
    void theTestBoxAnswersWhatTheDeployedTableSays() throws Exception {
        MockHttpSession admin = logIn("admin");
        Document found = Jsoup.parse(mvc.perform(get("/admin/dispatch-catalogue/test").session(admin)
                        .param("type", "COMPLAINT").param("category", "ENV.NOISE").param("district", "DC"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(found.select("#test-result dd").text()).isEqualTo("HBJ");

        Document none = Jsoup.parse(mvc.perform(get("/admin/dispatch-catalogue/test").session(admin)
                        .param("type", "COMPLAINT").param("category", "NO.SUCH").param("district", "DC"))
                .andReturn().getResponse().getContentAsString());
        assertThat(none.select("#test-result").text()).isEqualTo("没有匹配的规则。");
    }

    @Test
    void theLadderPageSaysEveryMatchingRowAppliesTestsAllStepsAndMarksAMomentItDoesNotUnderstand() throws Exception {
        MockHttpSession admin = logIn("admin");
        String page = mvc.perform(get("/admin/escalation-ladder").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("form.rule-table caption").text()).isEqualTo("规则（每条匹配的规则都生效）");

        Document tested = Jsoup.parse(mvc.perform(get("/admin/escalation-ladder/test").session(admin)
                        .param("type", "COMPLAINT").param("urgency", "NORMAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tested.select("#test-result dl")).hasSizeGreaterThan(1);

        Map<String, String> form = formOf(page);
        form.put("rows[0].outputs[2]", "\"soon\"");
        Document refused = Jsoup.parse(mvc.perform(submit(form, "/admin/escalation-ladder", "save").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.getElementById("err-r0-o2").text())
                .isEqualTo("“soon”不是有效的时间点，只能写成 \"80%\", \"+2d\", \"+8h\" 这样的形式。");
    }

    @Test
    void aDispatcherCannotOpenOrChangeTheTables() throws Exception {
        MockHttpSession dispatcher = logIn("dispatcher");
        mvc.perform(get("/admin/time-limits").session(dispatcher)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/dispatch-catalogue").session(dispatcher)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/escalation-ladder").session(dispatcher)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/dispatch-catalogue").session(dispatcher).with(csrf()).param("action", "save"))
                .andExpect(status().isForbidden());
    }

    private HotlineCase dispatchedComplaint() throws Exception {
        String number = json.readTree(mvc.perform(post("/api/citizen/requests")
                        .contentType(MediaType.APPLICATION_JSON).content(COMPLAINT))
                .andReturn().getResponse().getContentAsString()).get("caseNumber").asText();
        mvc.perform(post("/api/center/cases/" + number + "/intake-review").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"DISPATCH\"}"))
                .andExpect(status().isNoContent());
        return cases.findByCaseNumber(number).orElseThrow();
    }

    /** The rule form's fields as the browser would post them. */
    private static Map<String, String> formOf(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Jsoup.parse(page).select("form.rule-table input[name]").stream()
                .filter(i -> !i.attr("name").equals("_csrf"))
                .forEach(i -> fields.put(i.attr("name"), i.val()));
        return fields;
    }

    private static String rowWhere(Map<String, String> form, String cell, String value) {
        return form.entrySet().stream().filter(e -> e.getKey().endsWith("." + cell) && e.getValue().equals(value))
                .map(e -> e.getKey().substring(0, e.getKey().indexOf('.'))).findFirst().orElseThrow();
    }

    private static MockHttpServletRequestBuilder submit(Map<String, String> form, String url, String action) {
        MockHttpServletRequestBuilder call = post(url).with(csrf()).param("action", action);
        form.forEach(call::param);
        return call;
    }

    private JsonNode table(String key) throws Exception {
        return json.readTree(mvc.perform(get("/api/admin/rules/" + key).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void restore(String key, JsonNode original) throws Exception {
        if (table(key).get("version").asInt() != original.get("version").asInt()) {
            ObjectNode body = json.createObjectNode();
            body.set("rows", original.get("rows"));
            mvc.perform(put("/api/admin/rules/" + key).with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body.toString())).andExpect(status().isOk());
        }
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
