package org.hotline8890.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.hotline8890.HotlineProperties;
import org.hotline8890.statistics.MonthlyReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly report's flags (通报) for the center: per department, the cases of a month that went
 * overdue, were returned or extended repeatedly (rule: statistics.MonthlyReport), each linked to its case page.
 */
@Controller
class MonthlyReportPages {

    private final MonthlyReport report;
    private final Clock clock;
    private final HotlineProperties properties;

    MonthlyReportPages(MonthlyReport report, Clock clock, HotlineProperties properties) {
        this.report = report;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/center/monthly-report")
    String monthlyReport(@RequestParam(defaultValue = "") String month, Model model) {
        model.addAttribute("month", month.strip());
        YearMonth chosen;
        if (month.isBlank()) {
            chosen = YearMonth.now(clock.withZone(properties.zone()));
            model.addAttribute("month", chosen.toString());
        } else {
            try {
                chosen = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("monthError", "page.monthlyReport.badMonth");
                return "center/monthly-report";
            }
        }
        model.addAttribute("report", report.of(chosen));
        return "center/monthly-report";
    }
}
