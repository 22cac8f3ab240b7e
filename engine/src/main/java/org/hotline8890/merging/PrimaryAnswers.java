package org.hotline8890.merging;

import java.util.Set;

import org.hotline8890.cases.CaseChanged;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a primary case is finished with an answer (closed after its reply, or answered directly at
 * intake), every case merged into it is answered too: its citizen is sent the primary's reply and its
 * timeline records that the primary answered it. A plain listener, so this happens in the transaction
 * that closes the primary: both commit, or neither.
 */
@Component
class PrimaryAnswers {

    private static final Set<CaseEventType> ANSWERED = Set.of(CaseEventType.CLOSED, CaseEventType.ANSWERED_DIRECTLY);

    private final CaseRepository cases;
    private final CitizenNotifier notifier;

    PrimaryAnswers(CaseRepository cases, CitizenNotifier notifier) {
        this.cases = cases;
        this.notifier = notifier;
    }

    @EventListener
    void primaryFinished(CaseChanged change) {
        HotlineCase primary = change.subject();
        if (!ANSWERED.contains(change.type()) || primary.getId() == null) {
            return;
        }
        String reply = primary.getReplyText() != null ? primary.getReplyText() : primary.getAnswerText();
        for (HotlineCase secondary : cases.findByMergedIntoIdOrderByReceivedAtAsc(primary.getId())) {
            if (secondary.isAnsweredByPrimary()) {
                continue;
            }
            secondary.answerByPrimary(primary.getCaseNumber(), reply, change.at());
            cases.save(secondary);
            notifier.tell(secondary, NotificationKind.ANSWERED_BY_PRIMARY, primary.getCaseNumber(),
                    reply == null ? "" : reply);
        }
    }
}
