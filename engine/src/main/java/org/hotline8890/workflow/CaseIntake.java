package org.hotline8890.workflow;

import java.time.Clock;

import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a case and starts its life; the query code exists only in the returned value. */
@Service
public class CaseIntake {

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final QueryCodes queryCodes;
    private final CaseProcess process;
    private final CitizenNotifier notifier;
    private final Clock clock;

    CaseIntake(CaseRepository cases, CaseNumbers numbers, QueryCodes queryCodes, CaseProcess process,
               CitizenNotifier notifier, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.queryCodes = queryCodes;
        this.process = process;
        this.notifier = notifier;
        this.clock = clock;
    }

    public record Opened(HotlineCase theCase, String queryCode) {
    }

    /**
     * An agent may decide at once: answer from the knowledge base ({@code answer} given) or send it on.
     * Everything else waits for the center's intake review.
     */
    @Transactional
    public Opened open(NewCase request, IntakeDecision decision, String answer, String actor) {
        String number = numbers.next(request.receivedAt());
        String code = queryCodes.newCode();
        HotlineCase c = cases.save(HotlineCase.receive(request, number, queryCodes.hash(number, code), actor));
        notifier.tellAccepted(c, code);
        if (decision == IntakeDecision.ANSWER) {
            c.answerDirectly(answer, actor, clock.instant());
            c = cases.save(c);
        }
        process.start(c, decision);
        return new Opened(c, code);
    }
}
