package org.hotline8890.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
import org.hotline8890.security.CurrentStaff;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The two tables as editable forms. Adding, deleting and moving rows and the preview are plain form
 * posts that re-render the edited (unsaved) table, so the page works without JavaScript; only "save"
 * deploys. A saved change redirects (post/redirect/get) to the page with a notice of the new version.
 */
@Controller
class RuleTablePages {

    private static final String PAGE = "/admin/{slug:dispatch-catalogue|time-limits|escalation-ladder}";

    private final DecisionTables tables;
    private final CurrentStaff currentStaff;
    private final MessageSource messages;
    private final ZoneId zone;

    RuleTablePages(DecisionTables tables, CurrentStaff currentStaff, MessageSource messages,
                   HotlineProperties properties) {
        this.tables = tables;
        this.currentStaff = currentStaff;
        this.messages = messages;
        this.zone = properties.zone();
    }

    @GetMapping(PAGE)
    String show(@PathVariable String slug, Model model) {
        EditableDecision decision = decision(slug);
        RuleTable table = tables.read(decision);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RuleTableForm.of(table));
        }
        return page(decision, table, model);
    }

    @GetMapping(PAGE + "/test")
    String test(@PathVariable String slug, @RequestParam Map<String, String> params, Model model) {
        EditableDecision decision = decision(slug);
        RuleTable table = tables.read(decision);
        Map<String, String> inputs = new LinkedHashMap<>();
        table.inputs().forEach(c -> inputs.put(c.name(), params.getOrDefault(c.name(), "").strip()));
        model.addAttribute("testInputs", inputs);
        model.addAttribute("testResult", tables.evaluate(decision, inputs));
        model.addAttribute("form", RuleTableForm.of(table));
        return page(decision, table, model);
    }

    @PostMapping(PAGE)
    String edit(@PathVariable String slug, @ModelAttribute("form") RuleTableForm form,
                @RequestParam(defaultValue = "preview") String action, Model model, Locale locale,
                RedirectAttributes redirect) {
        EditableDecision decision = decision(slug);
        RuleTable table = tables.read(decision);
        List<RuleTableForm.RowForm> rows = form.getRows();
        String[] verb = action.split(":", 2);
        int index = verb.length > 1 ? parse(verb[1], rows.size()) : -1;
        switch (verb[0]) {
            case "add" -> rows.add(RuleTableForm.RowForm.of(new RuleTable.Row(null,
                    Collections.nCopies(table.inputs().size(), "-"), Collections.nCopies(table.outputs().size(), ""), "")));
            case "delete" -> {
                if (index >= 0) {
                    rows.remove(index);
                }
            }
            case "up" -> {
                if (index > 0) {
                    Collections.swap(rows, index, index - 1);
                }
            }
            case "down" -> {
                if (index >= 0 && index < rows.size() - 1) {
                    Collections.swap(rows, index, index + 1);
                }
            }
            case "save" -> {
                try {
                    DecisionTables.Saved saved = tables.save(decision, form.toRows(), form.getVersion(),
                            currentStaff.get().username());
                    redirect.addFlashAttribute("savedVersion", saved.versionAfter());
                    return "redirect:/admin/" + decision.slug;
                } catch (InvalidRuleTableException e) {
                    problems(e.problems(), model, locale);
                } catch (StaleRuleTableException e) {
                    model.addAttribute("stale", true);
                }
            }
            default -> {
                problems(tables.problems(decision, form.toRows()), model, locale);
                model.addAttribute("diff", tables.diff(decision, form.toRows()));
            }
        }
        return page(decision, table, model);
    }

    private String page(EditableDecision decision, RuleTable table, Model model) {
        model.addAttribute("key", decision.key);
        model.addAttribute("slug", decision.slug);
        model.addAttribute("table", table);
        model.addAttribute("changes", tables.changes(decision));
        model.addAttribute("types", CaseType.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("cellErrors")) {
            model.addAttribute("cellErrors", Map.of());
            model.addAttribute("tableErrors", List.of());
        }
        return "admin/rules";
    }

    private void problems(List<CellProblem> problems, Model model, Locale locale) {
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> whole = new ArrayList<>();
        for (CellProblem p : problems) {
            String reason = messages.getMessage(p.code(), p.args().toArray(), locale);
            if (p.row() == 0) {
                whole.add(reason);
            } else {
                cells.merge(p.cellId(), reason, (a, b) -> a + " " + b);
                whole.add(messages.getMessage("rules.error.at", new Object[] {p.row(), p.column(), reason}, locale));
            }
        }
        model.addAttribute("cellErrors", cells);
        model.addAttribute("tableErrors", whole);
    }

    private static int parse(String index, int size) {
        try {
            int i = Integer.parseInt(index);
            return i >= 0 && i < size ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static EditableDecision decision(String slug) {
        return EditableDecision.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
