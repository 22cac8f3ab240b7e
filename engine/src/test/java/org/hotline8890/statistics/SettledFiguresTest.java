package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline8890.Concurrently;
import org.hotline8890.TestCases;
import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Regions;
import org.hotline8890.statistics.ComplianceStatistics.MonthFigures;
import org.hotline8890.statistics.ComplianceStatistics.RegionFigures;
import org.hotline8890.statistics.ComplianceStatistics.UnitFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures read from the stored totals of settled cases plus the live cases equal the figures computed
 * from every case, for random populations (2035, a year no other test uses) at several instants, whole-day
 * and ragged periods alike; folding is idempotent, and a folded case that changes is taken back.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class SettledFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<OrgUnitKind> ALL_KINDS = List.of(OrgUnitKind.values());

    @Autowired ComplianceStatistics statistics;
    @Autowired FigureSettlement settlement;
    @Autowired CaseRepository cases;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired Organisation organisation;
    @Autowired Regions regions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired TestClock clock;

    /** Folded totals would not hold for other tests, which move the clock back: every case is live again. */
    @AfterEach
    void unfoldEverything() {
        jdbc.update("DELETE FROM case_figure_day");
        jdbc.update("UPDATE hotline_case SET figures_settled = FALSE");
        clock.reset();
    }

    @Test
    void storedTotalsPlusLiveCasesEqualTheFiguresOfEveryCaseAtEveryInstant() {
        Random random = new Random(8890);
        for (int i = 0; i < 400; i++) {
            storeRandomCase(random, at("2035-01-01T00:00").plusSeconds(random.nextLong(120L * 86_400)));
        }
        int foldedSoFar = 0;
        for (String now : List.of("2035-01-20T10:00", "2035-02-15T23:59", "2035-03-31T16:00", "2035-05-10T00:00",
                "2035-09-01T08:00")) {
            clock.setTo(at(now));
            foldedSoFar += settlement.settleNow();
            assertSameAsComputedFromEveryCase(now);
        }
        assertThat(foldedSoFar).as("cases folded over the run").isGreaterThan(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE figures_settled = FALSE"
                + " AND received_at >= ? AND received_at < ?", Long.class, at("2035-01-01T00:00"), at("2036-01-01T00:00")))
                .as("cases still live in September").isPositive();
    }

    @Test
    void foldingTwiceOrFromTwoNodesAtOnceAddsEachCaseOnce() throws Exception {
        Random random = new Random(12345);
        for (int i = 0; i < 200; i++) {
            storeRandomCase(random, at("2035-06-01T00:00").plusSeconds(random.nextLong(30L * 86_400)));
        }
        clock.setTo(at("2035-09-01T00:00"));
        List<Integer> folded = Concurrently.run(2, settlement::settleNow);
        assertThat(folded.stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE figures_settled = TRUE", Integer.class));
        List<Map<String, Object>> stored = storedRows();
        assertThat(settlement.settleNow()).isZero();
        assertThat(storedRows()).isEqualTo(stored);
        assertSameAsComputedFromEveryCase("after folding twice");
    }

    @Test
    void aFoldedCaseThatChangesIsTakenBackAndFoldedAnew() {
        Instant received = at("2035-07-03T09:00");
        Long id = store(received, c -> {
            dispatchedAndClosed(c, received, Satisfaction.SATISFIED);
        }).getId();
        clock.setTo(at("2035-09-01T00:00"));
        settlement.settleNow();
        assertThat(cases.findById(id).orElseThrow().isFiguresSettled()).isTrue();
        int before = statistics.report(at("2035-07-01T00:00"), at("2035-08-01T00:00"), ALL_KINDS).total().supervisionOrders();

        // A change the figures do not read leaves the folded case alone.
        transaction.executeWithoutResult(tx -> {
            HotlineCase c = cases.findById(id).orElseThrow();
            c.appendContact("市民来电补充说明", "agent", clock.instant());
            cases.save(c);
        });
        assertThat(cases.findById(id).orElseThrow().isFiguresSettled()).isTrue();

        // A 督办单 recorded on the finished case moves its figures: taken back, computed live, then folded again.
        transaction.executeWithoutResult(tx -> {
            HotlineCase c = cases.findById(id).orElseThrow();
            c.recordSupervision("回访发现问题仍在，督办", "supervisor", clock.instant());
            cases.save(c);
        });
        assertThat(cases.findById(id).orElseThrow().isFiguresSettled()).isFalse();
        assertThat(statistics.report(at("2035-07-01T00:00"), at("2035-08-01T00:00"), ALL_KINDS).total().supervisionOrders())
                .isEqualTo(before + 1);
        assertSameAsComputedFromEveryCase("taken back");
        assertThat(settlement.settleNow()).isEqualTo(1);
        assertThat(statistics.report(at("2035-07-01T00:00"), at("2035-08-01T00:00"), ALL_KINDS).total().supervisionOrders())
                .isEqualTo(before + 1);
        assertSameAsComputedFromEveryCase("folded anew");
    }

    @Test
    void aChangeBySomeoneWhoLoadedTheCaseBeforeItWasFoldedFailsOnTheVersion() {
        Instant received = at("2035-08-05T09:00");
        Long id = store(received, c -> dispatchedAndClosed(c, received, Satisfaction.DISSATISFIED)).getId();
        HotlineCase loadedBefore = cases.findById(id).orElseThrow();
        clock.setTo(at("2035-09-01T00:00"));
        settlement.settleNow();
        loadedBefore.recordSupervision("督办", "supervisor", clock.instant());
        assertThatThrownBy(() -> cases.save(loadedBefore)).isInstanceOf(OptimisticLockingFailureException.class);
        assertSameAsComputedFromEveryCase("after the refused change");
    }

    // --- the comparison ---

    private void assertSameAsComputedFromEveryCase(String when) {
        Instant now = clock.instant();
        List<Instant[]> periods = List.of(
                new Instant[] {at("2035-01-01T00:00"), at("2036-01-01T00:00")},
                new Instant[] {at("2035-02-01T00:00"), at("2035-03-01T00:00")},
                new Instant[] {at("2035-03-10T00:00"), at("2035-03-11T00:00")},
                // Not at midnight: the edges are computed live.
                new Instant[] {at("2035-01-17T05:17"), at("2035-03-09T13:41")},
                new Instant[] {at("2035-02-02T01:00"), at("2035-02-02T23:00")});
        for (Instant[] p : periods) {
            String what = when + " " + p[0] + ".." + p[1];
            List<HotlineCase> inPeriod = cases.findReceivedBetween(p[0], p[1]);
            ComplianceStatistics.Report report = statistics.report(p[0], p[1], ALL_KINDS);
            assertThat(report.total()).as(what).isEqualTo(ComplianceFigures.of(inPeriod, now));
            assertThat(report.units()).as(what).isEqualTo(unitsFromEveryCase(inPeriod, now));
            assertThat(statistics.byDistrict(p[0], p[1])).as(what).isEqualTo(ComplianceStatistics.byDistrict(inPeriod, now));
            List<RegionFigures> regionRows = statistics.regions(p[0], p[1]).regions();
            for (RegionFigures row : regionRows) {
                assertThat(row.figures()).as(what + " " + row.code())
                        .isEqualTo(ComplianceFigures.of(cases.findRegionReceivedBetween(p[0], p[1]).stream()
                                .filter(c -> row.code().equals(c.getRegionCode())).toList(), now));
            }
        }
        List<MonthFigures> months = statistics.monthly(YearMonth.of(2035, 1), YearMonth.of(2035, 6), ZONE);
        assertThat(months).as(when).isEqualTo(ComplianceStatistics.monthly(
                cases.findReceivedBetween(at("2035-01-01T00:00"), at("2035-07-01T00:00")),
                YearMonth.of(2035, 1), YearMonth.of(2035, 6), ZONE, now));
    }

    /** The unit rows as they were computed before the stored totals: each unit's subtree's cases, counted. */
    private List<UnitFigures> unitsFromEveryCase(List<HotlineCase> inPeriod, Instant now) {
        Map<Long, OrgUnit> units = organisation.all().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        return units.values().stream()
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(unit -> new UnitFigures(unit.getCode(), unit.getName(), unit.getNameEn(), unit.getKind(),
                        ComplianceFigures.of(inPeriod.stream().filter(c -> unit.contains(units.get(c.getDepartmentId()))).toList(), now),
                        SubCenterSigning.of(inPeriod.stream().filter(c -> unit.contains(units.get(c.getSubCenterId()))).toList(), now)))
                .toList();
    }

    private List<Map<String, Object>> storedRows() {
        return jdbc.queryForList("SELECT * FROM case_figure_day ORDER BY kind, figure_day, group_key");
    }

    // --- random cases ---

    /** One case received at {@code received}, taken a random way through its life, each step at a later time. */
    private void storeRandomCase(Random random, Instant received) {
        List<String> regionCodes = regions.all().stream().map(Regions.Region::code).toList();
        store(received, c -> {
            c.placeInRegion(regionCodes.get(0));
            Clock t = new Clock(random, received);
            int path = random.nextInt(14);
            if (path == 0) {
                return;                                                     // still under review
            }
            if (path == 1) {
                c.reject("不属于受理范围", "center", t.next());
                return;
            }
            if (path == 2) {
                c.answerDirectly("已直接答复", "center", t.next());
                return;
            }
            if (path == 3 && regionCodes.size() > 1) {
                c.transferTo(regionCodes.get(1), "属于另一区域", "center", t.next());
                if (random.nextBoolean()) {
                    c.answerDirectly("已直接答复", "center", t.next());
                }
                return;
            }
            Instant dispatched = t.next();
            Deadlines deadlines = new Deadlines(dispatched.plus(Duration.ofHours(1 + random.nextInt(48))), dispatched,
                    dispatched.plus(Duration.ofHours(24 + random.nextInt(24 * 15))), true);
            if (path == 4 || path == 5) {
                c.dispatchToSubCenter(unit("DC"), deadlines, "center", dispatched);
                if (path == 4) {
                    return;                                                 // the sub-center never signs
                }
                c.signForSubCenter("district-dc", t.next());
                Instant redispatched = t.next();
                c.redispatchInSubtree(unit(random.nextBoolean() ? "DC-DH" : "DC-CGJ"), false,
                        redispatched.plus(Duration.ofHours(1 + random.nextInt(30))), true, "分派", "district-dc", redispatched);
                if (random.nextInt(4) == 0) {
                    return;
                }
                c.signFor("unit", t.next());
                if (random.nextBoolean()) {
                    c.reply("已办理", "unit", t.next());
                    c.approveReplyAtSubCenter("district-dc", t.next());
                    c.acceptReply("center", t.next());
                    finish(c, random, t);
                }
                return;
            }
            List<Long> handlers = organisation.all().stream()
                    .filter(u -> u.getKind() == OrgUnitKind.DEPARTMENT || u.getKind() == OrgUnitKind.STREET)
                    .map(OrgUnit::getId).sorted().toList();
            c.dispatchTo(handlers.get(random.nextInt(handlers.size())), deadlines, "center", dispatched);
            if (path == 6) {
                return;                                                     // not signed
            }
            if (path == 7) {
                c.returnToCenter("不属于本单位", "unit", t.next());
                return;
            }
            c.signFor("unit", t.next());
            if (random.nextInt(3) == 0) {
                c.remind("请尽快办理", "center", t.next());
            }
            if (path == 8) {
                return;                                                     // being handled
            }
            if (random.nextInt(4) == 0 && t.current().isBefore(c.getHandleBy())) {
                c.requestExtension(c.getHandleBy().plus(Duration.ofDays(3)), "需现场勘查", "unit", t.next());
                c.grantExtension(t.current(), "center", t.next());
            }
            c.reply("已办理", "unit", t.next());
            if (path == 9) {
                return;                                                     // waiting for the center's review
            }
            c.acceptReply("center", t.next());
            finish(c, random, t);
        });
    }

    /** 回访 and closure, or a dissatisfied rating that re-opens the case, perhaps to be finished again. */
    private void finish(HotlineCase c, Random random, Clock t) {
        c.requestFeedback(Duration.ofDays(3), t.next());
        if (random.nextInt(5) == 0) {
            c.closeWithoutFeedback(t.next());
            return;
        }
        Satisfaction rating = Satisfaction.values()[random.nextInt(Satisfaction.values().length)];
        c.recordFeedback(rating, null, "citizen", t.next());
        if (rating.isSatisfied() || random.nextBoolean()) {
            c.closeWithFeedback(t.next());
            return;
        }
        Instant reopened = t.next();
        c.reopenForRehandling(new Deadlines(reopened, reopened, reopened.plus(Duration.ofDays(1 + random.nextInt(10))), true),
                reopened);
        if (random.nextBoolean()) {
            c.reply("再次办理", "unit", t.next());
            c.acceptReply("center", t.next());
            c.requestFeedback(Duration.ofDays(3), t.next());
            c.closeWithoutFeedback(t.next());
        }
    }

    private void dispatchedAndClosed(HotlineCase c, Instant received, Satisfaction rating) {
        Instant at = received.plus(Duration.ofHours(1));
        c.dispatchTo(unit("HBJ"), new Deadlines(at.plus(Duration.ofHours(2)), at, at.plus(Duration.ofDays(5)), true), "center", at);
        c.signFor("hbj", at.plus(Duration.ofHours(1)));
        c.reply("已处理", "hbj", at.plus(Duration.ofDays(1)));
        c.acceptReply("center", at.plus(Duration.ofDays(1)));
        c.requestFeedback(Duration.ofDays(3), at.plus(Duration.ofDays(1)));
        c.recordFeedback(rating, null, "citizen", at.plus(Duration.ofDays(2)));
        c.closeWithFeedback(at.plus(Duration.ofDays(2)));
    }

    /** Steps of a case's life, each a random while after the one before. */
    private static final class Clock {
        private final Random random;
        private Instant current;

        Clock(Random random, Instant start) {
            this.random = random;
            this.current = start;
        }

        Instant next() {
            current = current.plus(Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 600 : 4 * 24 * 60)));
            return current;
        }

        Instant current() {
            return current;
        }
    }

    private HotlineCase store(Instant received, Consumer<HotlineCase> life) {
        String number = numbers.next(received);
        NewCase request = TestCases.request(CaseType.COMPLAINT, "URBAN.ROAD",
                List.of("DC", "XC", "ZZ").get(Math.floorMod(received.hashCode(), 3)), Urgency.NORMAL, true, false, received);
        // A caller of their own: hundreds of 2035 cases under the shared test phone would push other
        // classes' cases out of that caller's latest ones, which the agent's screen pop lists.
        NewCase ownCaller = new NewCase(request.channel(), request.type(), request.categoryCode(), request.urgency(),
                request.districtCode(), request.location(), new CitizenContact("李统计", "13900008890", null, null, false),
                request.confidential(), request.consentToPublish(), request.subject(), request.content(),
                request.attachments(), request.receivedAt());
        HotlineCase c = HotlineCase.receive(ownCaller, number, queryCodes.hash(number, queryCodes.newCode()), "test");
        life.accept(c);
        return cases.save(c);
    }

    private Long unit(String code) {
        return organisation.byCode(code).orElseThrow().getId();
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
