package org.hotline8890.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.publication.PublishedResult;
import org.hotline8890.publication.PublishedResultRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For the public: the de-identified published results, the same data and the same paging (20 a page,
 * {@code size} up to 100) as {@code /api/public/results}.
 */
@Controller
class PublicPages {

    private final PublishedResultRepository results;
    private final Choices choices;
    private final ZoneId zone;

    PublicPages(PublishedResultRepository results, Choices choices, HotlineProperties properties) {
        this.results = results;
        this.choices = choices;
        this.zone = properties.zone();
    }

    /** One published result with its codes already put into the reader's words. */
    record Row(String caseNumber, String caseType, String category, String district, String subject, String content,
               String reply, String satisfaction, Instant closedAt) {
    }

    @GetMapping("/public/results")
    String results(@RequestParam(defaultValue = "") String district, @RequestParam(defaultValue = "") String category,
                   @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model, Locale locale) {
        var categories = choices.categories(locale);
        var districts = choices.districts(locale);
        model.addAttribute("categories", categories);
        model.addAttribute("districts", districts);
        model.addAttribute("district", district);
        model.addAttribute("category", category);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", zone);
        LocalDate first = date(from);
        LocalDate last = date(to);
        if ((!from.isBlank() && first == null) || (!to.isBlank() && last == null)) {
            model.addAttribute("problem", "page.results.badDate");
            return "public/results";
        }
        Page<PublishedResult> found = results.search(blankToNull(district), blankToNull(category),
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
                PageRequest.of(Math.max(0, page), Math.min(100, Math.max(1, size))));
        Map<String, String> categoryNames = names(categories);
        Map<String, String> districtNames = names(districts);
        model.addAttribute("rows", found.getContent().stream().map(r -> new Row(r.getCaseNumber(), r.getCaseType(),
                categoryNames.getOrDefault(r.getCategoryCode(), r.getCategoryCode()),
                districtNames.getOrDefault(r.getDistrictCode(), r.getDistrictCode()), r.getSubject(), r.getContent(),
                r.getReply(), r.getSatisfaction(), r.getClosedAt())).toList());
        model.addAttribute("page", found.getNumber());
        model.addAttribute("size", found.getSize());
        model.addAttribute("pages", found.getTotalPages());
        model.addAttribute("total", found.getTotalElements());
        return "public/results";
    }

    private static Map<String, String> names(List<Choices.Choice> list) {
        return list.stream().collect(Collectors.toMap(Choices.Choice::code, Choices.Choice::name, (a, b) -> a));
    }

    /** A date the reader typed; {@code null} when empty or not a date (the page then says so). */
    private static LocalDate date(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
