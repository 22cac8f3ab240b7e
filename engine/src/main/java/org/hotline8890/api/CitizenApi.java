package org.hotline8890.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.abuse.ClientAddresses;
import org.hotline8890.abuse.QueryCodeGuard;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.intake.IntakeService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private final CitizenDesk desk;
    private final MessageSource messages;
    private final ClientAddresses addresses;

    CitizenApi(CitizenDesk desk, MessageSource messages, ClientAddresses addresses) {
        this.desk = desk;
        this.messages = messages;
        this.addresses = addresses;
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
        IntakeService.Accepted accepted = desk.submit(request, IdempotencyKey.orFresh(key));
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Submitted(accepted.caseNumber(), accepted.queryCode(), accepted.duplicate(),
                        messages.getMessage(accepted.duplicate() ? "citizen.submitted.duplicate" : "citizen.submitted.keepCode",
                                null, LocaleContextHolder.getLocale())));
    }

    @PostMapping("/cases/lookup")
    CaseViews.CitizenCaseView lookup(@Valid @RequestBody Lookup lookup, HttpServletRequest request) {
        return desk.lookup(lookup.caseNumber(), lookup.queryCode(), addresses.of(request));
    }

    @PostMapping("/cases/{caseNumber}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String caseNumber, @Valid @RequestBody Feedback feedback,
                                  HttpServletRequest request) {
        desk.feedback(caseNumber, feedback.queryCode(), feedback.rating(), feedback.comment(), addresses.of(request));
        return ResponseEntity.noContent().build();
    }
}
