package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Consumer;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Organisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The statistics with sub-centers (docs/metrics.md, "Sub-centers"), on GET /api/public/statistics against a
 * hand-computed set stored in September 2023, a period no other test writes to. Every deadline lies long
 * before the moment of computation, so every case is decided.
 *
 * <pre>
 *  #   dispatched to   sub-center sign (due 11:00)   then                                     department now
 *  T1  DC (sub-center) 10:00 on time                 DC-DH signs 12:00 (due 13:00), replies      DC-DH
 *                                                    09-06 09:00 (48 h), sub-center approves, rated
 *  T2  DC              12:00 late                    DC-CGJ never signs (due 14:00)             DC-CGJ
 *  T3  DC              never                         —                                          DC (the sub-center holds it)
 *  T4  XC (sub-center) 10:30 on time                 XC-XH signs 14:00 (due 13:00): late        XC-XH
 *  T5  DC              10:00 on time                 DC-DH returns, DC passes it up, the city   HBJ (no sub-center any more)
 *                                                    re-dispatches to HBJ, signed on time
 * </pre>
 * and, in October, T6 through two nested sub-centers: DC signs 10:00 (due 11:00, on time) and re-dispatches
 * to street office DC-DH, which runs its own sub-center; DC-DH signs 14:00 (due 13:00, late) and re-dispatches
 * to community DC-DH-01, which signs 15:00 (due 16:00, on time).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubCenterStatisticsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseRepository cases;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired Organisation organisation;

    JsonNode report;
    JsonNode october;

    @BeforeAll
    void storeTheCasesAndAskForSeptember() throws Exception {
        store("09-04 08:00", "DC", c -> {   // T1
            c.dispatchToSubCenter(unit("DC"), deadlines("09-04 11:00", "09-11 23:59:59"), "center", at("09-04 09:00"));
            c.signForSubCenter("district-dc", at("09-04 10:00"));
            c.redispatchInSubtree(unit("DC-DH"), false, at("09-04 13:00"), true, "DC → DC-DH", "district-dc", at("09-04 11:00"));
            c.signFor("street", at("09-04 12:00"));
            c.reply("已处理", "street", at("09-06 09:00"));
            c.approveReplyAtSubCenter("district-dc", at("09-06 10:00"));
            c.acceptReply("center", at("09-06 11:00"));
            c.requestFeedback(Duration.ofDays(3), at("09-06 11:00"));
            c.recordFeedback(Satisfaction.SATISFIED, null, "citizen", at("09-06 12:00"));
            c.closeWithFeedback(at("09-06 12:00"));
        });
        store("09-05 08:00", "DC", c -> {   // T2
            c.dispatchToSubCenter(unit("DC"), deadlines("09-05 11:00", "09-12 23:59:59"), "center", at("09-05 09:00"));
            c.signForSubCenter("district-dc", at("09-05 12:00"));
            c.redispatchInSubtree(unit("DC-CGJ"), false, at("09-05 14:00"), true, "DC → DC-CGJ", "district-dc", at("09-05 12:30"));
        });
        store("09-06 08:00", "DC", c ->     // T3
            c.dispatchToSubCenter(unit("DC"), deadlines("09-06 11:00", "09-13 23:59:59"), "center", at("09-06 09:00")));
        store("09-07 08:00", "XC", c -> {   // T4
            c.dispatchToSubCenter(unit("XC"), deadlines("09-07 11:00", "09-14 23:59:59"), "center", at("09-07 09:00"));
            c.signForSubCenter("district-xc", at("09-07 10:30"));
            c.redispatchInSubtree(unit("XC-XH"), false, at("09-07 13:00"), true, "XC → XC-XH", "district-xc", at("09-07 10:45"));
            c.signFor("street", at("09-07 14:00"));
        });
        store("09-08 08:00", "DC", c -> {   // T5
            c.dispatchToSubCenter(unit("DC"), deadlines("09-08 11:00", "09-15 23:59:59"), "center", at("09-08 09:00"));
            c.signForSubCenter("district-dc", at("09-08 10:00"));
            c.redispatchInSubtree(unit("DC-DH"), false, at("09-08 13:00"), true, "DC → DC-DH", "district-dc", at("09-08 10:30"));
            c.returnToSubCenter("不属于街道", "street", at("09-08 11:00"));
            c.passReturnUp("属于市级部门职责", "district-dc", at("09-08 11:30"));
            c.chooseDepartment(unit("HBJ"), 3);
            c.dispatchTo(unit("HBJ"), deadlines("09-08 14:00", "09-15 23:59:59"), "center", at("09-08 12:00"));
            c.signFor("hbj", at("09-08 13:00"));
        });

        store("10-09 08:00", "DC", c -> {   // T6
            c.dispatchToSubCenter(unit("DC"), deadlines("10-09 11:00", "10-16 23:59:59"), "center", at("10-09 09:00"));
            c.signForSubCenter("district-dc", at("10-09 10:00"));
            c.redispatchInSubtree(unit("DC-DH"), true, at("10-09 13:00"), true, "DC → DC-DH", "district-dc", at("10-09 10:30"));
            c.signForSubCenter("dept-dc-street", at("10-09 14:00"));
            c.redispatchInSubtree(unit("DC-DH-01"), false, at("10-09 16:00"), true, "DC-DH → DC-DH-01", "dept-dc-street",
                    at("10-09 14:30"));
            c.signFor("community", at("10-09 15:00"));
        });
        october = json.readTree(mvc.perform(get("/api/public/statistics")
                        .param("from", "2023-10-01").param("to", "2023-10-31")
                        .param("level", "CITY,DISTRICT,STREET,COMMUNITY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        report = json.readTree(mvc.perform(get("/api/public/statistics")
                        .param("from", "2023-09-01").param("to", "2023-09-30")
                        .param("level", "CITY,DISTRICT,STREET,DEPARTMENT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /* DC's sub-center: T1 on time, T2 late, T3 never signed and past due. Not T5: re-dispatched by the city since. */
    @Test
    void aSubCenterIsJudgedOnItsOwnSigningOfTheCasesTheCitySentIt() throws Exception {
        assertThat(unit("DC", "DISTRICT").get("subCenterSigning")).isEqualTo(json.readTree("""
                {"cases":3,"signDecided":3,"signedOnTime":1,"onTimeSignRate":0.3333}"""));
        assertThat(unit("XC", "DISTRICT").get("subCenterSigning")).isEqualTo(json.readTree("""
                {"cases":1,"signDecided":1,"signedOnTime":1,"onTimeSignRate":1.0}"""));
    }

    /* The city rolls up every sub-center below it (T1–T4, two on time); a street runs none. */
    @Test
    void subCenterSigningRollsUpTheTree() throws Exception {
        assertThat(unit("CITY", "CITY").get("subCenterSigning")).isEqualTo(json.readTree("""
                {"cases":4,"signDecided":4,"signedOnTime":2,"onTimeSignRate":0.5}"""));
        assertThat(unit("DC-DH", "STREET").get("subCenterSigning")).isEqualTo(json.readTree("""
                {"cases":0,"signDecided":0,"signedOnTime":0,"onTimeSignRate":null}"""));
    }

    /*
     * The handling figures count the unit that handles each case and roll up: DC has T1 (its street, signed
     * on time, replied in 48 h), T2 (its bureau, never signed) and T3 (itself, never signed); the street
     * and the bureau each count their own, and XC counts its street's late signing.
     */
    @Test
    void theUnitThatHandlesACaseCountsItAndItsDistrictRollsItUp() {
        JsonNode dc = figures("DC", "DISTRICT");
        assertThat(dc.get("dispatched").asInt()).isEqualTo(3);
        assertThat(dc.get("signDecided").asInt()).isEqualTo(3);
        assertThat(dc.get("signedOnTime").asInt()).isEqualTo(1);
        assertThat(dc.get("replied").asInt()).isEqualTo(1);
        assertThat(dc.get("averageHandlingHours").asDouble()).isEqualTo(48.0);
        assertThat(dc.get("returned").asInt()).isZero();
        JsonNode street = figures("DC-DH", "STREET");
        assertThat(street.get("dispatched").asInt()).isEqualTo(1);
        assertThat(street.get("signedOnTime").asInt()).isEqualTo(1);
        assertThat(street.get("completedOnTime").asInt()).isEqualTo(1);
        JsonNode bureau = figures("DC-CGJ", "DEPARTMENT");
        assertThat(bureau.get("signDecided").asInt()).isEqualTo(1);
        assertThat(bureau.get("signedOnTime").asInt()).isZero();
        JsonNode xc = figures("XC", "DISTRICT");
        assertThat(xc.get("signDecided").asInt()).isEqualTo(1);
        assertThat(xc.get("signedOnTime").asInt()).isZero();
    }

    /* T5 was passed up by DC's sub-center and re-dispatched by the city: the whole case, its return included, is HBJ's. */
    @Test
    void aReturnPassedUpCountsForTheUnitTheCitySendsTheCaseToNext() {
        JsonNode hbj = figures("HBJ", "DEPARTMENT");
        assertThat(hbj.get("dispatched").asInt()).isEqualTo(1);
        assertThat(hbj.get("returned").asInt()).isEqualTo(1);
        assertThat(hbj.get("signedOnTime").asInt()).isEqualTo(1);
        assertThat(unit("HBJ", "DEPARTMENT").get("subCenterSigning").get("cases").asInt()).isZero();
    }

    /*
     * T6: the sub-center signing figure is the sign-for of the sub-center the city dispatched to (DC, on time);
     * the street's nested signing (late) is in no figure; the case counts for the community and rolls up.
     */
    @Test
    void throughNestedSubCentersOnlyTheCitysSubCenterSigningCountsAndTheCaseRollsUpFromTheCommunity() throws Exception {
        assertThat(unit(october, "DC", "DISTRICT").get("subCenterSigning")).isEqualTo(json.readTree("""
                {"cases":1,"signDecided":1,"signedOnTime":1,"onTimeSignRate":1.0}"""));
        assertThat(unit(october, "CITY", "CITY").get("subCenterSigning").get("cases").asInt()).isEqualTo(1);
        assertThat(unit(october, "DC-DH", "STREET").get("subCenterSigning").get("cases").asInt()).isZero();
        for (String[] row : new String[][] {{"DC-DH-01", "COMMUNITY"}, {"DC-DH", "STREET"}, {"DC", "DISTRICT"}}) {
            JsonNode figures = unit(october, row[0], row[1]).get("figures");
            assertThat(figures.get("dispatched").asInt()).as(row[0]).isEqualTo(1);
            assertThat(figures.get("signedOnTime").asInt()).as(row[0]).isEqualTo(1);
            assertThat(figures.get("returned").asInt()).as(row[0]).isZero();
        }
    }

    private JsonNode figures(String code, String kind) {
        return unit(code, kind).get("figures");
    }

    private JsonNode unit(String code, String kind) {
        return unit(report, code, kind);
    }

    private JsonNode unit(JsonNode report, String code, String kind) {
        for (JsonNode unit : report.get("units")) {
            if (unit.get("code").asText().equals(code)) {
                assertThat(unit.get("kind").asText()).isEqualTo(kind);
                return unit;
            }
        }
        throw new AssertionError("no row for " + code + " in " + report);
    }

    private void store(String receivedAt, String district, Consumer<HotlineCase> life) {
        Instant at = at(receivedAt);
        String number = numbers.next(at);
        HotlineCase c = HotlineCase.receive(
                TestCases.request(CaseType.COMPLAINT, "URBAN.ROAD", district, Urgency.NORMAL, true, false, at),
                number, queryCodes.hash(number, queryCodes.newCode()), "test");
        life.accept(c);
        cases.save(c);
    }

    private Long unit(String code) {
        return organisation.byCode(code).orElseThrow().getId();
    }

    private static Deadlines deadlines(String signBy, String handleBy) {
        return new Deadlines(at(signBy), at(signBy), at(handleBy), true);
    }

    /** "MM-dd HH:mm[:ss]" in 2023, hotline time. */
    private static Instant at(String monthDayTime) {
        String text = "2023-" + monthDayTime.replace(' ', 'T');
        return LocalDateTime.parse(text.length() == 16 ? text + ":00" : text).atZone(ZONE).toInstant();
    }
}
