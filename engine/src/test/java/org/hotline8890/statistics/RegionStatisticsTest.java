package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.request;
import static org.hotline8890.TestCases.staff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.CaseTransfers;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each region's figures against hand-counted cases (February 2032, a month no other test uses): a region
 * counts the cases it holds from the moment they reached it, and its transfers out, in and refused back.
 *
 * <pre>
 * case  received (region)     then                                   February: CITY          LS
 * A1    02-03 CITY            stays under review                     received
 * A2    02-04 CITY            02-04 to LS; LS answers it directly    out                     received, in, answered
 * A3    02-06 CITY            02-06 to LS; 02-07 LS refuses it back  received (02-07), out   in, refused back
 * A4    01-31 CITY            02-02 to LS                            out                     received, in
 * L1    02-08 LS              stays under review                                             received
 * </pre>
 * So February: CITY received 2, out 3, in 0, refused 0; LS received 3 (one answered directly), out 0,
 * in 3, refused back 1. January: A4 left CITY in February, so CITY's January counts no case.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class RegionStatisticsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseTransfers transfers;
    @Autowired Organisation organisation;
    @Autowired TestClock clock;

    Staff dispatcher;
    Staff lsDispatcher;

    @BeforeEach
    void staffOfBothCenters() {
        dispatcher = staff(organisation, "dispatcher", Role.DISPATCHER, "CENTER");
        lsDispatcher = staff(organisation, "ls-dispatcher", Role.DISPATCHER, "LS-CENTER");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachRegionCountsItsOwnCasesFromTheirArrivalAndItsTransfers() throws Exception {
        receivedInTheDemoCity("2032-02-03T02:00:00Z");
        String a2 = receivedInTheDemoCity("2032-02-04T02:00:00Z");
        at("2032-02-04T03:00:00Z");
        transfers.transfer(dispatcher, a2, "LS", "属临山市管辖");
        at("2032-02-05T02:00:00Z");
        actions.reviewIntake(lsDispatcher, a2, IntakeDecision.ANSWER, "已电话告知市民临山市的办理渠道", null, null);
        String a3 = receivedInTheDemoCity("2032-02-06T02:00:00Z");
        at("2032-02-06T03:00:00Z");
        transfers.transfer(dispatcher, a3, "LS", "属临山市管辖");
        at("2032-02-07T02:00:00Z");
        transfers.refuse(lsDispatcher, a3, "地址在示范市东城区");
        String a4 = receivedInTheDemoCity("2032-01-31T04:00:00Z");
        at("2032-02-02T02:00:00Z");
        transfers.transfer(dispatcher, a4, "LS", "属临山市管辖");
        Instant l1 = at("2032-02-08T02:00:00Z");
        intake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "LS-QS", Urgency.NORMAL, true, false, l1),
                IntakeDecision.REVIEW, null, "channel:web");
        at("2032-03-01T02:00:00Z");

        JsonNode february = regions("2032-02-01", "2032-02-29");
        JsonNode city = february.get(0);
        assertThat(city.get("code").asText()).isEqualTo("CITY");
        assertThat(city.get("figures").get("received").asInt()).isEqualTo(2);
        assertThat(city.get("figures").get("intakeDecided").asInt()).isZero();
        assertThat(city.get("transferredOut").asInt()).isEqualTo(3);
        assertThat(city.get("transferredIn").asInt()).isZero();
        assertThat(city.get("refusedBack").asInt()).isZero();
        JsonNode ls = february.get(1);
        assertThat(ls.get("code").asText()).isEqualTo("LS");
        assertThat(ls.get("figures").get("received").asInt()).isEqualTo(3);
        assertThat(ls.get("figures").get("intakeDecided").asInt()).isEqualTo(1);
        assertThat(ls.get("figures").get("answeredDirectly").asInt()).isEqualTo(1);
        assertThat(ls.get("figures").get("directAnswerRate").asDouble()).isEqualTo(1.0);
        assertThat(ls.get("transferredOut").asInt()).isZero();
        assertThat(ls.get("transferredIn").asInt()).isEqualTo(3);
        assertThat(ls.get("refusedBack").asInt()).isEqualTo(1);

        JsonNode january = regions("2032-01-01", "2032-01-31");
        assertThat(january.get(0).get("figures").get("received").asInt()).as("A4 counts for LS from its transfer on")
                .isZero();
        assertThat(january.get(1).get("figures").get("received").asInt()).isZero();
        assertThat(january.get(0).get("transferredOut").asInt()).isZero();
    }

    private String receivedInTheDemoCity(String when) {
        Instant at = at(when);
        return intake.open(noiseComplaint(at), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
    }

    private Instant at(String when) {
        Instant at = Instant.parse(when);
        clock.setTo(at);
        return at;
    }

    private JsonNode regions(String from, String to) throws Exception {
        return json.readTree(mvc.perform(get("/api/public/statistics/regions").param("from", from).param("to", to))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("regions");
    }
}
