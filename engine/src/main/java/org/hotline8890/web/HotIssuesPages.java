package org.hotline8890.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.merging.HotIssues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 热点诉求 for the center: the groups of open cases about one thing, the biggest first (rule: merging.HotIssues). */
@Controller
class HotIssuesPages {

    private final HotIssues hotIssues;
    private final Choices choices;
    private final HotlineProperties properties;

    HotIssuesPages(HotIssues hotIssues, Choices choices, HotlineProperties properties) {
        this.hotIssues = hotIssues;
        this.choices = choices;
        this.properties = properties;
    }

    @GetMapping("/center/hot-issues")
    String hotIssues(Model model, Locale locale) {
        Map<String, String> districts = choices.districts(locale).stream()
                .collect(Collectors.toMap(Choices.Choice::code, Choices.Choice::name, (a, b) -> a));
        model.addAttribute("issues", hotIssues.current());
        model.addAttribute("districts", districts);
        model.addAttribute("zone", properties.zone());
        return "center/hot-issues";
    }
}
