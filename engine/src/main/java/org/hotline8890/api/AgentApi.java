package org.hotline8890.api;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.NewCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.intake.IntakeService;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agent logs a call as a case and either answers it at once (直接答复) or sends it on. */
@RestController
@RequestMapping("/api/agent")
class AgentApi {

    private final IntakeService intake;
    private final CaseIntake caseIntake;
    private final ReferenceChecks references;
    private final CaseRepository cases;
    private final CaseViews views;
    private final CurrentStaff staff;
    private final Clock clock;

    AgentApi(IntakeService intake, CaseIntake caseIntake, ReferenceChecks references, CaseRepository cases,
             CaseViews views, CurrentStaff staff, Clock clock) {
        this.intake = intake;
        this.caseIntake = caseIntake;
        this.references = references;
        this.cases = cases;
        this.views = views;
        this.staff = staff;
        this.clock = clock;
    }

    enum AgentDecision { ANSWER, DISPATCH }

    /** {@code articleId}: the knowledge article the answer came from (only with ANSWER). */
    record CallCase(@NotNull @Valid CaseRequest request, @NotNull AgentDecision decision,
                    @Size(max = 5000) String answer, Long articleId) {
    }

    record Logged(String caseNumber, String queryCode, String status, boolean duplicate) {
    }

    /**
     * Send the same {@code Idempotency-Key} when retrying after a lost answer: the retry gets the same
     * case number (without the query code, which is shown only once). Keys are the agent's own.
     */
    @PostMapping("/cases")
    ResponseEntity<Logged> logCall(@Valid @RequestBody CallCase call,
                                   @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        references.check(call.request());
        if (call.decision() == AgentDecision.ANSWER && (call.answer() == null || call.answer().isBlank())) {
            throw new InvalidFieldException("answer", "the answer given to the caller is required");
        }
        if (call.articleId() != null && call.decision() != AgentDecision.ANSWER) {
            throw new InvalidFieldException("articleId", "an article is cited only with ANSWER");
        }
        String agent = staff.get().username();
        NewCase newCase = call.request().toNewCase(Channel.PHONE, clock.instant());
        // Scoped to the agent, so one agent's key never finds another's case or a phone adapter's call id.
        IntakeService.Accepted accepted = intake.once(Channel.PHONE, "agent:" + agent + ":" + IdempotencyKey.orFresh(key),
                newCase.receivedAt(),
                () -> caseIntake.open(newCase, IntakeDecision.valueOf(call.decision().name()), call.answer(),
                        call.articleId(), agent));
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Logged(accepted.caseNumber(), accepted.queryCode(), accepted.status().name(),
                        accepted.duplicate()));
    }

    /** The caller's earlier cases, newest first: shown the moment the phone rings. */
    @GetMapping("/callers/{phone}/cases")
    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> earlierCases(@PathVariable @Size(max = 32) String phone) {
        return cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(phone)).stream()
                .map(c -> views.summary(c, clock.instant())).toList();
    }
}
