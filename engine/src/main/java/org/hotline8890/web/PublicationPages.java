package org.hotline8890.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.publication.InvalidReviewText;
import org.hotline8890.publication.PublicationReview;
import org.hotline8890.publication.PublicationReview.Texts;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 公开审核 page: each result waiting for review beside the case's own texts, with one form to approve
 * (the de-identified texts editable) and one to withhold. The rules live in {@link PublicationReview};
 * a refused text shows the page again with the reviewer's own text and the message beside the field.
 */
@Controller
@RequestMapping("/center/publications")
class PublicationPages {

    /** One pending result as shown: the texts in the form are the reviewer's own after a refused post. */
    record Row(PublicationReview.Pending pending, Texts shown, String reason) {
    }

    /** The refused field of one case's form, with the message key and its argument. */
    record Problem(String caseNumber, String field, String message, Object argument) {

        public boolean at(String caseNumber, String field) {
            return this.caseNumber.equals(caseNumber) && this.field.equals(field);
        }
    }

    private final PublicationReview review;
    private final CurrentStaff staff;
    private final Choices choices;
    private final MessageSource messages;
    private final HotlineProperties properties;
    private final CaseRepository cases;
    private final CaseAccessPolicy access;

    PublicationPages(PublicationReview review, CurrentStaff staff, Choices choices, MessageSource messages,
                     HotlineProperties properties, CaseRepository cases, CaseAccessPolicy access) {
        this.review = review;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.choices = choices;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping
    String list(Model model, Locale locale) {
        return page(model, locale, null, null, null);
    }

    @PostMapping("/{caseNumber}/approve")
    ModelAndView approve(@PathVariable String caseNumber, @RequestParam(required = false) String subject,
                         @RequestParam(required = false) String content, @RequestParam(required = false) String reply,
                         Model model, Locale locale, RedirectAttributes flash) {
        Texts edits = new Texts(subject, content, reply);
        try {
            CaseActions.actingOn(cases, access, staff.get(), caseNumber);
            PublicationReview.Approved approved = review.approve(staff.get().username(), caseNumber, edits);
            flash.addFlashAttribute("notice", "page.publications.approved");
            flash.addFlashAttribute("noticeCase", caseNumber);
            if (!approved.remasked().isEmpty()) {
                flash.addFlashAttribute("remasked", approved.remasked().stream()
                        .map(f -> messages.getMessage("page.publications.field." + f, null, locale))
                        .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", ")));
                flash.addFlashAttribute("published", approved.published());
            }
            return new ModelAndView("redirect:/center/publications");
        } catch (InvalidReviewText e) {
            return refused(model, locale, caseNumber, e, edits, null);
        } catch (CaseStateException | CaseNotFoundException e) {
            return stateRefused(caseNumber, flash);
        }
    }

    @PostMapping("/{caseNumber}/withhold")
    ModelAndView withhold(@PathVariable String caseNumber, @RequestParam(required = false) String reason,
                          Model model, Locale locale, RedirectAttributes flash) {
        try {
            CaseActions.actingOn(cases, access, staff.get(), caseNumber);
            review.withhold(staff.get().username(), caseNumber, reason);
            flash.addFlashAttribute("notice", "page.publications.withheld");
            flash.addFlashAttribute("noticeCase", caseNumber);
            return new ModelAndView("redirect:/center/publications");
        } catch (InvalidReviewText e) {
            return refused(model, locale, caseNumber, e, null, reason);
        } catch (CaseStateException | CaseNotFoundException e) {
            return stateRefused(caseNumber, flash);
        }
    }

    private ModelAndView refused(Model model, Locale locale, String caseNumber, InvalidReviewText e, Texts edits,
                                 String reason) {
        int limit = switch (e.field()) {
            case "subject" -> PublicationReview.SUBJECT_MAX;
            case "reason" -> PublicationReview.REASON_MAX;
            default -> PublicationReview.TEXT_MAX;
        };
        Problem problem = new Problem(caseNumber, e.field(), "page.publications.invalid." + e.reason(), limit);
        ModelAndView page = new ModelAndView(page(model, locale, problem, edits, reason), model.asMap(),
                HttpStatus.BAD_REQUEST);
        return page;
    }

    private static ModelAndView stateRefused(String caseNumber, RedirectAttributes flash) {
        flash.addFlashAttribute("error", "page.publications.refused");
        flash.addFlashAttribute("noticeCase", caseNumber);
        return new ModelAndView("redirect:/center/publications");
    }

    private String page(Model model, Locale locale, Problem problem, Texts edits, String reason) {
        Staff me = staff.get();
        // A center reviews its own region's results only.
        List<Row> rows = review.pending(c -> access.canActOn(me, c)).stream().map(p -> {
            boolean refusedHere = problem != null && problem.caseNumber().equals(p.caseNumber());
            Texts shown = refusedHere && edits != null ? edits : p.deidentified();
            return new Row(p, shown, refusedHere ? reason : null);
        }).toList();
        Map<String, String> districts = choices.districts(locale).stream()
                .collect(Collectors.toMap(Choices.Choice::code, Choices.Choice::name, (a, b) -> a));
        model.addAttribute("rows", rows);
        model.addAttribute("problem", problem);
        model.addAttribute("districts", districts);
        model.addAttribute("zone", properties.zone());
        model.addAttribute("subjectMax", PublicationReview.SUBJECT_MAX);
        model.addAttribute("textMax", PublicationReview.TEXT_MAX);
        model.addAttribute("reasonMax", PublicationReview.REASON_MAX);
        return "center/publications";
    }
}
