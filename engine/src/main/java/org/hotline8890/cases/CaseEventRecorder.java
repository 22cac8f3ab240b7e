package org.hotline8890.cases;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every registered {@link CaseChanged} to the event log, linked into the case's hash chain.
 * A plain (not after-commit) listener, so the log line commits or rolls back together with the
 * change it describes.
 */
@Component
class CaseEventRecorder {

    private final EventChain chain;

    CaseEventRecorder(EventChain chain) {
        this.chain = chain;
    }

    @EventListener
    void record(CaseChanged change) {
        chain.append(change);
    }
}
