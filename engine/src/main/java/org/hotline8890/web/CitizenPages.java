package org.hotline8890.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotline8890.HotlineProperties;
import org.hotline8890.abuse.ClientAddresses;
import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.CitizenDesk;
import org.hotline8890.api.InvalidFieldException;
import org.hotline8890.attachments.AttachmentPurpose;
import org.hotline8890.attachments.AttachmentRejectedException;
import org.hotline8890.attachments.CaseAttachments;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.intake.IntakeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen portal: submit a request, look it up with the case number and query code, rate the
 * result when asked. Plain
 * form posts, so it works without JavaScript; the citizen API's rules and rate limits apply.
 */
@Controller
@RequestMapping("/citizen")
class CitizenPages {

    /** Texts for refused fields are {@code page.submit.invalid.<field>} in the message bundles. */
    static final String INVALID = "page.submit.invalid.";

    private final CitizenDesk desk;
    private final Choices choices;
    private final Validator validator;
    private final ClientAddresses addresses;
    private final ZoneId zone;
    private final CaseAttachments attachments;
    private final CaseRepository cases;

    CitizenPages(CitizenDesk desk, Choices choices, Validator validator, ClientAddresses addresses,
                 HotlineProperties properties, CaseAttachments attachments, CaseRepository cases) {
        this.zone = properties.zone();
        this.attachments = attachments;
        this.cases = cases;
        this.desk = desk;
        this.choices = choices;
        this.validator = validator;
        this.addresses = addresses;
    }

    @GetMapping("/requests/new")
    String requestForm(Model model, Locale locale) {
        model.addAttribute("form", new RequestForm());
        return showForm(model, locale);
    }

    @PostMapping("/requests")
    String submit(@ModelAttribute("form") RequestForm form, BindingResult binding,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale) {
        CaseRequest request = form.toRequest();
        if (!binding.hasErrors()) {
            for (ConstraintViolation<CaseRequest> violation : validator.validate(request)) {
                reject(binding, violation.getPropertyPath().toString());
            }
        }
        try {
            // Checked before the request is accepted, so a refused photo never leaves a case without it.
            attachments.check(files);
        } catch (AttachmentRejectedException refused) {
            model.addAttribute("filesProblem", INVALID + "files." + refused.reason());
            model.addAttribute("rejectedFile", refused.fileName());
        }
        if (binding.hasErrors() || model.containsAttribute("filesProblem")) {
            return showForm(model, locale);
        }
        IntakeService.Accepted accepted;
        try {
            // A page post has no retry key of its own: each accepted post is a new contact.
            accepted = desk.submit(request, UUID.randomUUID().toString());
        } catch (InvalidFieldException unknown) {
            reject(binding, unknown.field());
            return showForm(model, locale);
        }
        if (!accepted.duplicate()) {
            cases.findByCaseNumber(accepted.caseNumber()).ifPresent(c ->
                    attachments.store(c.getId(), files, AttachmentPurpose.REQUEST, "citizen"));
        }
        model.addAttribute("caseNumber", accepted.caseNumber());
        model.addAttribute("queryCode", accepted.queryCode());
        return "citizen/submitted";
    }

    @GetMapping("/lookup")
    String lookupForm() {
        return "citizen/lookup";
    }

    @PostMapping("/cases/lookup")
    String lookup(@RequestParam(defaultValue = "") String caseNumber, @RequestParam(defaultValue = "") String queryCode,
                  HttpServletRequest http, Model model) {
        model.addAttribute("caseNumber", caseNumber);
        if (caseNumber.isBlank() || queryCode.isBlank() || caseNumber.length() > 32 || queryCode.length() > 32) {
            model.addAttribute("problem", "page.lookup.incomplete");
            return "citizen/lookup";
        }
        try {
            // Dates read in the hotline's own time zone, as its deadlines are set.
            model.addAttribute("zone", zone);
            model.addAttribute("found", desk.lookup(caseNumber, queryCode.strip(), addresses.of(http)));
            // The rating form needs the code again; it goes back only to the person who just typed it.
            model.addAttribute("queryCode", queryCode.strip());
            model.addAttribute("ratings", List.of(Satisfaction.values()));
        } catch (CaseNotFoundException unknownOrWrongCode) {
            model.addAttribute("problem", "page.lookup.notFound");
            return "citizen/lookup";
        }
        return "citizen/case";
    }

    /**
     * The rating form on the case page posts the query code the citizen has just entered, so the rating
     * is guarded exactly like a look-up; the page then shows the case again.
     */
    @PostMapping("/cases/feedback")
    String feedback(@RequestParam(defaultValue = "") String caseNumber, @RequestParam(defaultValue = "") String queryCode,
                    @RequestParam(required = false) Satisfaction rating, @RequestParam(defaultValue = "") String comment,
                    HttpServletRequest http, Model model) {
        String address = addresses.of(http);
        if (rating == null || comment.length() > 1000) {
            model.addAttribute("feedbackProblem", "page.feedback.invalid");
        } else {
            try {
                desk.feedback(caseNumber.strip(), queryCode.strip(), rating, comment.isBlank() ? null : comment.strip(), address);
                model.addAttribute("feedbackDone", true);
            } catch (CaseStateException notWaitingForIt) {
                model.addAttribute("feedbackProblem", "page.feedback.notWaiting");
            } catch (CaseNotFoundException wrongCode) {
                model.addAttribute("caseNumber", caseNumber);
                model.addAttribute("problem", "page.lookup.notFound");
                return "citizen/lookup";
            }
        }
        return lookup(caseNumber, queryCode, http, model);
    }

    private static void reject(BindingResult binding, String property) {
        // The "reachable" rule is about the contact as a whole; the phone field is where it is fixed.
        String field = "reachable".equals(property) ? "phone" : property;
        if (!binding.hasFieldErrors(field)) {
            binding.rejectValue(field, INVALID + field);
        }
    }

    private String showForm(Model model, Locale locale) {
        model.addAttribute("types", List.of(CaseType.values()));
        model.addAttribute("categories", choices.categories(locale));
        model.addAttribute("districts", choices.districts(locale));
        model.addAttribute("maxFiles", attachments.maxFiles());
        model.addAttribute("maxFileSize", attachments.maxFileSizeMegabytes());
        return "citizen/request";
    }
}
