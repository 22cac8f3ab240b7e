package org.hotline8890.api;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.abuse.ClientAddresses;
import org.hotline8890.abuse.QueryCodeGuard;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.intake.IntakeService;
import org.hotline8890.workflow.CaseActions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's side: submit through the web channel, look a case up with its number and query code,
 * and rate the result. A wrong code answers exactly like an unknown number, and too many of them are
 * refused for a while ({@link QueryCodeGuard}).
 */
@RestController
@RequestMapping("/api/citizen")
class CitizenApi {

    private final IntakeService intake;
    private final ReferenceChecks references;
    private final CaseRepository cases;
    private final QueryCodes queryCodes;
    private final CaseViews views;
    private final CaseActions actions;
    private final MessageSource messages;
    private final Clock clock;
    private final QueryCodeGuard guard;
    private final ClientAddresses addresses;

    CitizenApi(IntakeService intake, ReferenceChecks references, CaseRepository cases, QueryCodes queryCodes,
               CaseViews views, CaseActions actions, MessageSource messages, Clock clock,
               QueryCodeGuard guard, ClientAddresses addresses) {
        this.guard = guard;
        this.addresses = addresses;
        this.messages = messages;
        this.intake = intake;
        this.references = references;
        this.cases = cases;
        this.queryCodes = queryCodes;
        this.views = views;
        this.actions = actions;
        this.clock = clock;
    }

    record Submitted(String caseNumber, String queryCode, boolean duplicate, String notice) {
    }

    record Lookup(@NotBlank @Size(max = 32) String caseNumber, @NotBlank @Size(max = 32) String queryCode) {
    }

    record Feedback(@NotBlank @Size(max = 32) String queryCode, @NotNull Satisfaction rating,
                    @Size(max = 1000) String comment) {
    }

    /**
     * Send the same {@code Idempotency-Key} when retrying after a lost answer: the retry gets the same
     * case number (without the query code, which is shown only once).
     */
    @PostMapping("/requests")
    ResponseEntity<Submitted> submit(@Valid @RequestBody CaseRequest request,
                                     @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        references.check(request);
        String messageId = IdempotencyKey.orFresh(key);
        var newCase = request.toNewCase(Channel.WEB, clock.instant());
        ContactMessage contact = new ContactMessage(Channel.WEB, messageId, newCase.receivedAt(),
                new ContactMessage.Sender(newCase.contact().name(), newCase.contact().phone(), newCase.contact().email(),
                        null, newCase.contact().anonymous()),
                newCase.subject(), newCase.content(),
                newCase.attachments().stream().map(a -> new ContactMessage.AttachmentRef(a.fileName(), a.contentType(),
                        a.sizeBytes(), null)).toList(),
                newCase.location(), newCase.districtCode(), newCase.type().name(), newCase.categoryCode(),
                newCase.urgency().name(), newCase.confidential(), newCase.consentToPublish(), null, null);
        IntakeService.Accepted accepted = intake.accept(contact);
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Submitted(accepted.caseNumber(), accepted.queryCode(), accepted.duplicate(),
                        messages.getMessage(accepted.duplicate() ? "citizen.submitted.duplicate" : "citizen.submitted.keepCode",
                                null, LocaleContextHolder.getLocale())));
    }

    @PostMapping("/cases/lookup")
    @Transactional(readOnly = true)
    CaseViews.CitizenCaseView lookup(@Valid @RequestBody Lookup lookup, HttpServletRequest request) {
        String number = lookup.caseNumber().strip();
        String address = addresses.of(request);
        guard.checkAllowed(number, address);
        var found = cases.findByCaseNumber(number);
        // Hash even when the number is unknown, so timing does not tell the two apart.
        String hash = found.map(c -> c.getQueryCodeHash()).orElse("");
        boolean matches = queryCodes.matches(number, lookup.queryCode(), hash);
        if (found.isEmpty() || !matches) {
            guard.recordFailure(number, address);
            throw new CaseNotFoundException(lookup.caseNumber());
        }
        return views.citizen(found.get());
    }

    @PostMapping("/cases/{caseNumber}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String caseNumber, @Valid @RequestBody Feedback feedback,
                                  HttpServletRequest request) {
        String address = addresses.of(request);
        guard.checkAllowed(caseNumber, address);
        try {
            actions.recordCitizenFeedback(caseNumber, feedback.queryCode(), feedback.rating(), feedback.comment());
        } catch (CaseNotFoundException wrongCode) {
            guard.recordFailure(caseNumber, address);
            throw wrongCode;
        }
        return ResponseEntity.noContent().build();
    }
}
