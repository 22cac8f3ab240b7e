package org.hotline8890.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every registered {@link CaseChanged} to the event log, linked into the case's hash chain.
 * A plain (not after-commit) listener, so the log line commits or rolls back together with the
 * change it describes. Each change is also one application log line with the case number in its
 * context, so operators can follow a case in the logs without the database.
 */
@Component
class CaseEventRecorder {

    private static final Logger log = LoggerFactory.getLogger(CaseEventRecorder.class);

    private final EventChain chain;

    CaseEventRecorder(EventChain chain) {
        this.chain = chain;
    }

    @EventListener
    void record(CaseChanged change) {
        chain.append(change);
        try (var about = CaseLog.about(change.subject().getCaseNumber())) {
            log.info("{} {} -> {} by {}", change.type(), change.from() == null ? "-" : change.from(), change.to(),
                    change.actor());
        }
    }
}
