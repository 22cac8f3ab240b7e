package org.hotline8890.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.merging.HotIssues;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 热点诉求 for the center: the groups of open cases about one thing, the biggest first (rule: merging.HotIssues). */
@Controller
class HotIssuesPages {

    private final HotIssues hotIssues;
    private final Choices choices;
    private final HotlineProperties properties;
    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final CurrentStaff staff;

    HotIssuesPages(HotIssues hotIssues, Choices choices, HotlineProperties properties, CaseRepository cases,
                   CaseAccessPolicy access, CurrentStaff staff) {
        this.hotIssues = hotIssues;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.choices = choices;
        this.properties = properties;
    }

    @GetMapping("/center/hot-issues")
    String hotIssues(Model model, Locale locale) {
        Map<String, String> districts = choices.districts(locale).stream()
                .collect(Collectors.toMap(Choices.Choice::code, Choices.Choice::name, (a, b) -> a));
        Staff me = staff.get();
        // A center sees the hot issues of its own region.
        model.addAttribute("issues", hotIssues.current(n -> cases.findByCaseNumber(n).filter(c -> access.canActOn(me, c)).isPresent()));
        model.addAttribute("districts", districts);
        model.addAttribute("zone", properties.zone());
        return "center/hot-issues";
    }
}
