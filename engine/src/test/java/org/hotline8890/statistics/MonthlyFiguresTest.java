package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.statistics.ComplianceStatistics.MonthFigures;
import org.junit.jupiter.api.Test;

/**
 * The per-month series and the per-district grouping against a small set worked out by hand. A case
 * counts in the month it was received in the hotline's zone: 00:10 on 1 October in Shanghai is October
 * although UTC still says 30 September.
 */
class MonthlyFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = at("2026-11-20 10:00");
    private static final Long ENVIRONMENT = 12L;

    private int serial;

    /*
     *  case  received (local)   district  what                                         month
     *  A     09-30 23:30        DC        signed and replied on time                   2026-09
     *  B     10-01 00:10        XC        signed late, handling deadline passed        2026-10
     *  C     10-20 09:00        DC        on time, rated satisfied                     2026-10
     *  D     10-25 09:00        DC        answered directly                            2026-10
     *  E     12-01 00:30        DC        after the period                             —
     *
     *  2026-09: received 1, dispatched 1, sign 1/1 = 1.0, completion 1/1 = 1.0, rated 0 → satisfaction null
     *  2026-10: received 3, dispatched 2, sign 1/2 = 0.5, completion 1/2 = 0.5, satisfied 1/1 = 1.0,
     *           re-handled 0/1 = 0.0, answered directly 1/3 = 0.3333
     *  2026-11: nothing received: listed, counts 0, rates null
     */
    @Test
    void eachMonthCountsTheCasesReceivedInItInTheHotlinesZone() {
        List<MonthFigures> months = ComplianceStatistics.monthly(cases(), YearMonth.of(2026, 9), YearMonth.of(2026, 11), ZONE, NOW);

        assertThat(months).extracting(MonthFigures::month)
                .containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        ComplianceFigures september = months.get(0).figures();
        assertThat(september.received()).isEqualTo(1);
        assertThat(september.onTimeSignRate()).isEqualTo(1.0);
        assertThat(september.onTimeCompletionRate()).isEqualTo(1.0);
        assertThat(september.satisfactionRate()).isNull();

        ComplianceFigures october = months.get(1).figures();
        assertThat(october.received()).isEqualTo(3);
        assertThat(october.dispatched()).isEqualTo(2);
        assertThat(october.signedOnTime()).isEqualTo(1);
        assertThat(october.signDecided()).isEqualTo(2);
        assertThat(october.onTimeSignRate()).isEqualTo(0.5);
        assertThat(october.completedOnTime()).isEqualTo(1);
        assertThat(october.handlingDecided()).isEqualTo(2);
        assertThat(october.onTimeCompletionRate()).isEqualTo(0.5);
        assertThat(october.satisfactionRate()).isEqualTo(1.0);
        assertThat(october.rehandlingRate()).isEqualTo(0.0);
        assertThat(october.directAnswerRate()).isEqualTo(0.3333);

        ComplianceFigures november = months.get(2).figures();
        assertThat(november.received()).isZero();
        assertThat(november.onTimeSignRate()).isNull();
    }

    @Test
    void aMonthFiguresAreTheSameAsTheFiguresOfThatMonthsCasesAlone() {
        List<HotlineCase> all = cases();
        List<MonthFigures> months = ComplianceStatistics.monthly(all, YearMonth.of(2026, 10), YearMonth.of(2026, 10), ZONE, NOW);
        assertThat(months).singleElement().extracting(MonthFigures::figures)
                .isEqualTo(ComplianceFigures.of(all.subList(1, 4), NOW));
    }

    @Test
    void districtsAreTheDistrictCodesTheRequestsNamed() {
        Map<String, ComplianceFigures> byDistrict = ComplianceStatistics.byDistrict(cases().subList(0, 4), NOW);
        assertThat(byDistrict).containsOnlyKeys("DC", "XC");
        assertThat(byDistrict.get("DC").received()).isEqualTo(3);
        assertThat(byDistrict.get("XC").received()).isEqualTo(1);
        assertThat(byDistrict.get("XC").onTimeSignRate()).isEqualTo(0.0);
    }

    private List<HotlineCase> cases() {
        HotlineCase a = received("2026-09-30 23:30", "DC");
        a.dispatchTo(ENVIRONMENT, deadlines("2026-10-08 12:00", "2026-10-15 23:59:59"), "center", at("2026-10-08 09:00"));
        a.signFor("dept", at("2026-10-08 10:00"));
        a.reply("已处理", "dept", at("2026-10-12 10:00"));

        HotlineCase b = received("2026-10-01 00:10", "XC");
        b.dispatchTo(ENVIRONMENT, deadlines("2026-10-08 12:00", "2026-10-15 23:59:59"), "center", at("2026-10-08 09:00"));
        b.signFor("dept", at("2026-10-08 13:00"));

        HotlineCase c = received("2026-10-20 09:00", "DC");
        c.dispatchTo(ENVIRONMENT, deadlines("2026-10-20 12:00", "2026-10-27 23:59:59"), "center", at("2026-10-20 10:00"));
        c.signFor("dept", at("2026-10-20 11:00"));
        c.reply("已处理", "dept", at("2026-10-22 10:00"));
        c.acceptReply("center", at("2026-10-22 11:00"));
        c.requestFeedback(Duration.ofDays(3), at("2026-10-22 11:00"));
        c.recordFeedback(Satisfaction.SATISFIED, null, "citizen", at("2026-10-23 09:00"));
        c.closeWithFeedback(at("2026-10-23 09:00"));

        HotlineCase d = received("2026-10-25 09:00", "DC");
        d.answerDirectly("携带身份证到社保经办机构办理即可。", "agent", at("2026-10-25 09:05"));

        HotlineCase e = received("2026-12-01 00:30", "DC");
        return List.of(a, b, c, d, e);
    }

    private HotlineCase received(String when, String district) {
        serial++;
        return HotlineCase.receive(TestCases.request(CaseType.COMPLAINT, "ENV.NOISE", district, Urgency.NORMAL, true, false, at(when)),
                "8890-20261001-%06d".formatted(serial), "hash", "test");
    }

    private static Deadlines deadlines(String signBy, String handleBy) {
        return new Deadlines(at(signBy), at(signBy), at(handleBy), true);
    }

    private static Instant at(String localDateTime) {
        String text = localDateTime.replace(' ', 'T');
        return LocalDateTime.parse(text.length() == 16 ? text + ":00" : text).atZone(ZONE).toInstant();
    }
}
