package org.hotline8890.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.hotline8890.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The citizen limits through the real API, with small limits so they are reached quickly: 3
 * submissions and 8 look-ups a minute per address, 3 wrong codes per case number and 5 per address
 * in 15 minutes. Each test calls from addresses of its own; time moves by the clock, not by sleeping.
 */
@SpringBootTest(properties = {
        "hotline.abuse.submissions.count=3", "hotline.abuse.submissions.period=1m",
        "hotline.abuse.lookups.count=8", "hotline.abuse.lookups.period=1m",
        "hotline.abuse.failures-per-case.count=3", "hotline.abuse.failures-per-case.period=15m",
        "hotline.abuse.failures-per-address.count=5", "hotline.abuse.failures-per-address.period=15m",
        "hotline.abuse.trusted-proxies=10.0.0.1,10.0.0.2"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class CitizenLimitsTest {

    private static final String REQUEST = """
            {"type":"COMPLAINT","category":"ENV.NOISE","district":"DC","subject":"夜间施工",
             "content":"工地每晚施工到凌晨","phone":"13812345678"}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestClock clock;

    private Instant now;

    @BeforeEach
    void fixTheTime() {
        // Far from other tests' buckets: every test here also uses addresses of its own.
        now = Instant.parse("2030-03-04T02:00:00Z");
        clock.setTo(now);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void submissionsAreRefusedFromTheConfiguredCountOnWithRetryAfterWhileOtherAddressesCarryOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            submit("203.0.113.1").andExpect(status().isCreated());
        }
        submit("203.0.113.1").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "20"))
                .andExpect(jsonPath("$.code").value("request.tooMany"))
                .andExpect(jsonPath("$.message").value("操作过于频繁，请 20 秒后再试；如有急事请拨打热线。"))
                .andExpect(jsonPath("$.fields").isEmpty());
        submit("203.0.113.2").andExpect(status().isCreated());
    }

    @Test
    void theMailboxFormAndOpen311SubmissionsShareTheSubmissionLimit() throws Exception {
        for (int i = 0; i < 3; i++) {
            submit("203.0.113.12").andExpect(status().isCreated());
        }
        mvc.perform(multipart("/api/citizen/mailbox").param("subject", "市长信箱").param("content", "内容")
                        .with(from("203.0.113.12")))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("request.tooMany"));
        mvc.perform(post("/open311/v2/requests.json").param("service_code", "ENV.NOISE").with(from("203.0.113.12")))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("request.tooMany"));
        // Reading Open311 is not a submission.
        mvc.perform(get("/open311/v2/services.json").with(from("203.0.113.12"))).andExpect(status().isOk());
    }

    @Test
    void theRefusalSpeaksEnglishWhenAskedTo() throws Exception {
        for (int i = 0; i < 3; i++) {
            submit("203.0.113.3").andExpect(status().isCreated());
        }
        mvc.perform(submission("203.0.113.3").header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.message").value(
                        "Too many attempts. Please try again in 20 seconds, or call the hotline if it is urgent."));
    }

    @Test
    void theWindowRefillsAsTimePasses() throws Exception {
        for (int i = 0; i < 3; i++) {
            submit("203.0.113.4").andExpect(status().isCreated());
        }
        submit("203.0.113.4").andExpect(status().isTooManyRequests());
        moveOn(Duration.ofSeconds(19));
        submit("203.0.113.4").andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));
        moveOn(Duration.ofSeconds(1));
        submit("203.0.113.4").andExpect(status().isCreated());
        submit("203.0.113.4").andExpect(status().isTooManyRequests());
        moveOn(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            submit("203.0.113.4").andExpect(status().isCreated());
        }
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() throws Exception {
        // A client writing its own X-Forwarded-For is still counted against its own address.
        for (int i = 0; i < 3; i++) {
            mvc.perform(submission("203.0.113.5").header("X-Forwarded-For", "198.51.100." + i))
                    .andExpect(status().isCreated());
        }
        mvc.perform(submission("203.0.113.5").header("X-Forwarded-For", "198.51.100.99"))
                .andExpect(status().isTooManyRequests());
        // Behind our proxies, each client has its own limit, whatever it put in front of the header.
        for (int i = 0; i < 3; i++) {
            mvc.perform(submission("10.0.0.1").header("X-Forwarded-For", "spoofed-" + i + ", 198.51.100.10, 10.0.0.2"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(submission("10.0.0.1").header("X-Forwarded-For", "198.51.100.10"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(submission("10.0.0.1").header("X-Forwarded-For", "198.51.100.11"))
                .andExpect(status().isCreated());
    }

    @Test
    void lookupsAndRatingsShareTheirOwnLimit() throws Exception {
        JsonNode submitted = created("203.0.113.6");
        for (int i = 0; i < 7; i++) {
            lookup("203.0.113.7", submitted.get("caseNumber").asText(), submitted.get("queryCode").asText())
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/citizen/cases/" + submitted.get("caseNumber").asText() + "/feedback")
                        .with(from("203.0.113.7")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"queryCode\":\"" + submitted.get("queryCode").asText() + "\",\"rating\":\"SATISFIED\"}"))
                .andExpect(status().isConflict());
        lookup("203.0.113.7", submitted.get("caseNumber").asText(), submitted.get("queryCode").asText())
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "8"));
        // Submitting is counted apart.
        submit("203.0.113.7").andExpect(status().isCreated());
        lookup("203.0.113.8", submitted.get("caseNumber").asText(), submitted.get("queryCode").asText())
                .andExpect(status().isOk());
    }

    @Test
    void guessingOneCaseNumbersCodeLocksThatCaseForEveryoneForAWhileAndIsLogged(CapturedOutput output) throws Exception {
        JsonNode submitted = created("203.0.113.9");
        String number = submitted.get("caseNumber").asText();
        String code = submitted.get("queryCode").asText();
        for (int i = 0; i < 3; i++) {
            lookup("192.0.2.66", number, "WRONG23" + i).andExpect(status().isNotFound());
        }
        // The guesser cannot tell the right code from a wrong one any more.
        lookup("192.0.2.66", number, code).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("request.tooMany"));
        assertThat(output).containsPattern("WARN .*Query-code look-up throttled: case number " + number
                + " from address 192\\.0\\.2\\.66");
        // The owner, from elsewhere, is refused too until the count refills: one wrong code per 5 minutes.
        lookup("203.0.113.9", number, code).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "300"));
        assertThat(output).contains("case number " + number + " from address 203.0.113.9");
        // Rating the case is guarded in the same way.
        mvc.perform(post("/api/citizen/cases/" + number + "/feedback").with(from("203.0.113.9"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"queryCode\":\"" + code + "\",\"rating\":\"SATISFIED\"}"))
                .andExpect(status().isTooManyRequests());
        // Other cases are unaffected.
        JsonNode other = created("203.0.113.10");
        lookup("203.0.113.10", other.get("caseNumber").asText(), other.get("queryCode").asText())
                .andExpect(status().isOk());
        moveOn(Duration.ofMinutes(5));
        lookup("203.0.113.9", number, code).andExpect(status().isOk());
    }

    @Test
    void oneAddressGuessingAcrossManyCaseNumbersIsRefusedEverywhere() throws Exception {
        for (int i = 0; i < 5; i++) {
            lookup("192.0.2.77", "8890-20300304-00010" + i, "WRONG234").andExpect(status().isNotFound());
        }
        lookup("192.0.2.77", "8890-20300304-000200", "WRONG234").andExpect(status().isTooManyRequests());
        JsonNode submitted = created("203.0.113.11");
        lookup("192.0.2.77", submitted.get("caseNumber").asText(), submitted.get("queryCode").asText())
                .andExpect(status().isTooManyRequests());
        // An unknown number is counted like a real one, so the refusal says nothing about existence.
        lookup("192.0.2.78", "8890-20300304-000100", "WRONG234").andExpect(status().isNotFound());
    }

    private void moveOn(Duration duration) {
        now = now.plus(duration);
        clock.setTo(now);
    }

    private ResultActions submit(String address) throws Exception {
        return mvc.perform(submission(address));
    }

    private MockHttpServletRequestBuilder submission(String address) {
        return post("/api/citizen/requests").with(from(address)).contentType(MediaType.APPLICATION_JSON).content(REQUEST);
    }

    private JsonNode created(String address) throws Exception {
        return json.readTree(submit(address).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private ResultActions lookup(String address, String number, String code) throws Exception {
        return mvc.perform(post("/api/citizen/cases/lookup").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseNumber\":\"" + number + "\",\"queryCode\":\"" + code + "\"}"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
