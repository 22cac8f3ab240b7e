package org.hotline8890.callcenter;

import java.time.LocalDate;
import java.time.YearMonth;

import org.hotline8890.HotlineProperties;
import org.hotline8890.api.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The published call-center figures; periods as in {@code /api/public/statistics}. */
@RestController
class CallCenterApi {

    private final CallCenterFigures figures;
    private final HotlineProperties properties;

    CallCenterApi(CallCenterFigures figures, HotlineProperties properties) {
        this.figures = figures;
        this.properties = properties;
    }

    /**
     * Figures for calls that joined a queue in {@code [from, to]} (dates inclusive, the hotline's time
     * zone); by default the current month.
     */
    @GetMapping("/api/public/call-center")
    CallCenterFigures.Report callCenter(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        YearMonth month = YearMonth.now(properties.zone());
        LocalDate first = from == null ? month.atDay(1) : from;
        LocalDate last = to == null ? month.atEndOfMonth() : to;
        if (last.isBefore(first)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return figures.report(first.atStartOfDay(properties.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(properties.zone()).toInstant());
    }
}
