package org.hotline8890.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.request;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GeoReport v2 as a client meets it, following the examples of the standard, in JSON and XML. */
@SpringBootTest(properties = "hotline.channels.open311.api-keys=city-app-key, partner-key")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class Open311ApiTest {

    private static final String BASE = "/open311/v2";
    private static final String KEY = "partner-key";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseRepository cases;
    @Autowired IntakeQueue queue;
    @Autowired CaseIntake caseIntake;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void discoveryTellsWhereVersionTwoIsAndInWhichFormats() throws Exception {
        mvc.perform(get(BASE + "/discovery.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(jsonPath("$.endpoints[0].url").value(endsWith("/open311/v2")))
                .andExpect(jsonPath("$.endpoints[0].formats").value(hasItem("text/xml")))
                .andExpect(jsonPath("$.key_service").value(containsString("API")));
        mvc.perform(get(BASE + "/discovery.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/discovery/endpoints/endpoint/formats/format[2]").string("application/json"))
                .andExpect(xpath("/discovery/endpoints/endpoint/type").string("production"));
    }

    @Test
    void everyCategoryWithoutSubcategoriesIsAServiceGroupedByItsParent() throws Exception {
        mvc.perform(get(BASE + "/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[?(@.service_code == 'ENV.NOISE')].service_name").value(hasItem("噪声污染")))
                .andExpect(jsonPath("$[?(@.service_code == 'ENV.NOISE')].group").value(hasItem("生态环境")))
                .andExpect(jsonPath("$[?(@.service_code == 'ENV.NOISE')].metadata").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.service_code == 'ENV.NOISE')].type").value(hasItem("batch")))
                .andExpect(jsonPath("$[?(@.service_code == 'ENV.NOISE')].keywords").value(hasItem(containsString("Noise"))))
                .andExpect(jsonPath("$[?(@.service_code == 'OTHER')].group").value(hasItem("其他")))
                .andExpect(jsonPath("$[*].service_code").value(not(hasItem("ENV"))));
        mvc.perform(get(BASE + "/services.xml").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/services/service[service_code='ENV.NOISE']/service_name").string("Noise"))
                .andExpect(xpath("/services/service[service_code='ENV.NOISE']/group").string("Environment"))
                .andExpect(xpath("/services/service[service_code='ENV.NOISE']/type").string("batch"))
                .andExpect(xpath("/services/service[service_code='ENV']").doesNotExist());
    }

    @Test
    void aServiceDefinitionOffersCaseTypeUrgencyDistrictAndConsentAsLists() throws Exception {
        mvc.perform(get(BASE + "/services/ENV.NOISE.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("ENV.NOISE"))
                .andExpect(jsonPath("$.attributes[0].code").value("case_type"))
                .andExpect(jsonPath("$.attributes[0].datatype").value("singlevaluelist"))
                .andExpect(jsonPath("$.attributes[0].variable").value(true))
                .andExpect(jsonPath("$.attributes[0].order").value(1))
                .andExpect(jsonPath("$.attributes[0].values[?(@.key == 'COMPLAINT')].name").value(hasItem("投诉")))
                .andExpect(jsonPath("$.attributes[1].code").value("urgency"))
                .andExpect(jsonPath("$.attributes[2].values[*].key").value(hasItem("DC")))
                .andExpect(jsonPath("$.attributes[3].code").value("consent_to_publish"));
        mvc.perform(get(BASE + "/services/ENV.NOISE.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_definition/service_code").string("ENV.NOISE"))
                .andExpect(xpath("/service_definition/attributes/attribute[1]/code").string("case_type"))
                .andExpect(xpath("/service_definition/attributes/attribute[2]/values/value[key='URGENT']/name").string("紧急"))
                .andExpect(xpath("/service_definition/attributes/attribute[1]/datatype_description").string(""));
        mvc.perform(get(BASE + "/services/NO.SUCH.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(containsString("NO.SUCH")));
        mvc.perform(get(BASE + "/services/NO.SUCH.xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
    }

    @Test
    void aSubmissionWithAGoodKeyBecomesExactlyOneCaseAndItsTokenThenResolvesToTheCaseNumber() throws Exception {
        IntakeQueueDrain.drainAll(queue);
        long before = cases.count();
        JsonNode answer = json.readTree(mvc.perform(submission("json", "attribute[case_type]", "COMPLAINT",
                        "attribute[urgency]", "URGENT", "attribute[district]", "DC"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].token").isString())
                .andExpect(jsonPath("$[0].service_notice").isString())
                .andReturn().getResponse().getContentAsString());
        String token = answer.get(0).get("token").asText();

        mvc.perform(get(BASE + "/tokens/" + token + ".json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));

        assertThat(IntakeQueueDrain.drainAll(queue)).isEqualTo(1);
        assertThat(cases.count()).isEqualTo(before + 1);
        String number = json.readTree(mvc.perform(get(BASE + "/tokens/" + token + ".json"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[0].token").value(token))
                        .andReturn().getResponse().getContentAsString())
                .get(0).get("service_request_id").asText();
        mvc.perform(get(BASE + "/tokens/" + token + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(number))
                .andExpect(xpath("/service_requests/request/token").string(token));

        HotlineCase theCase = cases.findByCaseNumber(number).orElseThrow();
        assertThat(theCase.getChannel()).isEqualTo(Channel.OPEN311);
        assertThat(theCase.getCategoryCode()).isEqualTo("ENV.NOISE");
        assertThat(theCase.getType()).isEqualTo(CaseType.COMPLAINT);
        assertThat(theCase.getUrgency()).isEqualTo(Urgency.URGENT);
        assertThat(theCase.getDistrictCode()).isEqualTo("DC");
        assertThat(theCase.getContact().name()).isEqualTo("李四");
        assertThat(theCase.getContact().phone()).isEqualTo("13912345678");
        assertThat(theCase.getLocation()).isEqualTo("东华路18号楼前 (39.915123, 116.404321)");
        tx.executeWithoutResult(s -> assertThat(cases.findByCaseNumber(number).orElseThrow().getAttachments())
                .singleElement().satisfies(a -> assertThat(a.storageRef()).isEqualTo("https://photos.example.cn/p/1.jpg")));

        String body = mvc.perform(get(BASE + "/requests/" + number + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(number))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已登记，等待受理"))
                .andExpect(jsonPath("$[0].service_code").value("ENV.NOISE"))
                .andExpect(jsonPath("$[0].service_name").value("噪声污染"))
                .andExpect(jsonPath("$[0].lat").value(39.915123))
                .andExpect(jsonPath("$[0].long").value(116.404321))
                .andExpect(jsonPath("$[0].address").value("东华路[门牌]前"))
                .andExpect(jsonPath("$[0].description").value("李*反映：工地凌晨两点还在打桩，我的电话[电话]。"))
                .andExpect(jsonPath("$[0].media_url").isEmpty())
                .andExpect(jsonPath("$[0].requested_datetime").value(w3c(theCase.getReceivedAt())))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("李四", "13912345678", "lisi@example.cn");

        IntakeQueueDrain.drainAll(queue);
        assertThat(cases.count()).isEqualTo(before + 1);
    }

    @Test
    void theReplyAndTheMediaLinkAreShownOnlyOnceTheCitizenAgreedAndTheCaseIsPublished() throws Exception {
        String published = submitAndConsume("true");
        String unpublished = submitAndConsume("false");
        String answer = "已安排城管队员到场，李四反映的施工已停止。";
        actions.reviewIntake(dispatcher(organisation), published, IntakeDecision.ANSWER, answer, null, null);
        actions.reviewIntake(dispatcher(organisation), unpublished, IntakeDecision.ANSWER, answer, null, null);

        mvc.perform(get(BASE + "/requests/" + published + ".json"))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("已办结。办理结果：已安排城管队员到场，李*反映的施工已停止。"))
                .andExpect(jsonPath("$[0].media_url").value("https://photos.example.cn/p/1.jpg"));
        mvc.perform(get(BASE + "/requests/" + unpublished + ".xml"))
                .andExpect(xpath("/service_requests/request/status").string("closed"))
                .andExpect(xpath("/service_requests/request/status_notes").string("已办结"))
                .andExpect(xpath("/service_requests/request/media_url").string(""));
    }

    private String submitAndConsume(String consent) throws Exception {
        String token = json.readTree(mvc.perform(submission("json", "attribute[consent_to_publish]", consent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get(0).get("token").asText();
        IntakeQueueDrain.drainAll(queue);
        return json.readTree(mvc.perform(get(BASE + "/tokens/" + token + ".json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get(0).get("service_request_id").asText();
    }

    @Test
    void theXmlSubmissionAnswersWithTheTokenInTheStandardsShape() throws Exception {
        mvc.perform(submission("xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/service_requests/request/token").exists())
                .andExpect(xpath("/service_requests/request/service_notice").exists());
        IntakeQueueDrain.drainAll(queue);
    }

    @Test
    void badSubmissionsAnswerWithTheStandardsErrorsAndQueueNothing() throws Exception {
        IntakeQueueDrain.drainAll(queue);
        long before = cases.count();
        int queued = queuedOpen311();

        mvc.perform(submission("json", "api_key", "guessed-key"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value(containsString("api_key")));
        mvc.perform(submission("xml", "api_key", "guessed-key"))
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"))
                .andExpect(xpath("/errors/error/description").string(containsString("api_key")));
        mvc.perform(submission("json", "service_code", "NO.SUCH"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(containsString("NO.SUCH")));
        mvc.perform(submission("xml", "service_code", "ENV"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
        mvc.perform(post(BASE + "/requests.json").param("api_key", KEY).param("service_code", "ENV.NOISE")
                        .param("description", "工地夜间施工"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("lat")));
        mvc.perform(post(BASE + "/requests.json").param("api_key", KEY).param("service_code", "ENV.NOISE")
                        .param("lat", "39.9").param("description", "工地夜间施工"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/requests.json").param("api_key", KEY).param("service_code", "ENV.NOISE")
                        .param("lat", "139.9").param("long", "116.4").param("description", "工地夜间施工"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("139.9")));
        mvc.perform(post(BASE + "/requests.xml").param("api_key", KEY).param("service_code", "ENV.NOISE")
                        .param("address_string", "东华路口").param("description", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/description").string(containsString("description")));
        mvc.perform(submission("json", "attribute[urgency]", "PANIC"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("PANIC")));
        mvc.perform(submission("json", "media_url", "file:///etc/passwd"))
                .andExpect(status().isBadRequest());
        mvc.perform(submission("yaml")).andExpect(status().isNotFound());

        assertThat(queuedOpen311()).isEqualTo(queued);
        IntakeQueueDrain.drainAll(queue);
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void theRequestListFiltersByStatusServiceAndDateAndShowsNoPersonalData() throws Exception {
        Instant now = Instant.now();
        HotlineCase open = caseIntake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "DC", Urgency.NORMAL, true, false,
                now.minus(2, ChronoUnit.DAYS)), IntakeDecision.REVIEW, null, "test").theCase();
        actions.reviewIntake(dispatcher(organisation), open.getCaseNumber(), IntakeDecision.DISPATCH, null, null, null);
        HotlineCase dispatched = cases.findByCaseNumber(open.getCaseNumber()).orElseThrow();
        HotlineCase closed = caseIntake.open(request(CaseType.CONSULTATION, "LABOUR.SOCIAL", "XC", Urgency.NORMAL, true,
                false, now.minus(3, ChronoUnit.DAYS)), IntakeDecision.ANSWER,
                "张三丰您好，社保卡可在任一银行网点补办，咨询电话13812345678。", "agent").theCase();
        HotlineCase old = caseIntake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "DC", Urgency.NORMAL, true, false,
                now.minus(200, ChronoUnit.DAYS)), IntakeDecision.REVIEW, null, "test").theCase();
        HotlineCase secret = caseIntake.open(request(CaseType.REPORT, "ENV.NOISE", "DC", Urgency.NORMAL, false, true,
                now.minus(1, ChronoUnit.DAYS)), IntakeDecision.REVIEW, null, "test").theCase();
        assertThat(dispatched.getStatus()).isEqualTo(CaseStatus.DISPATCHED);

        // A window around this test's cases: other test classes share the database and fill the newest 1000.
        String all = mvc.perform(get(BASE + "/requests.json")
                        .param("start_date", w3c(now.minus(4, ChronoUnit.DAYS)))
                        .param("end_date", w3c(now.minus(12, ChronoUnit.HOURS))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(open.getCaseNumber())))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(closed.getCaseNumber())))
                .andExpect(jsonPath("$[*].service_request_id").value(not(hasItem(old.getCaseNumber()))))
                .andExpect(jsonPath("$[*].service_request_id").value(not(hasItem(secret.getCaseNumber()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(all).doesNotContain("张三丰", "13812345678", "402室").contains("张**");

        mvc.perform(get(BASE + "/requests/" + open.getCaseNumber() + ".json"))
                .andExpect(jsonPath("$[0].agency_responsible").value("市生态环境局"))
                .andExpect(jsonPath("$[0].expected_datetime").value(w3c(dispatched.getHandleBy())))
                .andExpect(jsonPath("$[0].status_notes").value("已转交承办单位，等待签收"))
                .andExpect(jsonPath("$[0].address").value("东华路[门牌]"));
        mvc.perform(get(BASE + "/requests/" + closed.getCaseNumber() + ".xml").header("Accept-Language", "en-GB"))
                .andExpect(xpath("/service_requests/request/status").string("closed"))
                .andExpect(xpath("/service_requests/request/service_name").string("Social insurance"))
                .andExpect(xpath("/service_requests/request/status_notes")
                        .string("Closed. Result: 张**您好，社保卡可在任一银行网点补办，咨询电话[电话]。"))
                .andExpect(xpath("/service_requests/request/expected_datetime").string(""));

        mvc.perform(get(BASE + "/requests.json").param("status", "closed")
                        .param("start_date", w3c(now.minus(4, ChronoUnit.DAYS))).param("end_date", w3c(now.minus(12, ChronoUnit.HOURS))))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(closed.getCaseNumber())))
                .andExpect(jsonPath("$[*].service_request_id").value(not(hasItem(open.getCaseNumber()))))
                .andExpect(jsonPath("$[*].status").value(not(hasItem("open"))));
        mvc.perform(get(BASE + "/requests.xml").param("status", "open").param("service_code", "ENV.NOISE,URBAN.ROAD")
                        .param("start_date", w3c(now.minus(4, ChronoUnit.DAYS))).param("end_date", w3c(now.minus(12, ChronoUnit.HOURS))))
                .andExpect(xpath("/service_requests/request[service_request_id='%s']", open.getCaseNumber()).exists())
                .andExpect(xpath("/service_requests/request[service_request_id='%s']", closed.getCaseNumber()).doesNotExist())
                .andExpect(xpath("/service_requests/request[service_code!='ENV.NOISE' and service_code!='URBAN.ROAD']").doesNotExist());
        mvc.perform(get(BASE + "/requests.json")
                        .param("start_date", w3c(now.minus(201, ChronoUnit.DAYS)))
                        .param("end_date", w3c(now.minus(199, ChronoUnit.DAYS))))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(old.getCaseNumber())))
                .andExpect(jsonPath("$[*].service_request_id").value(not(hasItem(open.getCaseNumber()))));
        mvc.perform(get(BASE + "/requests.json").param("service_request_id",
                        open.getCaseNumber() + "," + old.getCaseNumber() + "," + secret.getCaseNumber())
                        .param("status", "closed"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].service_request_id").value(not(hasItem(secret.getCaseNumber()))));

        mvc.perform(get(BASE + "/requests/" + secret.getCaseNumber() + ".json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get(BASE + "/requests/" + secret.getCaseNumber() + ".xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
        mvc.perform(get(BASE + "/requests.json").param("start_date", "last tuesday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("start_date")));
        mvc.perform(get(BASE + "/requests.json").param("status", "pending"))
                .andExpect(status().isBadRequest());
    }

    /** A complete submission as the standard's example makes it; {@code overrides} are name, value pairs. */
    private MockHttpServletRequestBuilder submission(String format, String... overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "ENV.NOISE");
        form.put("lat", "39.9151234");
        form.put("long", "116.404321");
        form.put("address_string", "东华路18号楼前");
        form.put("description", "李四反映：工地凌晨两点还在打桩，我的电话13912345678。");
        form.put("first_name", "四");
        form.put("last_name", "李");
        form.put("phone", "13912345678");
        form.put("email", "lisi@example.cn");
        form.put("device_id", "tt222111");
        form.put("media_url", "https://photos.example.cn/p/1.jpg");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder post = post(BASE + "/requests." + format)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(post::param);
        return post;
    }

    private int queuedOpen311() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM intake_queue_message WHERE channel = 'OPEN311'", Integer.class);
    }

    private static String w3c(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
