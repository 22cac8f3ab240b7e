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

import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseTransfer;
import org.hotline8890.cases.CaseTransferRepository;
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
    private final Clock clock;

    ComplianceStatistics(CaseRepository cases, AssistRepository assists, Organisation organisation,
                         CaseTransferRepository transfers, Regions regions, Clock clock) {
        this.cases = cases;
        this.assists = assists;
        this.organisation = organisation;
        this.transfers = transfers;
        this.regions = regions;
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
        List<CaseTransfer> moved = transfers.findTransferredBetween(from, to);
        List<RegionFigures> rows = regions.all().stream().map(region -> new RegionFigures(region.code(), region.name(),
                region.nameEn(), ComplianceFigures.of(cases.findInRegionReceivedBetween(region.code(), from, to), now),
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
        List<HotlineCase> inPeriod = cases.findReceivedBetween(from, to);
        List<CaseAssist> asked = assists.findByRequestedAtGreaterThanEqualAndRequestedAtLessThan(from, to);
        Map<Long, OrgUnit> units = organisation.all().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        List<UnitFigures> rows = units.values().stream()
                .filter(u -> kinds.contains(u.getKind()))
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(unit -> new UnitFigures(unit.getCode(), unit.getName(), unit.getNameEn(), unit.getKind(),
                        ComplianceFigures.of(inPeriod.stream()
                                .filter(c -> unit.contains(units.get(c.getDepartmentId())))
                                .toList(), now),
                        SubCenterSigning.of(inPeriod.stream()
                                .filter(c -> unit.contains(units.get(c.getSubCenterId())))
                                .toList(), now)))
                .toList();
        return new Report(from, to, now, ComplianceFigures.of(inPeriod, now), rows, AssistFigures.of(asked, now),
                assistRows(asked, units, kinds, now));
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
        List<HotlineCase> inPeriod = cases.findReceivedBetween(start(first, zone), start(last.plusMonths(1), zone));
        return monthly(inPeriod, first, last, zone, clock.instant());
    }

    static List<MonthFigures> monthly(Collection<HotlineCase> cases, YearMonth first, YearMonth last, ZoneId zone, Instant now) {
        Map<YearMonth, List<HotlineCase>> byMonth = cases.stream()
                .collect(Collectors.groupingBy(c -> YearMonth.from(c.getReceivedAt().atZone(zone))));
        return first.atDay(1).datesUntil(last.plusMonths(1).atDay(1), java.time.Period.ofMonths(1))
                .map(YearMonth::from)
                .map(month -> new MonthFigures(month, ComplianceFigures.of(byMonth.getOrDefault(month, List.of()), now)))
                .toList();
    }

    /**
     * Figures per district code the citizen's request named ({@code hotline_case.district_code}), for
     * the cases received in {@code [from, to)}; unlike {@link #report}, this is where the problem is,
     * not who handles it. Only codes that occur are listed, sorted by code; a case without a district
     * code counts under the empty code so no case is dropped.
     */
    @Transactional(readOnly = true)
    public Map<String, ComplianceFigures> byDistrict(Instant from, Instant to) {
        return byDistrict(cases.findReceivedBetween(from, to), clock.instant());
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
