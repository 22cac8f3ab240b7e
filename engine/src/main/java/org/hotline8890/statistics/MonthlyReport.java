package org.hotline8890.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report's flags (通报): per department, the cases received in a month (the same population
 * as the figures) that went overdue more than once, were returned at least twice or extended at least
 * twice. A case is listed under the department that holds it now. See docs/escalation.md.
 */
@Service
public class MonthlyReport {

    /** From this many occurrences on, a case is flagged. */
    public static final int REPEATED = 2;

    private final CaseRepository cases;
    private final Organisation organisation;
    private final ZoneId zone;

    MonthlyReport(CaseRepository cases, Organisation organisation, HotlineProperties properties) {
        this.cases = cases;
        this.organisation = organisation;
        this.zone = properties.zone();
    }

    /** One department's flagged case numbers, each list sorted. */
    public record DepartmentFlags(String code, String name, String nameEn, List<String> repeatedOverdue,
                                  List<String> repeatedReturns, List<String> repeatedExtensions) {
    }

    /** Only departments with at least one flagged case, in the order of the organisation tree. */
    public record Report(YearMonth month, int threshold, List<DepartmentFlags> departments) {
    }

    @Transactional(readOnly = true)
    public Report of(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Report(month, REPEATED, flags(cases.findReceivedBetween(from, to), organisation.all()));
    }

    static List<DepartmentFlags> flags(Collection<HotlineCase> received, Collection<OrgUnit> units) {
        Map<Long, List<HotlineCase>> byDepartment = received.stream()
                .filter(c -> c.getDepartmentId() != null)
                .collect(Collectors.groupingBy(HotlineCase::getDepartmentId));
        return units.stream()
                .filter(unit -> byDepartment.containsKey(unit.getId()))
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(unit -> {
                    List<HotlineCase> held = byDepartment.get(unit.getId());
                    return new DepartmentFlags(unit.getCode(), unit.getName(), unit.getNameEn(),
                            numbers(held, c -> c.getOverdueCount() >= REPEATED),
                            numbers(held, c -> c.getReturnCount() >= REPEATED),
                            numbers(held, c -> c.getExtensionCount() >= REPEATED));
                })
                .filter(flags -> !flags.repeatedOverdue().isEmpty() || !flags.repeatedReturns().isEmpty()
                        || !flags.repeatedExtensions().isEmpty())
                .toList();
    }

    private static List<String> numbers(List<HotlineCase> cases, Predicate<HotlineCase> flagged) {
        return cases.stream().filter(flagged).map(HotlineCase::getCaseNumber).filter(Objects::nonNull).sorted().toList();
    }
}
