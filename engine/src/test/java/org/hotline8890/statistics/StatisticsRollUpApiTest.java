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
 * GET /api/public/statistics on the real application and database: which cases each row counts
 * (docs/metrics.md, "Which cases a unit counts: its subtree"). The cases are stored with fixed
 * instants in March 2025, a period no other test writes to, so the rows hold exactly these cases.
 * Every deadline lies long before the moment of computation, so every case is decided.
 *
 * <pre>
 *  #   district  department now          path                 what                                  in period?
 *  S1  DC        HBJ                     /CITY/HBJ/           on time, 48 h, SATISFIED, closed      yes (received 03-01 00:00, the first instant)
 *  S2  DC        DC-CGJ                  /CITY/DC/DC-CGJ/     signed late, replied late (192 h), BASICALLY_SATISFIED, closed
 *  S3  DC        DC-DH-01 (community)    /CITY/DC/DC-DH/DC-DH-01/  never signed: late twice, open, overdue
 *  S4  DC        DC-DH (street), returned by ZJJ; extension granted; replied 288 h after the re-dispatch, inside the extension; open
 *  S5  DC        —                       answered directly                                      total only
 *  S6  DC        —                       rejected                                               total only
 *  S7  DC        DC-CGJ chosen, never dispatched (AWAITING_DISPATCH): received and open only
 *  S8  XC        XC-CGJ                  on time, 24 h, VERY_SATISFIED, closed
 *  S9  DC        DC-CGJ                  received 02-28 23:59:59 local                          no
 *  S10 DC        DC-CGJ                  received 04-01 00:00 local                             no (the end is exclusive)
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsRollUpApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseRepository cases;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired Organisation organisation;

    JsonNode report;

    @BeforeAll
    void storeTheCasesAndAskForMarch() throws Exception {
        store("03-01 00:00", "DC", c -> {   // S1
            c.dispatchTo(unit("HBJ"), deadlines("03-03 11:00", "03-10 23:59:59"), "center", at("03-03 09:00"));
            c.signFor("dept", at("03-03 10:00"));
            c.reply("已处理", "dept", at("03-05 09:00"));
            rated(c, "03-05 10:00", Satisfaction.SATISFIED);
        });
        store("03-04 09:00", "DC", c -> {   // S2
            c.dispatchTo(unit("DC-CGJ"), deadlines("03-04 11:30", "03-11 23:59:59"), "center", at("03-04 09:30"));
            c.signFor("dept", at("03-04 13:00"));
            c.reply("已处理", "dept", at("03-12 09:30"));
            rated(c, "03-12 10:00", Satisfaction.BASICALLY_SATISFIED);
        });
        store("03-05 09:00", "DC", c ->     // S3
            c.dispatchTo(unit("DC-DH-01"), deadlines("03-05 12:00", "03-12 23:59:59"), "center", at("03-05 10:00")));
        store("03-06 09:00", "DC", c -> {   // S4
            c.dispatchTo(unit("ZJJ"), deadlines("03-06 12:00", "03-13 23:59:59"), "center", at("03-06 10:00"));
            c.returnToCenter("属地街道职责", "housing", at("03-06 11:00"));
            c.dispatchTo(unit("DC-DH"), deadlines("03-06 16:00", "03-13 23:59:59"), "center", at("03-06 14:00"));
            c.signFor("dept", at("03-06 15:00"));
            c.requestExtension(at("03-20 23:59:59"), "需协调多方", "dept", at("03-10 09:00"));
            c.grantExtension(at("03-19 09:00"), "center", at("03-10 10:00"));
            c.reply("已处理", "dept", at("03-18 14:00"));
        });
        store("03-07 09:00", "DC", c -> c.answerDirectly("已告知办理流程", "agent", at("03-07 09:05")));   // S5
        store("03-08 09:00", "DC", c -> c.reject("无实质内容", "center", at("03-08 09:30")));            // S6
        store("03-20 09:00", "DC", c -> c.chooseDepartment(unit("DC-CGJ"), 3));                       // S7
        store("03-07 09:00", "XC", c -> {   // S8
            c.dispatchTo(unit("XC-CGJ"), deadlines("03-07 12:00", "03-14 23:59:59"), "center", at("03-07 10:00"));
            c.signFor("dept", at("03-07 11:00"));
            c.reply("已处理", "dept", at("03-08 10:00"));
            rated(c, "03-08 11:00", Satisfaction.VERY_SATISFIED);
        });
        store("02-28 23:59:59", "DC", c ->  // S9
            c.dispatchTo(unit("DC-CGJ"), deadlines("03-03 11:00", "03-10 23:59:59"), "center", at("03-03 09:00")));
        store("04-01 00:00", "DC", c ->     // S10
            c.dispatchTo(unit("DC-CGJ"), deadlines("04-01 11:00", "04-08 23:59:59"), "center", at("04-01 09:00")));

        String body = mvc.perform(get("/api/public/statistics")
                        .param("from", "2025-03-01").param("to", "2025-03-31")
                        .param("level", "CITY,DISTRICT,STREET,DEPARTMENT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        report = json.readTree(body);
    }

    @Test
    void thePeriodIsTheLocalMonthAsUtcInstantsWithTheEndExclusive() {
        assertThat(report.get("from").asText()).isEqualTo("2025-02-28T16:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2025-03-31T16:00:00Z");
    }

    /*
     * total: S1–S8. dispatched S1,S2,S3,S4,S8 = 5. sign on time S1,S4,S8 = 3/5; replied on time
     * S1,S4,S8 = 3/5 (S2 late, S3 late with no reply); returned S4 1/5; extended S4 1/5; feedback
     * asked S1,S2,S8 = 3, none re-handled; rated 3, all satisfied; intake decided 5 dispatched + S5
     * = 6, answered 1 → 0.1667; replied S1 48 + S2 192 + S4 288 + S8 24 = 552 h / 4 = 138.0;
     * open S3,S4,S7 = 3, overdue S3.
     */
    @Test
    void theTotalCountsEveryCaseReceivedInThePeriodIncludingThoseWithoutADepartment() throws Exception {
        assertThat(report.get("total")).isEqualTo(json.readTree("""
                {"received":8,"dispatched":5,
                 "signDecided":5,"signedOnTime":3,"onTimeSignRate":0.6,
                 "handlingDecided":5,"completedOnTime":3,"onTimeCompletionRate":0.6,
                 "returned":1,"returnRate":0.2,"extended":1,"extensionRate":0.2,
                 "feedbackRequested":3,"rehandled":0,"rehandlingRate":0.0,
                 "rated":3,"satisfied":3,"satisfactionRate":1.0,
                 "intakeDecided":6,"answeredDirectly":1,"directAnswerRate":0.1667,
                 "replied":4,"averageHandlingHours":138.0,"open":3,"overdue":1,
                 "reminders":0,"supervisionOrders":0,"escalations":0}"""));
    }

    /*
     * DC: S2 (DC-CGJ), S3 (community DC-DH-01, two levels down), S4 (street DC-DH), S7 (chosen
     * DC-CGJ). Not S1: a DC complaint handled by the city's HBJ counts for HBJ. dispatched S2,S3,S4.
     * sign on time S4 = 1/3; replied on time S4 (inside its extension) = 1/3; returned S4 1/3;
     * extended S4 1/3; feedback asked S2, rated S2 satisfied; intake decided 3, answered 0;
     * replied S2 192 + S4 288 = 480 / 2 = 240.0; open S3,S4,S7 = 3, overdue S3.
     */
    @Test
    void aDistrictRollsUpItsDepartmentsStreetOfficesAndCommunitiesButNotTheCityBureaus() throws Exception {
        assertThat(row("DC", "DISTRICT")).isEqualTo(json.readTree("""
                {"received":4,"dispatched":3,
                 "signDecided":3,"signedOnTime":1,"onTimeSignRate":0.3333,
                 "handlingDecided":3,"completedOnTime":1,"onTimeCompletionRate":0.3333,
                 "returned":1,"returnRate":0.3333,"extended":1,"extensionRate":0.3333,
                 "feedbackRequested":1,"rehandled":0,"rehandlingRate":0.0,
                 "rated":1,"satisfied":1,"satisfactionRate":1.0,
                 "intakeDecided":3,"answeredDirectly":0,"directAnswerRate":0.0,
                 "replied":2,"averageHandlingHours":240.0,"open":3,"overdue":1,
                 "reminders":0,"supervisionOrders":0,"escalations":0}"""));
    }

    /* DC-DH street: S3 (its community) and S4 (itself). XC: S8 alone. */
    @Test
    void aStreetOfficeRollsUpItsCommunitiesAndAnotherDistrictKeepsItsOwn() {
        JsonNode street = row("DC-DH", "STREET");
        assertThat(street.get("received").asInt()).isEqualTo(2);
        assertThat(street.get("signedOnTime").asInt()).isEqualTo(1);
        assertThat(street.get("overdue").asInt()).isEqualTo(1);
        JsonNode xc = row("XC", "DISTRICT");
        assertThat(xc.get("received").asInt()).isEqualTo(1);
        assertThat(xc.get("averageHandlingHours").asDouble()).isEqualTo(24.0);
    }

    /* HBJ: S1 alone, although S1 came from district DC. */
    @Test
    void aCityBureauCountsTheCasesItHandlesWhicheverDistrictTheyCameFrom() throws Exception {
        assertThat(row("HBJ", "DEPARTMENT")).isEqualTo(json.readTree("""
                {"received":1,"dispatched":1,
                 "signDecided":1,"signedOnTime":1,"onTimeSignRate":1.0,
                 "handlingDecided":1,"completedOnTime":1,"onTimeCompletionRate":1.0,
                 "returned":0,"returnRate":0.0,"extended":0,"extensionRate":0.0,
                 "feedbackRequested":1,"rehandled":0,"rehandlingRate":0.0,
                 "rated":1,"satisfied":1,"satisfactionRate":1.0,
                 "intakeDecided":1,"answeredDirectly":0,"directAnswerRate":0.0,
                 "replied":1,"averageHandlingHours":48.0,"open":0,"overdue":0,
                 "reminders":0,"supervisionOrders":0,"escalations":0}"""));
    }

    /*
     * DC-CGJ: S2 and S7 (chosen, never dispatched: received and open, nothing else). Not S9 or S10,
     * received just outside the period.
     */
    @Test
    void aDepartmentCountsTheCaseChosenForItBeforeItIsDispatched() throws Exception {
        assertThat(row("DC-CGJ", "DEPARTMENT")).isEqualTo(json.readTree("""
                {"received":2,"dispatched":1,
                 "signDecided":1,"signedOnTime":0,"onTimeSignRate":0.0,
                 "handlingDecided":1,"completedOnTime":0,"onTimeCompletionRate":0.0,
                 "returned":0,"returnRate":0.0,"extended":0,"extensionRate":0.0,
                 "feedbackRequested":1,"rehandled":0,"rehandlingRate":0.0,
                 "rated":1,"satisfied":1,"satisfactionRate":1.0,
                 "intakeDecided":1,"answeredDirectly":0,"directAnswerRate":0.0,
                 "replied":1,"averageHandlingHours":192.0,"open":1,"overdue":0,
                 "reminders":0,"supervisionOrders":0,"escalations":0}"""));
    }

    /* ZJJ returned S4, which now counts for DC-DH: ZJJ's row is listed, empty, with no rates. */
    @Test
    void aReturnedCaseCountsForTheDepartmentItWasRedispatchedToAndTheEmptyRowHasNoRates() throws Exception {
        assertThat(row("ZJJ", "DEPARTMENT")).isEqualTo(json.readTree("""
                {"received":0,"dispatched":0,
                 "signDecided":0,"signedOnTime":0,"onTimeSignRate":null,
                 "handlingDecided":0,"completedOnTime":0,"onTimeCompletionRate":null,
                 "returned":0,"returnRate":null,"extended":0,"extensionRate":null,
                 "feedbackRequested":0,"rehandled":0,"rehandlingRate":null,
                 "rated":0,"satisfied":0,"satisfactionRate":null,
                 "intakeDecided":0,"answeredDirectly":0,"directAnswerRate":null,
                 "replied":0,"averageHandlingHours":null,"open":0,"overdue":0,
                 "reminders":0,"supervisionOrders":0,"escalations":0}"""));
    }

    /* CITY: every case with a department (S1–S4, S7, S8); the total also has S5 and S6. */
    @Test
    void theCityRowDiffersFromTheTotalByTheCasesWithNoDepartment() {
        JsonNode city = row("CITY", "CITY");
        assertThat(city.get("received").asInt()).isEqualTo(6);
        assertThat(city.get("dispatched").asInt()).isEqualTo(5);
        assertThat(city.get("intakeDecided").asInt()).isEqualTo(5);
        assertThat(city.get("answeredDirectly").asInt()).isZero();
    }

    @Test
    void rowsComeInTreeOrderAndOnlyOfTheKindsAskedFor() {
        var kinds = new java.util.ArrayList<String>();
        var codes = new java.util.ArrayList<String>();
        report.get("units").forEach(u -> {
            kinds.add(u.get("kind").asText());
            codes.add(u.get("code").asText());
        });
        assertThat(kinds).doesNotContain("CENTER", "COMMUNITY");
        assertThat(codes).startsWith("CITY");
        assertThat(codes.indexOf("DC")).isLessThan(codes.indexOf("DC-CGJ"));
        assertThat(codes.indexOf("DC-CGJ")).isLessThan(codes.indexOf("DC-DH"));
    }

    private JsonNode row(String code, String kind) {
        for (JsonNode unit : report.get("units")) {
            if (unit.get("code").asText().equals(code)) {
                assertThat(unit.get("kind").asText()).isEqualTo(kind);
                return unit.get("figures");
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

    private static void rated(HotlineCase c, String when, Satisfaction rating) {
        c.acceptReply("center", at(when));
        c.requestFeedback(Duration.ofDays(3), at(when));
        c.recordFeedback(rating, null, "citizen", at(when).plus(Duration.ofHours(20)));
        c.closeWithFeedback(at(when).plus(Duration.ofHours(20)));
    }

    private Long unit(String code) {
        return organisation.byCode(code).orElseThrow().getId();
    }

    private static Deadlines deadlines(String signBy, String handleBy) {
        return new Deadlines(at(signBy), at(signBy), at(handleBy), true);
    }

    /** "MM-dd HH:mm[:ss]" in 2025, hotline time. */
    private static Instant at(String monthDayTime) {
        String text = "2025-" + monthDayTime.replace(' ', 'T');
        return LocalDateTime.parse(text.length() == 16 ? text + ":00" : text).atZone(ZONE).toInstant();
    }
}
