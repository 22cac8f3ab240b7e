package org.hotline8890.assisting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 协办 end to end through the JSON API, as each party would call it: the center dispatches a noise
 * complaint to the environment bureau (HBJ) with the housing bureau (ZJJ) and market regulation (SCJG)
 * assisting; the assisting units read the case, sign and contribute their own part and nothing else;
 * the lead's reply waits for them and then answers for all; other departments see nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AssistingUnitsApiTest {

    private static final String REQUEST = """
            {"type":"COMPLAINT","category":"ENV.NOISE","district":"DC","subject":"夜间施工噪音",
             "content":"东华路工地每晚施工到凌晨","phone":"13812345678"}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void twoAssistingUnitsSignAndContributeAndTheLeadRepliesForAll() throws Exception {
        JsonNode submitted = submit();
        String n = submitted.get("caseNumber").asText();
        int housingContributedBefore = assistFigure("ZJJ", "contributedOnTime");
        assertThat(call(post("/api/center/cases/" + n + "/intake-review"), "dispatcher",
                "{\"decision\":\"DISPATCH\",\"departmentCode\":\"HBJ\",\"assistingCodes\":[\"ZJJ\",\"SCJG\"]}").getStatus())
                .isEqualTo(204);

        // Each assisting unit reads the case and finds it among the cases it assists, with its own clock.
        JsonNode asAssistant = body(call(get("/api/cases/" + n), "dept-housing", null));
        // It sees its own part among the assisting units, not the other unit's.
        assertThat(asAssistant.get("assists")).singleElement()
                .satisfies(a -> assertThat(a.get("unitCode").asText()).isEqualTo("ZJJ"));
        JsonNode mine = body(call(get("/api/department/assists"), "dept-housing", null));
        assertThat(caseNumbers(mine)).contains(n);
        JsonNode own = find(mine, n).get("assist");
        assertThat(own.get("state").asText()).isEqualTo("REQUESTED");
        assertThat(own.get("contributeBy").asText()).isNotBlank();
        // ... but not among its own (led) cases, and it takes none of the lead's steps.
        assertThat(caseNumbers(body(call(get("/api/department/cases"), "dept-housing", null)))).doesNotContain(n);
        assertThat(call(post("/api/department/cases/" + n + "/sign"), "dept-housing", "{}").getStatus()).isEqualTo(403);
        assertThat(call(post("/api/department/cases/" + n + "/reply"), "dept-housing", "{\"text\":\"已处理\"}").getStatus())
                .isEqualTo(403);
        // A department that neither leads nor assists sees nothing.
        assertThat(call(get("/api/cases/" + n), "dept-transport", null).getStatus()).isEqualTo(404);
        assertThat(call(post("/api/department/cases/" + n + "/assist/sign"), "dept-transport", "{}").getStatus()).isEqualTo(404);
        // The lead has no assist of its own to sign.
        assertThat(call(post("/api/department/cases/" + n + "/assist/sign"), "dept-environment", "{}").getStatus()).isEqualTo(404);

        assertThat(call(post("/api/department/cases/" + n + "/sign"), "dept-environment", "{}").getStatus()).isEqualTo(204);
        MockHttpServletResponse tooEarly = call(post("/api/department/cases/" + n + "/reply"), "dept-environment",
                "{\"text\":\"已责令停止夜间施工\"}");
        assertThat(tooEarly.getStatus()).isEqualTo(409);
        assertThat(body(tooEarly).get("code").asText()).isEqualTo("case.assistPending");

        for (String unit : List.of("dept-housing", "dept-market")) {
            assertThat(call(post("/api/department/cases/" + n + "/assist/sign"), unit, "{}").getStatus()).isEqualTo(204);
            MockHttpServletResponse blank = call(post("/api/department/cases/" + n + "/assist/contribution"), unit, "{\"text\":\" \"}");
            assertThat(blank.getStatus()).isEqualTo(400);
            assertThat(blank.getContentAsString()).contains("text");
            assertThat(call(post("/api/department/cases/" + n + "/assist/contribution"), unit,
                    "{\"text\":\"" + unit + " 已核查并处理\"}").getStatus()).isEqualTo(204);
        }

        JsonNode asLead = body(call(get("/api/cases/" + n), "dept-environment", null));
        assertThat(asLead.get("assists")).hasSize(2);
        asLead.get("assists").forEach(a -> {
            assertThat(a.get("state").asText()).isEqualTo("CONTRIBUTED");
            assertThat(a.get("contribution").asText()).contains("已核查并处理");
        });
        assertThat(call(post("/api/department/cases/" + n + "/reply"), "dept-environment",
                "{\"text\":\"已会同住建、市场监管部门责令工地停止夜间施工\"}").getStatus()).isEqualTo(204);
        assertThat(body(call(get("/api/cases/" + n), "dispatcher", null)).get("status").asText()).isEqualTo("REPLIED");

        // Staff see every step; the citizen sees in plain words that others helped, and nothing internal.
        List<String> staffTimeline = events(asLead);
        assertThat(staffTimeline).contains("ASSIST_REQUESTED", "ASSIST_SIGNED", "ASSIST_CONTRIBUTED");
        JsonNode citizen = body(mvc.perform(post("/api/citizen/cases/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseNumber\":\"" + n + "\",\"queryCode\":\"" + submitted.get("queryCode").asText() + "\"}"))
                .andReturn().getResponse());
        assertThat(events(citizen)).contains("ASSIST_REQUESTED", "ASSIST_CONTRIBUTED").doesNotContain("ASSIST_SIGNED");
        citizen.get("timeline").forEach(e -> assertThat(e.get("comment").isNull()).isTrue());

        // Each unit is counted for its part.
        assertThat(assistFigure("ZJJ", "contributedOnTime")).isEqualTo(housingContributedBefore + 1);
    }

    @Test
    void aDeclinedAssistGoesToTheCenterWhichReplacesIt() throws Exception {
        String n = submit().get("caseNumber").asText();
        assertThat(call(post("/api/center/cases/" + n + "/intake-review"), "dispatcher",
                "{\"decision\":\"DISPATCH\",\"departmentCode\":\"HBJ\",\"assistingCodes\":[\"ZJJ\"]}").getStatus())
                .isEqualTo(204);

        MockHttpServletResponse noReason = call(post("/api/department/cases/" + n + "/assist/decline"), "dept-housing", "{}");
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("reason");
        assertThat(call(post("/api/department/cases/" + n + "/assist/decline"), "dept-housing",
                "{\"reason\":\"工地噪声不属于住建部门职责\"}").getStatus()).isEqualTo(204);

        JsonNode declined = body(call(get("/api/center/assists/declined"), "dispatcher", null));
        JsonNode row = find(declined, n);
        assertThat(row.get("assist").get("declineReason").asText()).contains("不属于住建部门职责");
        // The unit that declined no longer reads the case.
        assertThat(call(get("/api/cases/" + n), "dept-housing", null).getStatus()).isEqualTo(404);

        assertThat(call(post("/api/center/cases/" + n + "/assists/ZJJ/decline-ruling"), "dispatcher",
                "{\"replacements\":[\"SCJG\"]}").getStatus()).isEqualTo(204);
        assertThat(caseNumbers(body(call(get("/api/center/assists/declined"), "dispatcher", null)))).doesNotContain(n);
        assertThat(caseNumbers(body(call(get("/api/department/assists"), "dept-market", null)))).contains(n);

        // The center may withdraw the replacement again; the unit then no longer owes a part.
        assertThat(call(post("/api/center/cases/" + n + "/assists/SCJG/withdraw"), "dispatcher",
                "{\"reason\":\"主办单位已自行核实\"}").getStatus()).isEqualTo(204);
        assertThat(caseNumbers(body(call(get("/api/department/assists"), "dept-market", null)))).doesNotContain(n);
    }

    @Test
    void theCenterIsRefusedTheLeadAsAssistantAUnitTooLowAndAnEmptyList() throws Exception {
        String n = submit().get("caseNumber").asText();
        assertThat(call(post("/api/center/cases/" + n + "/intake-review"), "dispatcher",
                "{\"decision\":\"DISPATCH\",\"departmentCode\":\"HBJ\"}").getStatus()).isEqualTo(204);

        MockHttpServletResponse lead = call(post("/api/center/cases/" + n + "/assists"), "dispatcher", "{\"unitCodes\":[\"HBJ\"]}");
        assertThat(lead.getStatus()).isEqualTo(409);
        assertThat(body(lead).get("code").asText()).isEqualTo("assist.leadCannotAssist");
        // Noise cases go no lower than the city: the dispatch level rule holds for assisting units too.
        assertThat(call(post("/api/center/cases/" + n + "/assists"), "dispatcher", "{\"unitCodes\":[\"DC-DH\"]}").getStatus())
                .isEqualTo(409);
        MockHttpServletResponse empty = call(post("/api/center/cases/" + n + "/assists"), "dispatcher", "{\"unitCodes\":[]}");
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(empty.getContentAsString()).contains("unitCodes");
        MockHttpServletResponse onAnswer = call(post("/api/center/cases/" + submit().get("caseNumber").asText() + "/intake-review"),
                "dispatcher", "{\"decision\":\"REJECT\",\"text\":\"无效\",\"assistingCodes\":[\"ZJJ\"]}");
        assertThat(onAnswer.getStatus()).isEqualTo(400);
        assertThat(onAnswer.getContentAsString()).contains("assistingCodes");

        // Asked while the case is handled, later.
        assertThat(call(post("/api/center/cases/" + n + "/assists"), "dispatcher", "{\"unitCodes\":[\"ZJJ\"]}").getStatus())
                .isEqualTo(204);
        MockHttpServletResponse twice = call(post("/api/center/cases/" + n + "/assists"), "dispatcher", "{\"unitCodes\":[\"ZJJ\"]}");
        assertThat(body(twice).get("code").asText()).isEqualTo("assist.alreadyAsked");
    }

    private JsonNode submit() throws Exception {
        return body(mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andReturn().getResponse());
    }

    private int assistFigure(String unit, String figure) throws Exception {
        JsonNode report = body(mvc.perform(get("/api/public/statistics").param("level", "DEPARTMENT")).andReturn().getResponse());
        for (JsonNode row : report.get("assisting")) {
            if (unit.equals(row.get("code").asText())) {
                return row.get("figures").get(figure).asInt();
            }
        }
        throw new AssertionError("no assisting row for " + unit);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
        request.with(httpBasic(user, "demo"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private static List<String> caseNumbers(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.forEach(item -> numbers.add(item.get("caseNumber").asText()));
        return numbers;
    }

    private static JsonNode find(JsonNode list, String caseNumber) {
        for (JsonNode item : list) {
            if (caseNumber.equals(item.get("caseNumber").asText())) {
                return item;
            }
        }
        throw new AssertionError(caseNumber + " is not listed");
    }

    private static List<String> events(JsonNode view) {
        List<String> types = new ArrayList<>();
        view.get("timeline").forEach(e -> types.add(e.get("event").asText()));
        return types;
    }
}
