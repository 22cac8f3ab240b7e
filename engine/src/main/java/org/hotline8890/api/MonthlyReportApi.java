package org.hotline8890.api;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.hotline8890.HotlineProperties;
import org.hotline8890.statistics.MonthlyReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly report's flags (通报) for the center: repeated overdue, returns and extensions per department. */
@RestController
class MonthlyReportApi {

    private final MonthlyReport report;
    private final Clock clock;
    private final HotlineProperties properties;

    MonthlyReportApi(MonthlyReport report, Clock clock, HotlineProperties properties) {
        this.report = report;
        this.clock = clock;
        this.properties = properties;
    }

    /** {@code month} is {@code yyyy-MM}; without it, the current month in the hotline's time zone. */
    @GetMapping("/api/center/monthly-report")
    MonthlyReport.Report monthlyReport(@RequestParam(required = false) String month) {
        return report.of(month(month));
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(properties.zone()));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("month", "a month is written yyyy-MM, e.g. 2026-03");
        }
    }
}
