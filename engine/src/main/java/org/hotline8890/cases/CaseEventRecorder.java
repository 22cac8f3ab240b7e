package org.hotline8890.cases;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every registered {@link CaseChanged} to the event log. A plain (not after-commit) listener,
 * so the log line commits or rolls back together with the change it describes.
 */
@Component
class CaseEventRecorder {

    private final CaseEventRepository events;

    CaseEventRecorder(CaseEventRepository events) {
        this.events = events;
    }

    @EventListener
    void record(CaseChanged change) {
        events.save(new CaseEvent(change));
    }
}
