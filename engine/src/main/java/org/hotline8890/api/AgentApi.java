package org.hotline8890.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.intake.IntakeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private final AgentDesk desk;

    AgentApi(AgentDesk desk) {
        this.desk = desk;
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
        IntakeService.Accepted accepted = desk.logCall(call.request(), AgentDesk.Decision.valueOf(call.decision().name()),
                call.answer(), call.articleId(), key);
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Logged(accepted.caseNumber(), accepted.queryCode(), accepted.status().name(),
                        accepted.duplicate()));
    }

    /** The caller's earlier cases, newest first: shown the moment the phone rings. */
    @GetMapping("/callers/{phone}/cases")
    List<CaseViews.CaseSummary> earlierCases(@PathVariable @Size(max = 32) String phone) {
        return desk.earlierCases(phone);
    }
}
