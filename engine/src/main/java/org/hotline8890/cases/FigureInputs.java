package org.hotline8890.cases;

import java.time.Instant;

/**
 * Everything of a case that the published figures read (docs/metrics.md), and nothing else: the
 * statistics compute from this, and a case compares it before and after a change to tell whether
 * figures already folded into the stored totals moved ({@link SettledFiguresChanged}).
 */
public record FigureInputs(
        CaseStatus status, Closure closure,
        Long departmentId, Long subCenterId, String districtCode, String regionCode,
        Instant receivedAt, Instant regionReceivedAt,
        Instant dispatchedAt, Instant signBy, Instant signedAt, Instant handleBy, Instant repliedAt,
        int returnCount, int extensionCount, Instant feedbackBy, int rehandleCount, Satisfaction satisfaction,
        int reminderCount, int supervisionCount, int escalationCount,
        Instant subCenterSignBy, Instant subCenterSignedAt) {

    /**
     * Overdue (超期): open, no current reply, and the handling deadline has passed. The one definition
     * that the center's 督办 board and the published {@code overdue} figure share (docs/metrics.md);
     * {@link CaseRepository#findOverdue} is the same test as a query.
     */
    public boolean isOverdue(Instant now) {
        return !status.isFinal() && repliedAt == null && handleBy != null && handleBy.isBefore(now);
    }

    /** Whether the case went through a sub-center with a sign-for clock of its own (分中心及时签收率). */
    public boolean hasSubCenterSignFor() {
        return subCenterId != null && subCenterSignBy != null;
    }
}
