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

import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.AssistActions;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tiered organisation on the real application (demo tree CITY → city departments, districts →
 * bureaus and streets → communities): the dispatch level rule wherever a unit is chosen, and what a
 * district's user sees. For the catalogue case this class lowers street-vending's floor to the city, so
 * the catalogue's own row (URBAN.* in DC → the district bureau DC-CGJ) becomes one the rule forbids.
 */
@SpringBootTest(properties = "hotline.dispatch-levels.lowest[URBAN.STALL]=CITY")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TieredOrganisationTest {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired AssistActions assisting;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired Organisation organisation;
    @Autowired ObjectMapper json;

    Staff dispatcher;

    @BeforeEach
    void logIn() {
        dispatcher = dispatcher(organisation);
    }

    // --- the dispatch level rule -------------------------------------------------------------------

    @Test
    void theCenterCannotDispatchAnEnvironmentCaseToAStreetByApi() throws Exception {
        String n = awaitingDispatch("ENV", "DC");
        mvc.perform(post("/api/center/cases/" + n + "/dispatch").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentCode\":\"DC-DH\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("department.levelRefused"))
                .andExpect(jsonPath("$.fields[0].field").value("departmentCode"))
                .andExpect(jsonPath("$.fields[0].reason").value(org.hamcrest.Matchers.containsString("CITY")));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
        assertThat(load(n).getDepartmentId()).isNull();

        // The city department it belongs to is accepted.
        mvc.perform(post("/api/center/cases/" + n + "/dispatch").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentCode\":\"HBJ\"}"))
                .andExpect(status().isNoContent());
        assertThat(departmentOf(n)).isEqualTo("HBJ");
    }

    @Test
    void theCenterMayDispatchAnUrbanCaseToAStreetByApi() throws Exception {
        String n = awaitingDispatch("URBAN", "DC");
        mvc.perform(post("/api/center/cases/" + n + "/dispatch").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentCode\":\"DC-DH\"}"))
                .andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(departmentOf(n)).isEqualTo("DC-DH");
    }

    @Test
    void intakeDispatchAndReturnRulingAreHeldToTheSameRule() throws Exception {
        String received = intake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "DC", Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        mvc.perform(post("/api/center/cases/" + received + "/intake-review").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"DISPATCH\",\"departmentCode\":\"DC-DH-01\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.fields[0].field").value("departmentCode"));
        assertThat(load(received).getStatus()).isEqualTo(CaseStatus.RECEIVED);

        String returned = intake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "DC", Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        assertThat(departmentOf(returned)).isEqualTo("HBJ");
        mvc.perform(post("/api/department/cases/" + returned + "/return").with(httpBasic("dept-environment", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"属于街道辖区的社会生活噪声\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/center/cases/" + returned + "/return-ruling").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"redispatch\":true,\"departmentCode\":\"DC-DH\",\"comment\":\"改派街道\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.fields[0].field").value("departmentCode"));
        assertThat(load(returned).getStatus()).isEqualTo(CaseStatus.RETURNED);
    }

    @Test
    void aCatalogueRowTheRuleForbidsSendsTheCaseToManualDispatchWithTheReason() {
        String n = intake.open(request(CaseType.COMPLAINT, "URBAN.STALL", "DC", Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        HotlineCase c = load(n);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
        assertThat(c.getDepartmentId()).isNull();
        List<CaseEvent> timeline = events.findByCaseIdOrderByIdAsc(c.getId());
        CaseEvent waiting = timeline.get(timeline.size() - 1);
        assertThat(waiting.getType()).isEqualTo(CaseEventType.AWAITING_DISPATCH);
        assertThat(waiting.getComment()).contains("dispatch catalogue", "URBAN.STALL", "CITY", "DC-CGJ", "DISTRICT");
        // Street vending of a category the override does not touch still goes where the catalogue says.
        String road = intake.open(request(CaseType.COMPLAINT, "URBAN.ROAD", "DC", Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        assertThat(departmentOf(road)).isEqualTo("DC-CGJ");
    }

    @Test
    void theCenterCasePageShowsTheRefusalNextToTheDepartmentField() throws Exception {
        String n = awaitingDispatch("ENV", "DC");
        MockHttpSession session = logIn("dispatcher");
        Document page = Jsoup.parse(mvc.perform(post("/center/cases/" + n + "/dispatch").with(csrf()).session(session)
                        .param("departmentCode", "DC-CGJ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // A district bureau works at DISTRICT level, below the CITY floor for ENV.
        assertThat(page.select(".field-error").text()).contains("按派单层级规则，该类别的工单不能派到这一层级的单位");
        String errorId = page.select(".field-error").attr("id");
        assertThat(page.select("select[aria-describedby~=" + errorId + "]")).hasSize(1);
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
    }

    @Test
    void theCenterPageOffersTheStreetOfficesAndSendsAnUrbanCaseThere() throws Exception {
        String n = awaitingDispatch("URBAN", "DC");
        MockHttpSession session = logIn("dispatcher");
        Document page = Jsoup.parse(mvc.perform(get("/center/cases/" + n).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#dispatch-" + n + "-department option").eachAttr("value")).contains("DC-DH", "DC-CGJ", "HBJ");
        mvc.perform(post("/center/cases/" + n + "/dispatch").with(csrf()).session(session).param("departmentCode", "DC-DH"))
                .andExpect(redirectedUrl("/center/cases/" + n));
        assertThat(departmentOf(n)).isEqualTo("DC-DH");
    }

    // --- who sees what ---------------------------------------------------------------------------

    @Test
    void aDistrictUserSeesItsWholeSubtreeAndNoOtherDistrictByApi() throws Exception {
        String bureau = dispatchedTo("DC-CGJ", "DC");
        String street = dispatchedTo("DC-DH", "DC");
        String community = dispatchedTo("DC-DH-01", "DC");
        String otherDistrict = dispatchedTo("XC-CGJ", "XC");
        String otherStreet = dispatchedTo("XC-XH", "XC");
        String cityDepartment = dispatchedTo("ZJJ", "DC");

        List<String> seen = numbers(mvc.perform(get("/api/department/cases").with(httpBasic("district-dc", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(seen).contains(bureau, street, community).doesNotContain(otherDistrict, otherStreet, cityDepartment);

        // A bureau sees its own cases only, not its sibling street's nor its parent district's.
        List<String> bureauSees = numbers(mvc.perform(get("/api/department/cases").with(httpBasic("dept-dc-urban", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bureauSees).contains(bureau).doesNotContain(street, community, otherDistrict);
        List<String> siblingSees = numbers(mvc.perform(get("/api/department/cases").with(httpBasic("dept-xc-urban", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(siblingSees).contains(otherDistrict).doesNotContain(bureau, street, community);

        // Acting on another district's case answers as if it did not exist.
        mvc.perform(post("/api/department/cases/" + otherStreet + "/sign").with(httpBasic("district-dc", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDistrictUserSeesItsSubtreeOnTheWorkbenchAndNotAnotherDistrictsCaseByUrl() throws Exception {
        String street = dispatchedTo("DC-DH", "DC");
        String bureau = dispatchedTo("DC-CGJ", "DC");
        String otherDistrict = dispatchedTo("XC-CGJ", "XC");
        MockHttpSession session = logIn("district-dc");

        String workbench = mvc.perform(get("/department").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(workbench).contains(street, bureau).doesNotContain(otherDistrict);
        mvc.perform(get("/department/cases/" + street).session(session)).andExpect(status().isOk());
        mvc.perform(get("/department/cases/" + otherDistrict).session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/department/cases/" + street).session(logIn("dept-xc-urban"))).andExpect(status().isNotFound());
    }

    @Test
    void aDistrictReadsACaseItsStreetAssistsOnAndActsOnlyOnThatPart() throws Exception {
        // Led by another district's bureau, with a street office of this district assisting (协办).
        String n = dispatchedTo("XC-CGJ", "XC");
        assisting.request(dispatcher, n, List.of("DC-DH"));

        mvc.perform(get("/api/cases/" + n).with(httpBasic("district-dc", "demo"))).andExpect(status().isOk());
        assertThat(numbers(mvc.perform(get("/api/department/assists").with(httpBasic("district-dc", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).contains(n);
        assertThat(numbers(mvc.perform(get("/api/department/cases").with(httpBasic("district-dc", "demo")))
                .andReturn().getResponse().getContentAsString())).doesNotContain(n);
        // The lead's steps are not its to take; its street's part is.
        mvc.perform(post("/api/department/cases/" + n + "/sign").with(httpBasic("district-dc", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/department/cases/" + n + "/assist/sign").with(httpBasic("district-dc", "demo")))
                .andExpect(status().isNoContent());
        // A third district neither leads nor assists: nothing to see.
        mvc.perform(get("/api/cases/" + n).with(httpBasic("dept-nh-urban", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/department/cases/" + n).session(logIn("dept-nh-urban"))).andExpect(status().isNotFound());
    }

    @Test
    void aDistrictsStatisticsCountItsSubtreesCasesAndNotAnotherDistricts() throws Exception {
        int dcBefore = dispatchedFigure("DC");
        int xcBefore = dispatchedFigure("XC");
        dispatchedTo("DC-CGJ", "DC");
        dispatchedTo("DC-DH", "DC");
        dispatchedTo("DC-DH-01", "DC");
        // Tests in this JVM run one after another, so nobody else dispatches between the two readings.
        assertThat(dispatchedFigure("DC")).isEqualTo(dcBefore + 3);
        assertThat(dispatchedFigure("XC")).isEqualTo(xcBefore);
    }

    /** The district's "dispatched" figure in the public statistics for the current month. */
    private int dispatchedFigure(String district) throws Exception {
        JsonNode report = json.readTree(mvc.perform(get("/api/public/statistics").param("level", "DISTRICT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode unit : report.get("units")) {
            if (unit.get("code").asText().equals(district)) {
                return unit.get("figures").get("dispatched").asInt();
            }
        }
        throw new AssertionError("no row for " + district + " in " + report);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A case the catalogue has no row for (a top-level category), waiting for the center. */
    private String awaitingDispatch(String category, String district) {
        String n = intake.open(request(CaseType.HELP, category, district, Urgency.NORMAL, true, false, Instant.now()),
                IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
        return n;
    }

    private String dispatchedTo(String unit, String district) {
        String n = awaitingDispatch("OTHER", district);
        actions.dispatchManually(dispatcher, n, unit);
        assertThat(departmentOf(n)).isEqualTo(unit);
        return n;
    }

    private List<String> numbers(String body) throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode row : json.readTree(body)) {
            found.add(row.get("caseNumber").asText());
        }
        return found;
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private String departmentOf(String n) {
        return organisation.byId(load(n).getDepartmentId()).map(OrgUnit::getCode).orElse(null);
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
