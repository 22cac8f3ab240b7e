package org.hotline8890.cases;

import java.time.Instant;

/**
 * One event of a case as its citizen sees it: when, what, and the status before and after, read
 * without the event's actor, comment and hash chain ({@link CaseEventRepository#findTimelineSteps}).
 */
public record TimelineStep(Instant occurredAt, CaseEventType type, CaseStatus fromStatus, CaseStatus toStatus) {
}
