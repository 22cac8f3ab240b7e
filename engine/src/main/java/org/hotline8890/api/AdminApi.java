package org.hotline8890.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline8890.calendar.CalendarFormatException;
import org.hotline8890.calendar.HolidayFileParser;
import org.hotline8890.calendar.ParsedCalendar;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The holiday calendar: which years are covered, which are missing, and importing a notice. */
@RestController
@RequestMapping("/api/admin/calendar")
class AdminApi {

    private final WorkingCalendarService calendar;
    private final CaseRepository cases;

    AdminApi(WorkingCalendarService calendar, CaseRepository cases) {
        this.calendar = calendar;
        this.cases = cases;
    }

    record Coverage(Set<Integer> coveredYears, List<Integer> missingYears, List<String> casesWithIncompleteCalendar) {
    }

    record Imported(int year, int days) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    Coverage coverage() {
        return new Coverage(calendar.coveredYears(), calendar.missingYears(),
                cases.findByCalendarIncompleteTrueAndStatusNotIn(EnumSet.of(CaseStatus.CLOSED, CaseStatus.REJECTED,
                        CaseStatus.MERGED)).stream().map(c -> c.getCaseNumber()).toList());
    }

    /** A holiday-cn JSON file, or an ICS calendar of one year (then {@code year} says which). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importFile(@RequestParam("file") MultipartFile file,
                        @RequestParam(name = "year", required = false) Integer year) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
        ParsedCalendar parsed;
        try (InputStream in = file.getInputStream()) {
            if (name.endsWith(".ics")) {
                if (year == null) {
                    throw new InvalidFieldException("year", "say which year the ICS file is for");
                }
                if (year < 1 || year > 9999) {
                    throw new InvalidFieldException("year", "must be a year such as 2026");
                }
                parsed = HolidayFileParser.parseIcs(in, year);
            } else if (name.endsWith(".json")) {
                parsed = HolidayFileParser.parseJson(in);
            } else {
                throw new InvalidFieldException("file", "send a .json (holiday-cn) or .ics file");
            }
            calendar.importYear(parsed, "upload " + file.getOriginalFilename());
        } catch (CalendarFormatException e) {
            // What is wrong with the file, and where, is for the admin who sent it: name the field.
            throw new InvalidFieldException("file", e.getMessage());
        }
        return new Imported(parsed.year(), parsed.days().size());
    }
}
