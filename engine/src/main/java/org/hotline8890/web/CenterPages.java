package org.hotline8890.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotline8890.HotlineProperties;
import org.hotline8890.api.CaseViews;
import org.hotline8890.api.CenterRequests;
import org.hotline8890.api.InvalidFieldException;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.Regions;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.workflow.AssistActions;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseTransfers;
import org.hotline8890.workflow.DispatchLevelRefused;
import org.hotline8890.workflow.IntakeDecision;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The center console (中心工作台): every queue the center works through on one page, a case page with
 * the actions its status allows, and one plain form post per action of the center API. Each post is
 * checked by the API's own {@link CenterRequests} rules and carried out by {@link CaseActions}; it
 * redirects back with a notice, or shows the case again with the refused field's message.
 */
@Controller
@RequestMapping("/center")
class CenterPages {

    /** Texts for refused fields are {@code page.center.invalid.<action>.<field>} in the message bundles. */
    static final String INVALID = "page.center.invalid.";

    /** The forms say where they were sent from; only these two pages are ever redirected to. */
    private static final Set<String> ORIGINS = Set.of("console", "case");

    /** What went wrong with a post: a field of one action's form, or (field null) the case's state. */
    record Problem(String action, String field, String message) {

        public boolean at(String action, String field) {
            return this.action.equals(action) && field.equals(this.field);
        }
    }

    private final CenterQueues queues;
    private final CaseActions actions;
    private final AssistActions assisting;
    private final AssistRepository assists;
    private final CaseViews views;
    private final Clock clock;
    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final CurrentStaff staff;
    private final Choices choices;
    private final Validator validator;
    private final HotlineProperties properties;
    private final CaseTransfers transfers;
    private final Regions regions;

    CenterPages(CenterQueues queues, CaseActions actions, AssistActions assisting, AssistRepository assists, CaseViews views,
                CaseRepository cases, CurrentStaff staff, Choices choices, Validator validator,
                HotlineProperties properties, CaseTransfers transfers, Regions regions, CaseAccessPolicy access, Clock clock) {
        this.queues = queues;
        this.actions = actions;
        this.assisting = assisting;
        this.assists = assists;
        this.views = views;
        this.clock = clock;
        this.cases = cases;
        this.transfers = transfers;
        this.regions = regions;
        this.access = access;
        this.staff = staff;
        this.choices = choices;
        this.validator = validator;
        this.properties = properties;
    }

    @GetMapping
    String console(Model model, Locale locale) {
        model.addAttribute("console", queues.console(staff.get()));
        Instant now = clock.instant();
        model.addAttribute("declinedAssists", assists.findDeclinesAwaitingCenter().stream()
                .filter(a -> cases.findById(a.getCaseId()).filter(c -> access.canActOn(staff.get(), c)).isPresent())
                .map(a -> views.assistSummary(a, now)).toList());
        common(model, locale);
        return "center/console";
    }

    @GetMapping("/cases/{caseNumber}")
    String casePage(@PathVariable String caseNumber, Model model, Locale locale) {
        model.addAttribute("row", queues.one(staff.get(), caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber)));
        common(model, locale);
        return "center/case";
    }

    @PostMapping("/cases/{caseNumber}/intake-review")
    String reviewIntake(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                        Model model, Locale locale, RedirectAttributes flash) {
        IntakeDecision decision = enumOf(IntakeDecision.class, form.getFirst("decision"));
        CenterRequests.IntakeReview review = new CenterRequests.IntakeReview(decision, text(form, "text"),
                text(form, "mergeInto"), text(form, "departmentCode"), null, codes(form, "assistingCodes"));
        return act("intake", caseNumber, form, review, model, locale, flash, () -> {
            review.check();
            actions.reviewIntake(staff.get(), caseNumber, review.decision(), review.text(), review.articleId(),
                    review.mergeInto(), review.departmentCode(), review.assisting());
        });
    }

    @PostMapping("/cases/{caseNumber}/dispatch")
    String dispatch(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                    Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.Dispatch dispatch = new CenterRequests.Dispatch(text(form, "departmentCode"),
                codes(form, "assistingCodes"));
        return act("dispatch", caseNumber, form, dispatch, model, locale, flash,
                () -> actions.dispatchManually(staff.get(), caseNumber, dispatch.departmentCode(), dispatch.assisting()));
    }

    @PostMapping("/cases/{caseNumber}/return-ruling")
    String ruleOnReturn(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                        Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.ReturnRuling ruling = new CenterRequests.ReturnRuling(bool(form, "redispatch"),
                text(form, "departmentCode"), text(form, "comment"),
                Boolean.TRUE.equals(bool(form, "redispatch")) ? codes(form, "assistingCodes") : List.of());
        return act("returnRuling", caseNumber, form, ruling, model, locale, flash, () -> {
            ruling.check();
            actions.ruleOnReturn(staff.get(), caseNumber, ruling.redispatch(), ruling.departmentCode(), ruling.comment(),
                    ruling.assisting());
        });
    }

    @PostMapping("/cases/{caseNumber}/extension-ruling")
    String ruleOnExtension(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                           Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.Ruling ruling = new CenterRequests.Ruling(bool(form, "approved"), text(form, "comment"));
        return act("extensionRuling", caseNumber, form, ruling, model, locale, flash,
                () -> actions.ruleOnExtension(staff.get(), caseNumber, ruling.approved(), ruling.comment()));
    }

    @PostMapping("/cases/{caseNumber}/reply-review")
    String reviewReply(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                       Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.ReplyReview review = new CenterRequests.ReplyReview(bool(form, "accepted"), text(form, "comment"));
        return act("replyReview", caseNumber, form, review, model, locale, flash, () -> {
            review.check();
            actions.reviewReply(staff.get(), caseNumber, review.accepted(), review.comment());
        });
    }

    @PostMapping("/cases/{caseNumber}/supervision")
    String supervise(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                     Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.Note note = new CenterRequests.Note(text(form, "comment"));
        return act("supervision", caseNumber, form, note, model, locale, flash,
                () -> actions.supervise(staff.get(), caseNumber, note.comment()));
    }

    @PostMapping("/cases/{caseNumber}/reminders")
    String remind(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                  Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.Note note = new CenterRequests.Note(text(form, "comment"));
        return act("reminder", caseNumber, form, note, model, locale, flash,
                () -> actions.remind(staff.get(), caseNumber, note.comment()));
    }

    @PostMapping("/cases/{caseNumber}/feedback")
    String feedbackByPhone(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                           Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.PhoneFeedback feedback = new CenterRequests.PhoneFeedback(
                enumOf(Satisfaction.class, form.getFirst("rating")), text(form, "comment"));
        return act("feedback", caseNumber, form, feedback, model, locale, flash,
                () -> actions.recordFeedbackByPhone(staff.get(), caseNumber, feedback.rating(), feedback.comment()));
    }

    /** 跨区域转办: hand the case to another region's center, with the reason. */
    @PostMapping("/cases/{caseNumber}/transfer")
    String transfer(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                    Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.Transfer transfer = new CenterRequests.Transfer(text(form, "toRegion"), text(form, "reason"));
        return act("transfer", caseNumber, form, transfer, model, locale, flash, () -> {
            transfer.check(regions);
            transfers.transfer(staff.get(), caseNumber, transfer.toRegion(), transfer.reason());
        });
    }

    /** The receiving center sends a transfer back, once, with the reason. */
    @PostMapping("/cases/{caseNumber}/transfer-refusal")
    String refuseTransfer(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                          Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.TransferRefusal refusal = new CenterRequests.TransferRefusal(text(form, "reason"));
        return act("transferRefusal", caseNumber, form, refusal, model, locale, flash,
                () -> transfers.refuse(staff.get(), caseNumber, refusal.reason()));
    }

    /** 协办: ask more units to assist while the lead handles the case. */
    @PostMapping("/cases/{caseNumber}/assists")
    String requestAssists(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> form,
                          Model model, Locale locale, RedirectAttributes flash) {
        CenterRequests.AssistRequest request = new CenterRequests.AssistRequest(codes(form, "unitCodes"));
        return act("assists", caseNumber, form, request, model, locale, flash,
                () -> assisting.request(staff.get(), caseNumber, request.unitCodes()));
    }

    @PostMapping("/cases/{caseNumber}/assists/{unitCode}/withdraw")
    String withdrawAssist(@PathVariable String caseNumber, @PathVariable String unitCode,
                          @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                          RedirectAttributes flash) {
        CenterRequests.AssistWithdrawal withdrawal = new CenterRequests.AssistWithdrawal(text(form, "reason"));
        return act("assistWithdrawal", caseNumber, form, withdrawal, model, locale, flash,
                () -> assisting.withdraw(staff.get(), caseNumber, unitCode, withdrawal.reason()));
    }

    /** A unit declined: the units chosen are asked instead ({@code decision=replace}), or none ({@code drop}). */
    @PostMapping("/cases/{caseNumber}/assists/{unitCode}/decline-ruling")
    String ruleOnDecline(@PathVariable String caseNumber, @PathVariable String unitCode,
                         @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                         RedirectAttributes flash) {
        boolean drop = "drop".equals(form.getFirst("decision"));
        CenterRequests.DeclineRuling ruling = new CenterRequests.DeclineRuling(drop ? List.of() : codes(form, "replacements"));
        return act("declineRuling", caseNumber, form, ruling, model, locale, flash, () -> {
            if (!drop && ruling.instead().isEmpty()) {
                throw new InvalidFieldException("replacements", "choose the units to ask instead, or drop the part");
            }
            assisting.settleDecline(staff.get(), caseNumber, unitCode, ruling.instead());
        });
    }

    /** An unknown case number, in a link or a form, is the app's own "not found" page. */
    @ExceptionHandler(CaseNotFoundException.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }

    /**
     * Checks the request as the API does (its constraints, then its rules between fields), carries the
     * action out, and decides where the person goes next. Anything refused is shown on the case page,
     * next to the field at fault, with what was typed still in the form.
     */
    private String act(String action, String caseNumber, MultiValueMap<String, String> form, Object request,
                       Model model, Locale locale, RedirectAttributes flash, Runnable carryOut) {
        if (queues.one(staff.get(), caseNumber).isEmpty()) {
            throw new CaseNotFoundException(caseNumber);
        }
        Problem problem = validator.validate(request).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                // A list element's path ("unitCodes[0].<list element>") is refused as its list.
                .map(path -> path.replaceAll("\\[.*$", "")).sorted().findFirst().map(field -> invalid(action, field)).orElse(null);
        if (problem == null) {
            try {
                carryOut.run();
            } catch (InvalidFieldException refused) {
                problem = invalid(action, refused.field());
            } catch (CaseNotFoundException mergeTarget) {
                // The case itself exists (checked above), so what is unknown is the case to merge into.
                problem = invalid(action, "mergeInto");
            } catch (CaseStateException refused) {
                problem = stateProblem(action, refused);
            } catch (ObjectOptimisticLockingFailureException meanwhile) {
                problem = new Problem(action, null, "page.center.changedMeanwhile");
            }
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("values", form.toSingleValueMap());
            return casePage(caseNumber, model, locale);
        }
        flash.addFlashAttribute("notice", "page.center.done." + action);
        flash.addFlashAttribute("noticeCase", caseNumber);
        // The console reloads itself with GET /center on every queue change, and such a reload would take a
        // notice meant for the console's redirect; with a parameter in the address the notice waits for it.
        return "console".equals(origin(form)) ? "redirect:/center?done=" + action
                : "redirect:/center/cases/" + caseNumber;
    }

    private static Problem stateProblem(String action, CaseStateException refused) {
        // These codes are about a value the person chose, so the message belongs next to that field.
        return switch (refused.getCode()) {
            case "department.unknown", "department.otherRegion" -> invalid(action, "departmentCode");
            case "transfer.sameRegion", "transfer.refusedBefore" -> new Problem(action, "toRegion",
                    "page.center.refused." + refused.getCode());
            case "case.otherRegion" -> new Problem(action, null, "page.center.refused.otherRegion");
            case DispatchLevelRefused.CODE -> new Problem(action, ASSIST_FIELDS.getOrDefault(action, DispatchLevelRefused.FIELD),
                    "page.center.refused.departmentLevel");
            case "assist.leadCannotAssist", "assist.alreadyAsked", "assist.noLead", "assist.leadIsAssisting",
                 "assist.notAUnit", "assist.caseNotHandled" -> new Problem(action, null, "page.center.refused." + refused.getCode());
            case "case.missing.comment", "case.missing.reason" -> invalid(action, "comment");
            default -> new Problem(action, null, "page.center.refused");
        };
    }

    /** Where the assist forms name their units, so a refused unit's message stands next to its list. */
    private static final Map<String, String> ASSIST_FIELDS = Map.of("assists", "unitCodes", "declineRuling", "replacements");

    private static Problem invalid(String action, String field) {
        return new Problem(action, field, INVALID + action + "." + field);
    }

    private void common(Model model, Locale locale) {
        List<Choices.Choice> departments = choices.departments(locale);
        String region = staff.get().region();
        // A center dispatches within its own region: the lists offer its units only (CaseActions refuses others).
        model.addAttribute("departments", choices.departmentsIn(region, locale));
        model.addAttribute("departmentNames", names(departments));
        model.addAttribute("otherRegions", regions.all().stream().filter(r -> !r.code().equals(region))
                .map(r -> new Choices.Choice(r.code(), "en".equals(locale.getLanguage()) && r.nameEn() != null
                        ? r.nameEn() : r.name(), false)).toList());
        // The case page names the category and the district as the reader says them, not by their codes.
        model.addAttribute("categoryNames", names(choices.categories(locale)));
        model.addAttribute("districtNames", names(choices.districts(locale)));
        model.addAttribute("decisions", List.of(IntakeDecision.ANSWER, IntakeDecision.REJECT, IntakeDecision.MERGE,
                IntakeDecision.DISPATCH));
        model.addAttribute("ratings", List.of(Satisfaction.values()));
        model.addAttribute("zone", properties.zone());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
    }

    private static Map<String, String> names(List<Choices.Choice> choices) {
        return choices.stream().collect(Collectors.toMap(Choices.Choice::code, Choices.Choice::name, (a, b) -> a, HashMap::new));
    }

    private static String origin(MultiValueMap<String, String> form) {
        String from = form.getFirst("from");
        return from != null && ORIGINS.contains(from) ? from : "case";
    }

    /** The codes chosen in a multiple select (an empty choice, "none", is left out). */
    private static List<String> codes(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Boolean bool(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    /** An unknown value reads as none, so the constraint on the field names it rather than a type error. */
    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
