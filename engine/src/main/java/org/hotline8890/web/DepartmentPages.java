package org.hotline8890.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline8890.HotlineProperties;
import org.hotline8890.api.CaseViews;
import org.hotline8890.api.DepartmentDesk;
import org.hotline8890.assisting.AssistState;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.attachments.AttachmentPurpose;
import org.hotline8890.attachments.AttachmentRejectedException;
import org.hotline8890.attachments.CaseAttachments;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.AssistActions;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.DispatchLevelRefused;
import org.hotline8890.workflow.SubCenterRuling;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The department workbench (承办工作台): its own cases with their deadlines, and one case with the
 * actions its status allows. Plain form posts that redirect back with a notice, or show the page again
 * with the message next to the field; the rules are the department API's (DepartmentDesk, CaseActions).
 */
@Controller
@RequestMapping("/department")
class DepartmentPages {

    /** Field messages are {@code page.department.invalid.<key>}. */
    static final String INVALID = "page.department.invalid.";
    private static final int MAX_REASON = 1000;
    private static final int MAX_REPLY = 5000;

    private final DepartmentDesk desk;
    private final CaseActions actions;
    private final AssistActions assisting;
    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final Organisation organisation;
    private final CaseViews views;
    private final CaseAttachments attachments;
    private final CurrentStaff staff;
    private final Countdowns countdowns;
    private final HotlineProperties properties;
    private final Clock clock;

    DepartmentPages(DepartmentDesk desk, CaseActions actions, AssistActions assisting, CaseRepository cases,
                    CaseAccessPolicy access, Organisation organisation, CaseViews views, CaseAttachments attachments,
                    CurrentStaff staff, Countdowns countdowns, HotlineProperties properties, Clock clock) {
        this.organisation = organisation;
        this.desk = desk;
        this.actions = actions;
        this.assisting = assisting;
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.attachments = attachments;
        this.staff = staff;
        this.countdowns = countdowns;
        this.properties = properties;
        this.clock = clock;
    }

    record Row(CaseViews.CaseSummary summary, Countdowns.Countdown countdown) {
    }

    /** A case the unit assists on (协办), with its own part's countdown. */
    record AssistRow(CaseViews.AssistSummary summary, Countdowns.Countdown countdown) {
    }

    @GetMapping
    String workbench(Model model, Locale locale) {
        Instant now = clock.instant();
        List<Row> rows = desk.ownCases(staff.get()).stream()
                .map(c -> new Row(views.summary(c, now), countdowns.of(c, now, locale))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("assistRows", desk.ownAssists(staff.get()).stream()
                .map(a -> new AssistRow(views.assistSummary(a, now), countdowns.of(a, now, locale))).toList());
        model.addAttribute("zone", properties.zone());
        return "department/workbench";
    }

    @GetMapping("/cases/{caseNumber}")
    String showCase(@PathVariable String caseNumber, Model model, Locale locale) {
        return casePage(caseNumber, model, locale, Map.of());
    }

    @PostMapping("/cases/{caseNumber}/sign")
    String sign(@PathVariable String caseNumber, Model model, Locale locale, RedirectAttributes redirect) {
        return act(caseNumber, model, locale, redirect, "signed", Map.of(), () -> actions.sign(staff.get(), caseNumber));
    }

    @PostMapping("/cases/{caseNumber}/return")
    String returnCase(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String reason, Model model,
                      Locale locale, RedirectAttributes redirect) {
        model.addAttribute("returnReason", reason);
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            return casePage(caseNumber, model, locale, Map.of("returnReason", reason.isBlank() ? "reason" : "reasonLength"));
        }
        String done = visibleCase(caseNumber).returnsToSubCenter() ? "returnedToSubCenter" : "returned";
        return act(caseNumber, model, locale, redirect, done, Map.of("case.missing.reason", "returnReason"),
                () -> actions.returnToCenter(staff.get(), caseNumber, reason.strip()));
    }

    @PostMapping("/cases/{caseNumber}/extension")
    String requestExtension(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String until,
                            @RequestParam(defaultValue = "") String reason, Model model, Locale locale,
                            RedirectAttributes redirect) {
        model.addAttribute("extensionUntil", until);
        model.addAttribute("extensionReason", reason);
        Map<String, String> problems = new HashMap<>();
        LocalDate day = null;
        try {
            day = until.isBlank() ? null : LocalDate.parse(until.strip());
        } catch (DateTimeParseException notADate) {
            // reported below, like a missing date
        }
        if (day == null) {
            problems.put("extensionUntil", "until");
        }
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            problems.put("extensionReason", reason.isBlank() ? "reason" : "reasonLength");
        }
        if (!problems.isEmpty()) {
            return casePage(caseNumber, model, locale, problems);
        }
        LocalDate newLastDay = day;
        return act(caseNumber, model, locale, redirect, "extensionRequested",
                Map.of("case.extensionNotLater", "extensionUntil", "case.missing.reason", "extensionReason"),
                () -> desk.requestExtension(staff.get(), caseNumber, newLastDay, reason.strip()));
    }

    @PostMapping("/cases/{caseNumber}/reply")
    String reply(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String text,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
                 RedirectAttributes redirect) {
        model.addAttribute("replyText", text);
        if (text.isBlank() || text.length() > MAX_REPLY) {
            return casePage(caseNumber, model, locale, Map.of("replyText", text.isBlank() ? "reply" : "replyLength"));
        }
        try {
            // Refused files must not leave a reply behind without them: check before replying.
            attachments.check(files);
        } catch (AttachmentRejectedException refused) {
            model.addAttribute("rejectedFile", refused.fileName());
            return casePage(caseNumber, model, locale, Map.of("replyFiles", "files." + refused.reason()));
        }
        String done = visibleCase(caseNumber).isBelowSubCenter() ? "repliedToSubCenter" : "replied";
        return act(caseNumber, model, locale, redirect, done, Map.of("case.missing.reply", "replyText"), () -> {
            actions.reply(staff.get(), caseNumber, text.strip());
            attachments.store(visibleCase(caseNumber).getId(), files, AttachmentPurpose.REPLY, staff.get().username());
        });
    }

    // --- 分中心: the sub-center's own steps, shown only to its staff (docs/organisation.md, "Sub-centers") ---

    @PostMapping("/cases/{caseNumber}/redispatch")
    String redispatch(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String departmentCode,
                      Model model, Locale locale, RedirectAttributes redirect) {
        model.addAttribute("redispatchUnit", departmentCode);
        if (departmentCode.isBlank()) {
            return casePage(caseNumber, model, locale, Map.of("redispatchUnit", "unit"));
        }
        return act(caseNumber, model, locale, redirect, "redispatched", unitRefusalsAt("redispatchUnit"),
                () -> actions.redispatchInSubCenter(staff.get(), caseNumber, departmentCode.strip()));
    }

    @PostMapping("/cases/{caseNumber}/sub-center-ruling")
    String ruleOnReturn(@PathVariable String caseNumber, @RequestParam(required = false) SubCenterRuling ruling,
                        @RequestParam(defaultValue = "") String departmentCode,
                        @RequestParam(defaultValue = "") String comment, Model model, Locale locale,
                        RedirectAttributes redirect) {
        model.addAttribute("ruling", ruling);
        model.addAttribute("rulingUnit", departmentCode);
        model.addAttribute("rulingComment", comment);
        Map<String, String> problems = new HashMap<>();
        if (ruling == null) {
            problems.put("ruling", "ruling");
        } else if (ruling == SubCenterRuling.REDISPATCH && departmentCode.isBlank()) {
            problems.put("rulingUnit", "unit");
        } else if (ruling == SubCenterRuling.PASS_UP && comment.isBlank()) {
            problems.put("rulingComment", "reason");
        }
        if (comment.length() > MAX_REASON) {
            problems.put("rulingComment", "reasonLength");
        }
        if (!problems.isEmpty()) {
            return casePage(caseNumber, model, locale, problems);
        }
        Map<String, String> fields = new HashMap<>(unitRefusalsAt("rulingUnit"));
        fields.put("case.missing.reason", "rulingComment");
        return act(caseNumber, model, locale, redirect, "ruled." + ruling, fields,
                () -> actions.ruleOnReturnInSubCenter(staff.get(), caseNumber, ruling, departmentCode.strip(),
                        comment.isBlank() ? null : comment.strip()));
    }

    @PostMapping("/cases/{caseNumber}/sub-center-review")
    String reviewReply(@PathVariable String caseNumber, @RequestParam(defaultValue = "false") boolean approved,
                       @RequestParam(defaultValue = "") String comment, Model model, Locale locale,
                       RedirectAttributes redirect) {
        model.addAttribute("reviewComment", comment);
        if (!approved && (comment.isBlank() || comment.length() > MAX_REASON)) {
            return casePage(caseNumber, model, locale, Map.of("reviewComment", comment.isBlank() ? "reason" : "reasonLength"));
        }
        return act(caseNumber, model, locale, redirect, approved ? "replyApproved" : "replySentBack",
                Map.of("case.missing.reason", "reviewComment"),
                () -> actions.reviewReplyInSubCenter(staff.get(), caseNumber, approved,
                        comment.isBlank() ? null : comment.strip()));
    }

    /** A refused unit choice is shown next to the field it was typed in. */
    private static Map<String, String> unitRefusalsAt(String field) {
        return Map.of(DispatchLevelRefused.CODE, field, DispatchLevelRefused.OUTSIDE_SUBTREE, field,
                "department.unknown", field);
    }

    /** 协办签收: the assisting unit takes its part on. */
    @PostMapping("/cases/{caseNumber}/assist/sign")
    String signAssist(@PathVariable String caseNumber, Model model, Locale locale, RedirectAttributes redirect) {
        return act(caseNumber, model, locale, redirect, "assistSigned", Map.of(),
                () -> assisting.sign(staff.get(), caseNumber));
    }

    /** The assisting unit declines its part; the reason is required and goes to the center. */
    @PostMapping("/cases/{caseNumber}/assist/decline")
    String declineAssist(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String reason, Model model,
                         Locale locale, RedirectAttributes redirect) {
        model.addAttribute("declineReason", reason);
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            return casePage(caseNumber, model, locale, Map.of("declineReason", reason.isBlank() ? "reason" : "reasonLength"));
        }
        return act(caseNumber, model, locale, redirect, "assistDeclined", Map.of("assist.missing.reason", "declineReason"),
                () -> assisting.decline(staff.get(), caseNumber, reason.strip()));
    }

    /** The assisting unit's contribution, with files if it has any (checked before anything is stored). */
    @PostMapping("/cases/{caseNumber}/assist/contribution")
    String contribute(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String text,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                      Locale locale, RedirectAttributes redirect) {
        model.addAttribute("contributionText", text);
        if (text.isBlank() || text.length() > MAX_REPLY) {
            return casePage(caseNumber, model, locale,
                    Map.of("contributionText", text.isBlank() ? "contribution" : "contributionLength"));
        }
        try {
            attachments.check(files);
        } catch (AttachmentRejectedException refused) {
            model.addAttribute("rejectedFile", refused.fileName());
            return casePage(caseNumber, model, locale, Map.of("contributionFiles", "files." + refused.reason()));
        }
        return act(caseNumber, model, locale, redirect, "contributed",
                Map.of("assist.missing.contribution", "contributionText"), () -> {
                    Long caseId = assisting.contribute(staff.get(), caseNumber, text.strip());
                    attachments.store(caseId, files, AttachmentPurpose.ASSIST, staff.get().username());
                });
    }

    /** Unknown numbers and other departments' cases get the same page, so a guessed URL tells nothing. */
    @ExceptionHandler(CaseNotFoundException.class)
    ModelAndView notFound() {
        return notFoundPage();
    }

    static ModelAndView notFoundPage() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }

    /**
     * Does the action and redirects with a notice; a refusal by the case's own rules is shown next to
     * the field it concerns ({@code fieldByCode}) or, if it concerns none, above the actions.
     */
    private String act(String caseNumber, Model model, Locale locale, RedirectAttributes redirect, String done,
                       Map<String, String> fieldByCode, Runnable action) {
        visibleCase(caseNumber);
        try {
            action.run();
        } catch (CaseStateException refused) {
            String field = fieldByCode.get(refused.getCode());
            if (field != null) {
                return casePage(caseNumber, model, locale, Map.of(field, refused.getCode()));
            }
            // The lead-reply rule has its own words: which units it waits for is on the page.
            model.addAttribute("problem", "case.assistPending".equals(refused.getCode())
                    ? "page.department.problem.assistPending" : "page.department.problem.state");
            return casePage(caseNumber, model, locale, Map.of());
        }
        redirect.addFlashAttribute("notice", "page.department.done." + done);
        return "redirect:/department/cases/" + caseNumber;
    }

    private String casePage(String caseNumber, Model model, Locale locale, Map<String, String> problems) {
        HotlineCase c = visibleCase(caseNumber);
        Instant now = clock.instant();
        CaseViews.StaffCaseView view = views.staff(c);
        model.addAttribute("view", view);
        model.addAttribute("countdown", countdowns.of(c, now, locale));
        model.addAttribute("attachments", attachments.of(c.getId()));
        model.addAttribute("zone", properties.zone());
        model.addAttribute("maxFiles", attachments.maxFiles());
        model.addAttribute("maxFileSize", attachments.maxFileSizeMegabytes());
        // An assisting unit reads the case but takes none of the lead's steps, only its own part's.
        boolean lead = access.canSee(staff.get(), c);
        model.addAttribute("lead", lead);
        model.addAttribute("canSign", lead && c.getStatus() == CaseStatus.DISPATCHED);
        // The city's designation binds the sub-center, not the units it re-dispatches to.
        model.addAttribute("canReturn", lead && c.getStatus() == CaseStatus.DISPATCHED
                && (!c.isDesignated() || c.returnsToSubCenter()));
        model.addAttribute("canExtend", lead && c.getStatus() == CaseStatus.HANDLING && c.getExtensionRequestedUntil() == null
                && c.getHandleBy() != null && now.isBefore(c.getHandleBy()));
        model.addAttribute("canReply", lead && c.getStatus() == CaseStatus.HANDLING);
        boolean subCenter = access.actsForSubCenter(staff.get(), c);
        model.addAttribute("returnsToSubCenter", c.returnsToSubCenter());
        model.addAttribute("canRedispatch", subCenter && c.getStatus() == CaseStatus.REDISPATCHING);
        model.addAttribute("canRuleOnReturn", subCenter && c.getStatus() == CaseStatus.RETURNED_TO_SUB_CENTER);
        model.addAttribute("canReviewReply", subCenter && c.getStatus() == CaseStatus.SUB_CENTER_REVIEW);
        model.addAttribute("unitsBelow", subCenter ? unitsBelow(c) : List.of());
        List<CaseViews.AssistView> all = view.assists();
        model.addAttribute("assists", lead ? all : List.of());
        // The last due first, so the page can say until when the reply may have to wait.
        model.addAttribute("waitingFor", lead ? all.stream().filter(a -> (a.state().equals("REQUESTED")
                        || a.state().equals("SIGNED")) && !a.overdue())
                .sorted(Comparator.comparing(CaseViews.AssistView::contributeBy).reversed()).toList() : List.of());
        CaseAssist mine = desk.ownAssistsOn(staff.get(), c).stream().reduce((first, later) -> later).orElse(null);
        model.addAttribute("myAssist", mine == null ? null : views.assist(mine, now));
        model.addAttribute("myCountdown", mine == null ? null : countdowns.of(mine, now, locale));
        model.addAttribute("canSignAssist", mine != null && mine.getState() == AssistState.REQUESTED);
        model.addAttribute("canContribute", mine != null && mine.getState() == AssistState.SIGNED);
        Map<String, String> errors = new HashMap<>();
        problems.forEach((field, key) -> errors.put(field, messageKey(key)));
        model.addAttribute("errors", errors);
        return "department/case";
    }

    /** The units the acting sub-center may re-dispatch to: its active subtree without itself, the level rule decides the rest. */
    private List<OrgUnit> unitsBelow(HotlineCase c) {
        return organisation.byId(c.getActingSubCenterId()).map(organisation::subtree).orElse(List.of()).stream()
                .filter(u -> u.isActive() && !u.getId().equals(c.getActingSubCenterId()))
                .sorted(java.util.Comparator.comparing(OrgUnit::getPath)).toList();
    }

    private static String messageKey(String key) {
        return switch (key) {
            case DispatchLevelRefused.CODE -> INVALID + "levelRefused";
            case DispatchLevelRefused.OUTSIDE_SUBTREE -> INVALID + "notBelowSubCenter";
            case "department.unknown" -> INVALID + "unit";
            case "case.extensionNotLater" -> INVALID + "untilNotLater";
            case "case.missing.reason" -> INVALID + "reason";
            case "case.missing.reply" -> INVALID + "reply";
            case "assist.missing.reason" -> INVALID + "reason";
            case "assist.missing.contribution" -> INVALID + "contribution";
            default -> INVALID + key;
        };
    }

    private HotlineCase visibleCase(String caseNumber) {
        return cases.findByCaseNumber(caseNumber)
                .filter(c -> access.canRead(staff.get(), c))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }
}
