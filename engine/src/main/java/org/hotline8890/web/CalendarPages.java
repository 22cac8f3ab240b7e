package org.hotline8890.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.hotline8890.calendar.CalendarFormatException;
import org.hotline8890.calendar.HolidayFileParser;
import org.hotline8890.calendar.ParsedCalendar;
import org.hotline8890.calendar.WorkingCalendarService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a holiday notice in two steps: the upload only reads the file and shows what would change
 * against the stored year; nothing changes until the admin confirms. The file read in the first step
 * waits in the admin's session, so the confirmed import is exactly what was previewed. The import
 * itself is {@link WorkingCalendarService#importYear}, as for the admin API.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarPages {

    static final String PENDING = CalendarPages.class.getName() + ".pending";

    private final WorkingCalendarService calendar;

    CalendarPages(WorkingCalendarService calendar) {
        this.calendar = calendar;
    }

    /** A read file waiting for confirmation, and where it came from. */
    record Pending(ParsedCalendar parsed, String source) {
    }

    @GetMapping
    String calendar(Model model) {
        model.addAttribute("coveredYears", calendar.coveredYears());
        model.addAttribute("missingYears", calendar.missingYears());
        return "admin/calendar";
    }

    @PostMapping("/preview")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file,
                   @RequestParam(name = "year", required = false) String year, HttpSession session, Model model)
            throws IOException {
        session.removeAttribute(PENDING);
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        model.addAttribute("typedYear", year);
        ParsedCalendar parsed;
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            if (file == null || file.isEmpty()) {
                return refuse(model, "file", "admin.calendar.invalid.noFile");
            } else if (lower.endsWith(".ics")) {
                Integer icsYear = year(year);
                if (icsYear == null) {
                    return refuse(model, "year", "admin.calendar.invalid.year");
                }
                parsed = HolidayFileParser.parseIcs(in, icsYear);
            } else if (lower.endsWith(".json")) {
                parsed = HolidayFileParser.parseJson(in);
            } else {
                return refuse(model, "file", "admin.calendar.invalid.kind");
            }
            model.addAttribute("preview", calendar.preview(parsed));
        } catch (CalendarFormatException unreadable) {
            // The parser's message names the line; it is for the admin who holds the file.
            model.addAttribute("fileProblem", unreadable.getMessage());
            return refuse(model, "file", "admin.calendar.invalid.unreadable");
        }
        session.setAttribute(PENDING, new Pending(parsed, "upload " + name));
        model.addAttribute("fileName", name);
        return calendar(model);
    }

    @PostMapping("/apply")
    String apply(@RequestParam(name = "year", required = false) Integer year, HttpSession session, Model model,
                 RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || year == null
                || pending.parsed().year() != year) {
            // Another tab previewed another file since: importing it unseen would defeat the preview.
            return refuse(model, "file", "admin.calendar.invalid.nothingPending");
        }
        calendar.importYear(pending.parsed(), pending.source());
        session.removeAttribute(PENDING);
        return OrganisationPages.done(redirect, "admin.notice.calendarImported", String.valueOf(year), "/admin/calendar");
    }

    private String refuse(Model model, String field, String reason) {
        model.addAttribute("refusal", new AdminRefusal("calendar", null, field, reason));
        return calendar(model);
    }

    private static Integer year(String year) {
        try {
            int value = Integer.parseInt(year == null ? "" : year.strip());
            return value >= 1900 && value <= 9999 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
