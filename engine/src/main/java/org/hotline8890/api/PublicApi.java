package org.hotline8890.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hotline8890.HotlineProperties;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.publication.PublishedResult;
import org.hotline8890.publication.PublishedResultRepository;
import org.hotline8890.statistics.ComplianceStatistics;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What anyone may read: de-identified results and the compliance figures. */
@RestController
@Validated
@RequestMapping("/api/public")
class PublicApi {

    private final PublishedResultRepository results;
    private final ComplianceStatistics statistics;
    private final HotlineProperties properties;

    PublicApi(PublishedResultRepository results, ComplianceStatistics statistics, HotlineProperties properties) {
        this.results = results;
        this.statistics = statistics;
        this.properties = properties;
    }

    record ResultPage(List<PublishedResult> results, int page, int size, long total) {
    }

    @GetMapping("/results")
    ResultPage results(@RequestParam(required = false) String district,
                       @RequestParam(required = false) String category,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<PublishedResult> found = results.search(blankToNull(district), blankToNull(category), start(from),
                to == null ? null : start(to.plusDays(1)), PageRequest.of(page, size));
        return new ResultPage(found.getContent(), page, size, found.getTotalElements());
    }

    /**
     * Figures for cases received in {@code [from, to]} (dates inclusive, the hotline's time zone);
     * by default the current month. {@code level}: DEPARTMENT, DISTRICT, STREET or CITY rows.
     */
    @GetMapping("/statistics")
    ComplianceStatistics.Report statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DEPARTMENT,DISTRICT") List<OrgUnitKind> level) {
        YearMonth month = YearMonth.now(properties.zone());
        LocalDate first = from == null ? month.atDay(1) : from;
        LocalDate last = to == null ? month.atEndOfMonth() : to;
        if (last.isBefore(first)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return statistics.report(start(first), start(last.plusDays(1)), level);
    }

    /**
     * Each region's own figures for {@code [from, to]} (dates inclusive, by default the current month): the
     * cases that reached the region in the period and are still its own, and its transfers out, in and
     * refused back (docs/metrics.md, "Regions").
     */
    @GetMapping("/statistics/regions")
    ComplianceStatistics.RegionReport regionStatistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        YearMonth month = YearMonth.now(properties.zone());
        LocalDate first = from == null ? month.atDay(1) : from;
        LocalDate last = to == null ? month.atEndOfMonth() : to;
        if (last.isBefore(first)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return statistics.regions(start(first), start(last.plusDays(1)));
    }

    private Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(properties.zone()).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
