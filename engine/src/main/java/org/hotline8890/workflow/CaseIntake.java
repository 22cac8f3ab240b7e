package org.hotline8890.workflow;

import java.time.Clock;

import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.knowledge.KnowledgeBase;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Regions;
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
    private final KnowledgeBase knowledge;
    private final Regions regions;
    private final Clock clock;

    CaseIntake(CaseRepository cases, CaseNumbers numbers, QueryCodes queryCodes, CaseProcess process,
               CitizenNotifier notifier, KnowledgeBase knowledge, Regions regions, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.queryCodes = queryCodes;
        this.process = process;
        this.notifier = notifier;
        this.knowledge = knowledge;
        this.regions = regions;
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
        return open(request, decision, answer, null, actor);
    }

    /** As above; an answer given from a knowledge article ({@code articleId}) is recorded and counted. */
    @Transactional
    public Opened open(NewCase request, IntakeDecision decision, String answer, Long articleId, String actor) {
        String number = numbers.next(request.receivedAt());
        String code = queryCodes.newCode();
        HotlineCase received = HotlineCase.receive(request, number, queryCodes.hash(number, code), actor);
        received.placeInRegion(regions.forDistrict(request.districtCode()));
        HotlineCase c = cases.save(received);
        notifier.tellAccepted(c, code);
        if (decision == IntakeDecision.ANSWER) {
            c.answerDirectly(answer, articleId, actor, clock.instant());
            c = cases.save(c);
            if (articleId != null) {
                knowledge.recordUse(articleId, c.getId());
            }
        }
        process.start(c, decision);
        return new Opened(c, code);
    }
}
