package org.hotline8890.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hotline8890.HotlineProperties;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseTransfer;
import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.FigureInputs;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures per organisation unit for cases received in a period, each unit counting its whole subtree. */
@Service
public class ComplianceStatistics {

    private final CaseRepository cases;
    private final AssistRepository assists;
    private final Organisation organisation;
    private final CaseTransferRepository transfers;
    private final Regions regions;
    private final FigureStore store;
    private final ZoneId zone;
    private final Clock clock;

    ComplianceStatistics(CaseRepository cases, AssistRepository assists, Organisation organisation,
                         CaseTransferRepository transfers, Regions regions, FigureStore store,
                         HotlineProperties properties, Clock clock) {
        this.cases = cases;
        this.assists = assists;
        this.organisation = organisation;
        this.transfers = transfers;
        this.regions = regions;
        this.store = store;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /**
     * One region's figures: its own cases (those it holds that reached it in the period, by receipt or by a
     * transfer in) and the transfers that left it, reached it, and that it refused back, in the period.
     */
    public record RegionFigures(String code, String name, String nameEn, ComplianceFigures figures,
                                int transferredOut, int transferredIn, int refusedBack) {
    }

    public record RegionReport(Instant from, Instant to, Instant computedAt, List<RegionFigures> regions) {
    }

    @Transactional(readOnly = true)
    public RegionReport regions(Instant from, Instant to) {
        Instant now = clock.instant();
        Days days = Days.of(from, to, zone);
        Map<String, Tally> byRegion = store.byGroup(FigureStore.Kind.REGION, days.first(), days.end());
        days.live(cases::findRegionReceivedBetween, cases::findUnsettledRegionReceivedBetween).forEach(c -> {
            FigureInputs in = c.figureInputs();
            byRegion.computeIfAbsent(Settlement.key(in.regionCode()), k -> new Tally()).add(in, now);
        });
        List<CaseTransfer> moved = transfers.findTransferredBetween(from, to);
        List<RegionFigures> rows = regions.all().stream().map(region -> new RegionFigures(region.code(), region.name(),
                region.nameEn(), byRegion.getOrDefault(region.code(), new Tally()).figures(),
                (int) moved.stream().filter(t -> t.getFromRegion().equals(region.code())).count(),
                (int) moved.stream().filter(t -> t.getToRegion().equals(region.code())).count(),
                (int) transfers.countRefusedBetween(region.code(), from, to))).toList();
        return new RegionReport(from, to, now, rows);
    }

    /**
     * One unit's row: {@code figures} count the cases its subtree handles (department_id), and
     * {@code subCenterSigning} the sign-for of the sub-centers in its subtree (sub_center_id), see docs/metrics.md.
     */
    public record UnitFigures(String code, String name, String nameEn, OrgUnitKind kind, ComplianceFigures figures,
                              SubCenterSigning subCenterSigning) {
    }

    /** One unit's 协办 figures: the assists requested of it (its subtree's) in the period. */
    public record UnitAssistFigures(String code, String name, String nameEn, OrgUnitKind kind, AssistFigures figures) {
    }

    /**
     * {@code assistingTotal} and {@code assisting}: the 协办 figures of the assists requested in the period,
     * each unit counted for its own part (docs/metrics.md).
     */
    public record Report(Instant from, Instant to, Instant computedAt, ComplianceFigures total, List<UnitFigures> units,
                         AssistFigures assistingTotal, List<UnitAssistFigures> assisting) {
    }

    /** The figures of the cases received in one calendar month of the hotline's time zone. */
    public record MonthFigures(YearMonth month, ComplianceFigures figures) {
    }

    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to, List<OrgUnitKind> kinds) {
        Instant now = clock.instant();
        Days days = Days.of(from, to, zone);
        Map<String, Tally> byDepartment = store.byGroup(FigureStore.Kind.DEPARTMENT, days.first(), days.end());
        Map<String, Tally> bySubCenter = store.byGroup(FigureStore.Kind.SUB_CENTER, days.first(), days.end());
        receivedLive(days).forEach(c -> {
            FigureInputs in = c.figureInputs();
            byDepartment.computeIfAbsent(Settlement.key(in.departmentId()), k -> new Tally()).add(in, now);
            if (in.hasSubCenterSignFor()) {
                bySubCenter.computeIfAbsent(Settlement.key(in.subCenterId()), k -> new Tally()).add(in, now);
            }
        });
        List<CaseAssist> asked = assists.findByRequestedAtGreaterThanEqualAndRequestedAtLessThan(from, to);
        Map<Long, OrgUnit> units = organisation.all().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        List<UnitFigures> rows = units.values().stream()
                .filter(u -> kinds.contains(u.getKind()))
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(unit -> new UnitFigures(unit.getCode(), unit.getName(), unit.getNameEn(), unit.getKind(),
                        subtree(byDepartment, unit, units).figures(), subtree(bySubCenter, unit, units).subCenterSigning()))
                .toList();
        Tally total = new Tally();
        byDepartment.values().forEach(total::plus);
        return new Report(from, to, now, total.figures(), rows, AssistFigures.of(asked, now),
                assistRows(asked, units, kinds, now));
    }

    /** The sum of the groups (keyed by unit id) that are {@code unit} or below it; a unit no longer in the tree counts nowhere. */
    private static Tally subtree(Map<String, Tally> byUnit, OrgUnit unit, Map<Long, OrgUnit> units) {
        Tally sum = new Tally();
        byUnit.forEach((id, tally) -> {
            if (!id.isEmpty() && unit.contains(units.get(Long.valueOf(id)))) {
                sum.plus(tally);
            }
        });
        return sum;
    }

    /** The cases received in the period whose figures are not in the stored totals of its whole days. */
    private List<HotlineCase> receivedLive(Days days) {
        return days.live(cases::findReceivedBetween, cases::findUnsettledReceivedBetween);
    }

    /** Each unit of the kinds asked for, with the assists requested of it or a unit below it. */
    private static List<UnitAssistFigures> assistRows(List<CaseAssist> asked, Map<Long, OrgUnit> units,
                                                      List<OrgUnitKind> kinds, Instant now) {
        return units.values().stream()
                .filter(u -> kinds.contains(u.getKind()))
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(unit -> new UnitAssistFigures(unit.getCode(), unit.getName(), unit.getNameEn(), unit.getKind(),
                        AssistFigures.of(asked.stream().filter(a -> unit.contains(units.get(a.getUnitId()))).toList(), now)))
                .toList();
    }

    /** The 协办 rows of the units of these kinds for the assists requested in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<UnitAssistFigures> assisting(Instant from, Instant to, List<OrgUnitKind> kinds) {
        Map<Long, OrgUnit> units = organisation.all().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        return assistRows(assists.findByRequestedAtGreaterThanEqualAndRequestedAtLessThan(from, to), units, kinds,
                clock.instant());
    }

    /**
     * One row per month from {@code first} to {@code last}, both included, each counting the cases
     * received in that month (the same population rule as {@link #report}), months without cases included.
     */
    @Transactional(readOnly = true)
    public List<MonthFigures> monthly(YearMonth first, YearMonth last, ZoneId zone) {
        Instant now = clock.instant();
        Instant from = start(first, zone);
        Instant to = start(last.plusMonths(1), zone);
        if (!zone.equals(this.zone)) {
            // The stored days are the hotline's; months of another zone cut through them.
            return monthly(cases.findReceivedBetween(from, to), first, last, zone, now);
        }
        Days days = Days.of(from, to, zone);
        Map<YearMonth, Tally> byMonth = new TreeMap<>();
        store.byDay(FigureStore.Kind.DEPARTMENT, days.first(), days.end())
                .forEach((day, tally) -> byMonth.computeIfAbsent(YearMonth.from(day), m -> new Tally()).plus(tally));
        receivedLive(days).forEach(c -> byMonth.computeIfAbsent(YearMonth.from(c.getReceivedAt().atZone(zone)),
                m -> new Tally()).add(c.figureInputs(), now));
        return months(first, last).map(month -> new MonthFigures(month, byMonth.getOrDefault(month, new Tally()).figures()))
                .toList();
    }

    static List<MonthFigures> monthly(Collection<HotlineCase> cases, YearMonth first, YearMonth last, ZoneId zone, Instant now) {
        Map<YearMonth, List<HotlineCase>> byMonth = cases.stream()
                .collect(Collectors.groupingBy(c -> YearMonth.from(c.getReceivedAt().atZone(zone))));
        return months(first, last)
                .map(month -> new MonthFigures(month, ComplianceFigures.of(byMonth.getOrDefault(month, List.of()), now)))
                .toList();
    }

    private static Stream<YearMonth> months(YearMonth first, YearMonth last) {
        return first.atDay(1).datesUntil(last.plusMonths(1).atDay(1), java.time.Period.ofMonths(1)).map(YearMonth::from);
    }

    /**
     * Figures per district code the citizen's request named ({@code hotline_case.district_code}), for
     * the cases received in {@code [from, to)}; unlike {@link #report}, this is where the problem is,
     * not who handles it. Only codes that occur are listed, sorted by code; a case without a district
     * code counts under the empty code so no case is dropped.
     */
    @Transactional(readOnly = true)
    public Map<String, ComplianceFigures> byDistrict(Instant from, Instant to) {
        Instant now = clock.instant();
        Days days = Days.of(from, to, zone);
        Map<String, Tally> byCode = new TreeMap<>(store.byGroup(FigureStore.Kind.DISTRICT, days.first(), days.end()));
        receivedLive(days).forEach(c -> {
            FigureInputs in = c.figureInputs();
            byCode.computeIfAbsent(Settlement.key(in.districtCode()), k -> new Tally()).add(in, now);
        });
        Map<String, ComplianceFigures> figures = new TreeMap<>();
        byCode.forEach((code, tally) -> figures.put(code, tally.figures()));
        return figures;
    }

    static Map<String, ComplianceFigures> byDistrict(Collection<HotlineCase> cases, Instant now) {
        Map<String, List<HotlineCase>> grouped = cases.stream()
                .collect(Collectors.groupingBy(c -> c.getDistrictCode() == null ? "" : c.getDistrictCode(), TreeMap::new,
                        Collectors.toList()));
        Map<String, ComplianceFigures> figures = new TreeMap<>();
        grouped.forEach((code, group) -> figures.put(code, ComplianceFigures.of(group, now)));
        return figures;
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
