package org.hotline8890.assisting;

import java.time.Instant;

import org.hotline8890.cases.CaseEventType;

/**
 * Registered by {@link CaseAssist} on every step; {@link AssistTimeline} writes it onto the case's own
 * timeline in the same transaction. {@code comment} is for staff only.
 */
public record AssistChanged(CaseAssist assist, CaseEventType type, String actor, String comment, Instant at) {
}
