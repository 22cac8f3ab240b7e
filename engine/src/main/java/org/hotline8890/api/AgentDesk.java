package org.hotline8890.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.intake.IntakeService;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent does with a call, whichever door they use: the agent API and the agent console both
 * come here, so a call is checked, decided and made idempotent by the same rules.
 */
@Component
public class AgentDesk {

    /** The agent's own decision on a new case: answer at once (直接答复) or send it on for dispatch. */
    public enum Decision { ANSWER, DISPATCH }

    private final IntakeService intake;
    private final CaseIntake caseIntake;
    private final ReferenceChecks references;
    private final CaseRepository cases;
    private final CaseViews views;
    private final CurrentStaff staff;
    private final Clock clock;

    AgentDesk(IntakeService intake, CaseIntake caseIntake, ReferenceChecks references, CaseRepository cases,
              CaseViews views, CurrentStaff staff, Clock clock) {
        this.intake = intake;
        this.caseIntake = caseIntake;
        this.references = references;
        this.cases = cases;
        this.views = views;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Logs a call that has passed bean validation as a new case. The same {@code key} again answers with
     * the case the first call made (without the query code, which is shown only once).
     *
     * @param articleId the knowledge article the answer came from, only with {@link Decision#ANSWER}
     * @throws InvalidFieldException when a code does not exist or the decision lacks what it needs
     */
    public IntakeService.Accepted logCall(CaseRequest request, Decision decision, String answer, Long articleId,
                                          String key) {
        references.check(request);
        List<InvalidFieldException> refused = decisionProblems(decision, answer, articleId);
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
        String agent = staff.get().username();
        NewCase newCase = request.toNewCase(Channel.PHONE, clock.instant());
        return intake.once(Channel.PHONE, messageId(agent, key), newCase.receivedAt(),
                () -> caseIntake.open(newCase, IntakeDecision.valueOf(decision.name()), answer, articleId, agent));
    }

    /**
     * What the decision lacks, every problem at once, so a form can mark each field before anything is
     * saved: an answer is required to answer directly, and an article is cited only with an answer.
     */
    public static List<InvalidFieldException> decisionProblems(Decision decision, String answer, Long articleId) {
        List<InvalidFieldException> problems = new ArrayList<>();
        if (decision == Decision.ANSWER && (answer == null || answer.isBlank())) {
            problems.add(new InvalidFieldException("answer", "the answer given to the caller is required"));
        }
        if (articleId != null && decision != Decision.ANSWER) {
            problems.add(new InvalidFieldException("articleId", "an article is cited only with ANSWER"));
        }
        return problems;
    }

    /**
     * Records a call about a case the caller already has open: the call joins that case's timeline the
     * way any later contact quoting a case number does (intake's {@code CASE_REFERENCE} route), and no
     * new case is opened. Only the caller of that case can add to it.
     *
     * @throws InvalidFieldException ({@code existingCase}) when the case is unknown, finished, or not this caller's
     */
    public IntakeService.Accepted addToCase(String caseNumber, String name, String phone, String subject,
                                            String content, String key) {
        String number = caseNumber == null ? "" : caseNumber.strip();
        HotlineCase theCase = cases.findByCaseNumber(number)
                .filter(c -> !c.getStatus().isFinal())
                .filter(c -> phone != null && PhoneNumbers.same(c.getContact().phone(), phone))
                .orElseThrow(() -> new InvalidFieldException("existingCase",
                        "no open case " + number + " of this caller"));
        String agent = staff.get().username();
        ContactMessage call = new ContactMessage(Channel.PHONE, messageId(agent, key), clock.instant(),
                new ContactMessage.Sender(blankToNull(name), phone.strip(), null, null, false),
                blankToNull(subject), blankToNull(content), List.of(), null, null, null, null, null, false, false,
                null, Map.of(ContactMessage.CASE_REFERENCE, theCase.getCaseNumber()));
        return intake.accept(call);
    }

    /** The caller's earlier cases, newest first. */
    @Transactional(readOnly = true)
    public List<CaseViews.CaseSummary> earlierCases(String phone) {
        if (phone == null || PhoneNumbers.national(phone).isEmpty()) {
            return List.of();
        }
        return cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(phone)).stream()
                .map(c -> views.summary(c, clock.instant())).toList();
    }

    /** Scoped to the agent, so one agent's key never finds another's case or a phone adapter's call id. */
    private static String messageId(String agent, String key) {
        return "agent:" + agent + ":" + IdempotencyKey.orFresh(key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
