package org.hotline8890.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.request;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sub-centers (分中心, docs/organisation.md) on the real application: the demo districts run one, and
 * district-dc works DC's queue in the department workbench and API; the street office dept-dc-street
 * and the bureau dept-dc-urban lie below it; XC's units are another subtree.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SubCentersTest {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;
    @Autowired ObjectMapper json;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    private static final String COMMUNITY_PASSWORD = "Dongh-community-8890";

    Staff dispatcher;

    @BeforeEach
    void logIn() {
        dispatcher = dispatcher(organisation);
    }

    // --- API -----------------------------------------------------------------------------------------


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
    void theSubCenterSignsReDispatchesRulesAndReviewsByApiAndOnlyInsideItsSubtree() throws Exception {
        String n = dispatchedToSubCenter();
        assertThat(own("district-dc")).contains(n);
        assertThat(own("dept-dc-street")).doesNotContain(n);
        api("dept-dc-street", n, "sign", null).andExpect(status().isNotFound());
        api("district-dc", n, "sign", null).andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REDISPATCHING);

        api("district-dc", n, "redispatch", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("departmentCode"));
        api("district-dc", n, "redispatch", "{\"departmentCode\":\"XC-XH\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("department.notBelowSubCenter"))
                .andExpect(jsonPath("$.fields[0].field").value("departmentCode"));
        api("district-dc", n, "redispatch", "{\"departmentCode\":\"DC-DH\"}").andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);

        // The street sees it now; its sibling bureau and the other district do not.
        assertThat(own("dept-dc-street")).contains(n);
        assertThat(own("dept-dc-urban")).doesNotContain(n);
        assertThat(own("dept-xc-urban")).doesNotContain(n);
        api("dept-dc-urban", n, "sign", null).andExpect(status().isNotFound());

        // Its return goes to the sub-center, which alone rules on it.
        api("dept-dc-street", n, "return", "{\"reason\":\"不在本街道辖区\"}").andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RETURNED_TO_SUB_CENTER);
        api("dept-dc-street", n, "sub-center-ruling", "{\"ruling\":\"SEND_BACK\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case.notYourSubCenter"));
        api("district-dc", n, "sub-center-ruling", "{\"ruling\":\"SIDEWAYS\"}").andExpect(status().isBadRequest());
        api("district-dc", n, "sub-center-ruling", "{\"ruling\":\"SEND_BACK\",\"comment\":\"属于东华街道\"}")
                .andExpect(status().isNoContent());

        api("dept-dc-street", n, "sign", null).andExpect(status().isNoContent());
        api("dept-dc-street", n, "reply", "{\"text\":\"已修复路面\"}").andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.SUB_CENTER_REVIEW);
        api("district-dc", n, "sub-center-review", "{\"approved\":false}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case.missing.reason"));
        api("district-dc", n, "sub-center-review", "{\"approved\":true}").andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);

        // The city center sees the whole chain with the unit of every step.
        JsonNode view = json.readTree(mvc.perform(get("/api/cases/" + n).with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(view.get("subCenter").asText()).isEqualTo("DC");
        List<String> steps = new ArrayList<>();
        view.get("timeline").forEach(e -> steps.add(e.get("event").asText() + "@" + e.get("unit").asText()));
        assertThat(steps).containsSubsequence("DISPATCHED@DC", "SUB_CENTER_SIGNED@DC", "REDISPATCHED@DC-DH",
                "RETURNED_TO_SUB_CENTER@DC-DH", "SUB_CENTER_RETURN_REFUSED@DC", "SIGNED@DC-DH", "REPLIED@DC-DH",
                "SUB_CENTER_REPLY_APPROVED@DC");
    }

    @Test
    void aStreetSubCenterBelowTheDistrictsWorksItsOwnLoopByApiAndSendsReturnsAndRepliesUpOneLevel() throws Exception {
        OrgUnit street = organisation.byCode("DC-DH").orElseThrow();
        organisation.runSubCenter(street.getId(), true);
        accounts.create("dc-dh-01-clerk", "东华一社区承办人", Role.DEPARTMENT,
                organisation.byCode("DC-DH-01").orElseThrow().getId(), COMMUNITY_PASSWORD);
        // "Other" cases may go down to a community (the dispatch level rule); roads stop at the street office.
        String n = intake.open(request(CaseType.COMPLAINT, "OTHER", "DC", Urgency.NORMAL, true, false, Instant.now()),
                IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, n, IntakeDecision.DISPATCH, null, null, "DC");
        api("district-dc", n, "sign", null).andExpect(status().isNoContent());
        api("district-dc", n, "redispatch", "{\"departmentCode\":\"DC-DH\"}").andExpect(status().isNoContent());

        // The street signs as a sub-center and re-dispatches inside its own subtree only.
        assertThat(consoleSubCenter(n)).isEqualTo(street.getName());
        api("district-dc", n, "redispatch", "{\"departmentCode\":\"DC-DH-01\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case.notYourSubCenter"));
        api("dept-dc-street", n, "sign", null).andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REDISPATCHING);
        api("dept-dc-street", n, "redispatch", "{\"departmentCode\":\"DC-CGJ\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("department.notBelowSubCenter"));
        api("dept-dc-street", n, "redispatch", "{\"departmentCode\":\"DC-DH-01\"}").andExpect(status().isNoContent());

        // The community's return goes to the street, which passes it up to the district, one level.
        communityApi(n, "return", "{\"reason\":\"不在本社区\"}").andExpect(status().isNoContent());
        assertThat(consoleSubCenter(n)).isEqualTo(street.getName());
        api("dept-dc-street", n, "sub-center-ruling", "{\"ruling\":\"PASS_UP\",\"comment\":\"不属于东华街道\"}")
                .andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RETURNED_TO_SUB_CENTER);
        assertThat(consoleSubCenter(n)).isEqualTo(organisation.byCode("DC").orElseThrow().getName());
        api("dept-dc-street", n, "sub-center-ruling", "{\"ruling\":\"SEND_BACK\",\"comment\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("case.notYourSubCenter"));
        api("district-dc", n, "sub-center-ruling", "{\"ruling\":\"SEND_BACK\",\"comment\":\"属于东华街道\"}")
                .andExpect(status().isNoContent());
        api("dept-dc-street", n, "sign", null).andExpect(status().isNoContent());
        api("dept-dc-street", n, "redispatch", "{\"departmentCode\":\"DC-DH-01\"}").andExpect(status().isNoContent());
        communityApi(n, "sign", null).andExpect(status().isNoContent());

        // The reply is reviewed by the street, then the district, then the city center.
        communityApi(n, "reply", "{\"text\":\"已处理\"}").andExpect(status().isNoContent());
        api("district-dc", n, "sub-center-review", "{\"approved\":true}").andExpect(status().isConflict());
        api("dept-dc-street", n, "sub-center-review", "{\"approved\":true}").andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.SUB_CENTER_REVIEW);
        api("district-dc", n, "sub-center-review", "{\"approved\":true}").andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REPLIED);

        JsonNode view = json.readTree(mvc.perform(get("/api/cases/" + n).with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> steps = new ArrayList<>();
        view.get("timeline").forEach(e -> steps.add(e.get("event").asText() + "@" + e.get("unit").asText()));
        assertThat(steps).containsSubsequence("SUB_CENTER_SIGNED@DC", "REDISPATCHED@DC-DH", "SUB_CENTER_SIGNED@DC-DH",
                "REDISPATCHED@DC-DH-01", "RETURNED_TO_SUB_CENTER@DC-DH-01", "RETURN_PASSED_UP@DC-DH",
                "SUB_CENTER_RETURN_REFUSED@DC", "SUB_CENTER_SIGNED@DC-DH", "SIGNED@DC-DH-01", "REPLIED@DC-DH-01",
                "SUB_CENTER_REPLY_APPROVED@DC-DH", "SUB_CENTER_REPLY_APPROVED@DC");
        actions.reviewReply(dispatcher, n, true, null);
    }

    @Test
    void theCityCenterCannotActForTheSubCenter() throws Exception {
        String n = dispatchedToSubCenter();
        actions.sign(staffOf("district-dc", "DC"), n);
        mvc.perform(post("/api/department/cases/" + n + "/redispatch").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentCode\":\"DC-DH\"}"))
                .andExpect(status().isForbidden());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.REDISPATCHING);
    }

    // --- pages ---------------------------------------------------------------------------------------

    @Test
    void theSubCenterReDispatchesFromItsCasePageToAUnitOfItsOwnSubtree() throws Exception {
        String n = dispatchedToSubCenter();
        MockHttpSession subCenter = session("district-dc");
        assertThat(mvc.perform(get("/department").session(subCenter)).andReturn().getResponse().getContentAsString())
                .contains(n);
        mvc.perform(post("/department/cases/" + n + "/sign").with(csrf()).session(subCenter))
                .andExpect(redirectedUrl("/department/cases/" + n));

        Document page = page("/department/cases/" + n, subCenter);
        assertThat(page.select("#redispatch-unit option").eachAttr("value"))
                .contains("DC-CGJ", "DC-DH", "DC-DH-01").doesNotContain("DC", "XC-XH", "HBJ");
        assertThat(page.select("#case-status").attr("data-status")).isEqualTo("REDISPATCHING");

        Document refused = Jsoup.parse(mvc.perform(post("/department/cases/" + n + "/redispatch").with(csrf())
                        .session(subCenter).param("departmentCode", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#redispatch-unit-error").text()).contains("请选择本分中心下属的单位");
        assertThat(refused.select("#redispatch-unit").attr("aria-describedby")).contains("redispatch-unit-error");

        mvc.perform(post("/department/cases/" + n + "/redispatch").with(csrf()).session(subCenter)
                        .param("departmentCode", "DC-DH"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);

        // The street returns it to the sub-center: its page says so, and offers it no sub-center form.
        MockHttpSession street = session("dept-dc-street");
        Document streetPage = page("/department/cases/" + n, street);
        assertThat(streetPage.select("#return-form h3").text()).isEqualTo("退回分中心");
        assertThat(streetPage.select("#redispatch-form, #ruling-form, #approve-form")).isEmpty();
        mvc.perform(get("/department/cases/" + n).session(session("dept-dc-urban"))).andExpect(status().isNotFound());
        mvc.perform(get("/department/cases/" + n).session(session("dept-xc-urban"))).andExpect(status().isNotFound());
    }

    @Test
    void theSubCenterRulesOnAReturnAndReviewsTheReplyOnItsPages() throws Exception {
        String n = dispatchedToSubCenter();
        Staff districtDc = staffOf("district-dc", "DC");
        actions.sign(districtDc, n);
        actions.redispatchInSubCenter(districtDc, n, "DC-DH");
        MockHttpSession streetSession = session("dept-dc-street");
        mvc.perform(post("/department/cases/" + n + "/return").with(csrf()).session(streetSession)
                        .param("reason", "不在本街道辖区"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RETURNED_TO_SUB_CENTER);

        MockHttpSession subCenter = session("district-dc");
        Document page = page("/department/cases/" + n, subCenter);
        assertThat(page.select("#ruling-form input[name=ruling]").eachAttr("value"))
                .containsExactly("REDISPATCH", "SEND_BACK", "PASS_UP");
        assertThat(page.select(".case-timeline").text()).contains("不在本街道辖区", "DC-DH");

        Document missing = Jsoup.parse(mvc.perform(post("/department/cases/" + n + "/sub-center-ruling").with(csrf())
                        .session(subCenter).param("ruling", "PASS_UP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(missing.select("#ruling-comment-error").text()).contains("请填写理由");
        // Roads go no lower than the street office: the community is refused next to the unit field.
        Document tooLow = Jsoup.parse(mvc.perform(post("/department/cases/" + n + "/sub-center-ruling").with(csrf())
                        .session(subCenter).param("ruling", "REDISPATCH").param("departmentCode", "DC-DH-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tooLow.select("#ruling-unit-error").text()).contains("派单层级规则");
        mvc.perform(post("/department/cases/" + n + "/sub-center-ruling").with(csrf()).session(subCenter)
                        .param("ruling", "REDISPATCH").param("departmentCode", "DC-CGJ"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(organisation.byId(load(n).getDepartmentId()).orElseThrow().getCode()).isEqualTo("DC-CGJ");

        Staff bureau = staffOf("dept-dc-urban", "DC-CGJ");
        actions.sign(bureau, n);
        actions.reply(bureau, n, "已处理");
        assertThat(page("/department/cases/" + n, subCenter).select("#approve-form, #send-back-form")).hasSize(2);
        Document noReason = Jsoup.parse(mvc.perform(post("/department/cases/" + n + "/sub-center-review").with(csrf())
                        .session(subCenter).param("approved", "false"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(noReason.select("#review-comment-error").text()).contains("请填写理由");
        mvc.perform(post("/department/cases/" + n + "/sub-center-review").with(csrf()).session(subCenter)
                        .param("approved", "false").param("comment", "请补充照片"))
                .andExpect(redirectedUrl("/department/cases/" + n));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void theCenterConsoleShowsWhichSubCenterHoldsACaseAndSinceWhen() throws Exception {
        String n = dispatchedToSubCenter();
        MockHttpSession center = session("dispatcher");
        Document console = page("/center", center);
        var row = console.select("#queue-sub-centers tr[data-case=" + n + "]");
        assertThat(row).hasSize(1);
        assertThat(row.select(".sub-center").text()).isEqualTo("东城区");
        assertThat(row.select(".waited").text()).isEqualTo("0 小时");
        assertThat(page("/center/cases/" + n, center).select("#sub-center").text()).contains("DC");
    }

    @Test
    void anAdministratorTurnsASubCenterOffAndOnAndCannotGiveOneToAUnitWithNothingBelowIt() throws Exception {
        MockHttpSession admin = session("admin");
        OrgUnit nh = organisation.byCode("NH").orElseThrow();
        assertThat(page("/admin/organisation", admin).select("#unit-NH .sub-center")).hasSize(1);
        mvc.perform(post("/admin/organisation/units/" + nh.getId() + "/sub-center").with(csrf()).session(admin)
                        .param("on", "false"))
                .andExpect(redirectedUrl("/admin/organisation"));
        assertThat(organisation.byCode("NH").orElseThrow().runsSubCenter()).isFalse();
        mvc.perform(post("/admin/organisation/units/" + nh.getId() + "/sub-center").with(csrf()).session(admin)
                        .param("on", "true"))
                .andExpect(redirectedUrl("/admin/organisation"));
        assertThat(organisation.byCode("NH").orElseThrow().runsSubCenter()).isTrue();

        OrgUnit community = organisation.byCode("NH-NS-01").orElseThrow();
        Document refused = Jsoup.parse(mvc.perform(post("/admin/organisation/units/" + community.getId() + "/sub-center")
                        .with(csrf()).session(admin).param("on", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.getElementById("unit-error-" + community.getId()).text()).contains("没有可派发的单位");
        assertThat(organisation.byCode("NH-NS-01").orElseThrow().runsSubCenter()).isFalse();
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** An urban case the center sends to district DC itself, which runs a sub-center. */
    private String dispatchedToSubCenter() {
        String n = intake.open(request(CaseType.COMPLAINT, "URBAN.ROAD", "DC", Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher, n, IntakeDecision.DISPATCH, null, null, "DC");
        assertThat(load(n).getSubCenterId()).isEqualTo(organisation.byCode("DC").orElseThrow().getId());
        return n;
    }

    private ResultActions api(String user, String n, String action, String body) throws Exception {
        var request = post("/api/department/cases/" + n + "/" + action).with(httpBasic(user, "demo"));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private ResultActions communityApi(String n, String action, String body) throws Exception {
        var request = post("/api/department/cases/" + n + "/" + action).with(httpBasic("dc-dh-01-clerk", COMMUNITY_PASSWORD));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    /** The sub-center the center's console names for the case in its sub-center queue. */
    private String consoleSubCenter(String n) throws Exception {
        return page("/center", session("dispatcher")).select("tr[data-case=" + n + "] .sub-center").text();
    }

    private List<String> own(String user) throws Exception {
        List<String> found = new ArrayList<>();
        json.readTree(mvc.perform(get("/api/department/cases").with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .forEach(row -> found.add(row.get("caseNumber").asText()));
        return found;
    }

    private Staff staffOf(String username, String unit) {
        return org.hotline8890.TestCases.staff(organisation, username, Role.DEPARTMENT, unit);
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private Document page(String url, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private MockHttpSession session(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
