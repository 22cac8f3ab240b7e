package org.hotline8890.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures per organisation unit for cases received in a period, each unit counting its whole subtree. */
@Service
public class ComplianceStatistics {

    private final CaseRepository cases;
    private final Organisation organisation;
    private final Clock clock;

    ComplianceStatistics(CaseRepository cases, Organisation organisation, Clock clock) {
        this.cases = cases;
        this.organisation = organisation;
        this.clock = clock;
    }

    public record UnitFigures(String code, String name, String nameEn, OrgUnitKind kind, ComplianceFigures figures) {
    }

    public record Report(Instant from, Instant to, Instant computedAt, ComplianceFigures total, List<UnitFigures> units) {
    }

    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to, List<OrgUnitKind> kinds) {
        Instant now = clock.instant();
        List<HotlineCase> inPeriod = cases.findReceivedBetween(from, to);
        Map<Long, OrgUnit> units = organisation.all().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        List<UnitFigures> rows = units.values().stream()
                .filter(u -> kinds.contains(u.getKind()))
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(unit -> new UnitFigures(unit.getCode(), unit.getName(), unit.getNameEn(), unit.getKind(),
                        ComplianceFigures.of(inPeriod.stream()
                                .filter(c -> unit.contains(units.get(c.getDepartmentId())))
                                .toList(), now)))
                .toList();
        return new Report(from, to, now, ComplianceFigures.of(inPeriod, now), rows);
    }
}
