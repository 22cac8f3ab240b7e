package org.hotline8890.cases;

import java.time.Instant;

/**
 * Registered by the aggregate on every change; persisted as a {@link CaseEvent} in the same
 * transaction. It holds the case itself because a new case has no id until it is saved.
 */
public record CaseChanged(HotlineCase subject, CaseEventType type, String actor, CaseStatus from, CaseStatus to,
                          Long departmentId, String comment, Instant at) {

    public Long caseId() {
        return subject.getId();
    }
}
