package org.hotline8890.api;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.channels.Channel;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agent logs a call as a case and either answers it at once (直接答复) or sends it on. */
@RestController
@RequestMapping("/api/agent")
class AgentApi {

    private final CaseIntake intake;
    private final ReferenceChecks references;
    private final CaseRepository cases;
    private final CaseViews views;
    private final CurrentStaff staff;
    private final Clock clock;

    AgentApi(CaseIntake intake, ReferenceChecks references, CaseRepository cases, CaseViews views, CurrentStaff staff,
             Clock clock) {
        this.intake = intake;
        this.references = references;
        this.cases = cases;
        this.views = views;
        this.staff = staff;
        this.clock = clock;
    }

    enum AgentDecision { ANSWER, DISPATCH }

    record CallCase(@NotNull @Valid CaseRequest request, @NotNull AgentDecision decision,
                    @Size(max = 5000) String answer) {
    }

    record Logged(String caseNumber, String queryCode, String status) {
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Logged logCall(@Valid @RequestBody CallCase call) {
        references.check(call.request());
        if (call.decision() == AgentDecision.ANSWER && (call.answer() == null || call.answer().isBlank())) {
            throw new InvalidFieldException("answer", "the answer given to the caller is required");
        }
        CaseIntake.Opened opened = intake.open(call.request().toNewCase(Channel.PHONE, clock.instant()),
                IntakeDecision.valueOf(call.decision().name()), call.answer(), staff.get().username());
        return new Logged(opened.theCase().getCaseNumber(), opened.queryCode(), opened.theCase().getStatus().name());
    }

    /** The caller's earlier cases, newest first: shown the moment the phone rings. */
    @GetMapping("/callers/{phone}/cases")
    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> earlierCases(@PathVariable @Size(max = 32) String phone) {
        return cases.findTop50ByContactPhoneOrderByReceivedAtDesc(phone.strip()).stream()
                .map(c -> views.summary(c, clock.instant())).toList();
    }
}
