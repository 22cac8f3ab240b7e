package org.hotline8890.api;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.hotline8890.cases.CaseRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The API as each audience meets it, including what each role must not be able to do. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiAccessAndValidationTest {

    private static final String VALID = """
            {"type":"COMPLAINT","category":"ENV.NOISE","district":"DC","subject":"夜间施工",
             "content":"工地每晚施工到凌晨","phone":"13812345678","consentToPublish":true}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseRepository cases;

    @Test
    void aCitizenSubmitsAndLooksTheCaseUpWithItsQueryCodeOnly() throws Exception {
        JsonNode submitted = submit(VALID, "key-" + System.nanoTime());
        String number = submitted.get("caseNumber").asText();
        String code = submitted.get("queryCode").asText();
        mvc.perform(post("/api/citizen/cases/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseNumber\":\"" + number + "\",\"queryCode\":\"" + code + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.timeline[0].actor").doesNotExist());
        String wrongCode = mvc.perform(post("/api/citizen/cases/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseNumber\":\"" + number + "\",\"queryCode\":\"WRONG234\"}"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(post("/api/citizen/cases/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseNumber\":\"8890-19990101-000001\",\"queryCode\":\"WRONG234\"}"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(wrongCode).isEqualTo(unknown);
    }

    @Test
    void theCitizenIsToldToKeepTheCodeInChineseUnlessTheyAskForEnglish() throws Exception {
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.notice").value("请牢记工单号和查询码：查询码只显示这一次。"));
        mvc.perform(post("/api/citizen/requests").header("Accept-Language", "en-GB,en;q=0.8")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notice").value("Keep the case number and the query code: the code is shown only this once."));
    }

    @Test
    void aRetriedSubmissionWithTheSameKeyMakesNoSecondCase() throws Exception {
        String key = "retry-" + System.nanoTime();
        long before = cases.count();
        String first = submit(VALID, key).get("caseNumber").asText();
        mvc.perform(post("/api/citizen/requests").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(first))
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.queryCode").doesNotExist());
        org.assertj.core.api.Assertions.assertThat(cases.count()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedCallLogWithTheSameKeyMakesNoSecondCase() throws Exception {
        String call = "{\"request\":" + VALID + ",\"decision\":\"ANSWER\",\"answer\":\"已告知投诉渠道\"}";
        String key = "call-" + System.nanoTime();
        long before = cases.count();
        String first = json.readTree(mvc.perform(post("/api/agent/cases").with(httpBasic("agent", "demo"))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(call))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.queryCode").isNotEmpty())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andReturn().getResponse().getContentAsString()).get("caseNumber").asText();
        mvc.perform(post("/api/agent/cases").with(httpBasic("agent", "demo"))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(call))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(first))
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.queryCode").doesNotExist())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        org.assertj.core.api.Assertions.assertThat(cases.count()).isEqualTo(before + 1);

        // Another agent's key is not this agent's: the same string opens its own case.
        mvc.perform(post("/api/agent/cases").with(httpBasic("dispatcher", "demo"))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(call))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicate").value(false));
        org.assertj.core.api.Assertions.assertThat(cases.count()).isEqualTo(before + 2);
    }

    @Test
    void anOverlongIdempotencyKeyIsRefusedOnTheHeader() throws Exception {
        mvc.perform(post("/api/agent/cases").with(httpBasic("agent", "demo"))
                        .header("Idempotency-Key", "k".repeat(101)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"request\":" + VALID + ",\"decision\":\"DISPATCH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("Idempotency-Key"));
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheReasonAndNothingIsStored() throws Exception {
        long before = cases.count();
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"subject\":\"夜间施工\",", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[*].field", hasItem("subject")));
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("工地每晚施工到凌晨", "长".repeat(5001))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[*].field", hasItem("content")));
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"COMPLAINT\"", "\"GRUMBLE\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[0].field").value("type"));
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("ENV.NOISE", "NO.SUCH")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[0].field").value("category"));
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"phone\":\"13812345678\",", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[*].field", hasItem("reachable")));
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.unreadable"));
        mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("}", ",\"attachments\":[{\"fileName\":\"../../etc/passwd\",\"contentType\":\"text/plain\",\"sizeBytes\":20971520}]}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[*].field", hasItem("attachments[0].fileName")))
                .andExpect(jsonPath("$.fields[*].field", hasItem("attachments[0].sizeBytes")));
        org.assertj.core.api.Assertions.assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void staffEndpointsNeedTheRightRole() throws Exception {
        mvc.perform(get("/api/center/intake")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/center/intake").with(httpBasic("dispatcher", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/center/intake").with(httpBasic("dispatcher", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/center/intake").with(httpBasic("dept-environment", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/center/intake").with(httpBasic("agent", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/department/cases").with(httpBasic("dispatcher", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/calendar").with(httpBasic("supervisor", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/calendar").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.coveredYears", hasItem(2026)));
        mvc.perform(get("/api/public/statistics")).andExpect(status().isOk());
    }

    @Test
    void theApiDescriptionAsksForHttpBasicOnStaffCallsOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basic.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
                .andExpect(jsonPath("$.paths['/api/center/intake'].get.security[0].basic").isArray())
                .andExpect(jsonPath("$.paths['/api/agent/cases'].post.security[0].basic").isArray())
                .andExpect(jsonPath("$.paths['/api/department/cases'].get.security[0].basic").isArray())
                .andExpect(jsonPath("$.paths['/api/admin/calendar'].get.security[0].basic").isArray())
                .andExpect(jsonPath("$.paths['/api/cases/{caseNumber}'].get.security[0].basic").isArray())
                .andExpect(jsonPath("$.paths['/api/citizen/requests'].post.security").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/public/statistics'].get.security").doesNotExist())
                .andExpect(jsonPath("$.security").doesNotExist());
    }

    @Test
    void aDepartmentSeesAndActsOnlyOnItsOwnCases() throws Exception {
        String number = submit(VALID, "own-" + System.nanoTime()).get("caseNumber").asText();
        mvc.perform(post("/api/center/cases/" + number + "/intake-review").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"DISPATCH\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/cases/" + number).with(httpBasic("dept-housing", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/department/cases/" + number + "/sign").with(httpBasic("dept-housing", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/" + number).with(httpBasic("dept-environment", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("HBJ"));
        mvc.perform(get("/api/department/cases").with(httpBasic("dept-environment", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].caseNumber", hasItem(number)));
        mvc.perform(post("/api/department/cases/" + number + "/sign").with(httpBasic("dept-environment", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/department/cases/" + number + "/sign").with(httpBasic("dept-environment", "demo")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("case.notDispatched"));
    }

    private JsonNode submit(String body, String key) throws Exception {
        String response = mvc.perform(post("/api/citizen/requests").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response);
    }
}
