package org.hotline8890.cases;

import java.time.Instant;

/**
 * A case's figure inputs with its id and whether they are folded already, read by a query without loading
 * the whole case (its attachments and texts), for the statistics to fold it ({@link CaseRepository#findFoldable}).
 */
public record FoldableCase(Long id, boolean folded, FigureInputs inputs) {

    /** The columns in {@link FigureInputs}' order, as the query's constructor expression lists them. */
    public FoldableCase(Long id, boolean folded, CaseStatus status, Closure closure,
                        Long departmentId, Long subCenterId, String districtCode, String regionCode,
                        Instant receivedAt, Instant regionReceivedAt,
                        Instant dispatchedAt, Instant signBy, Instant signedAt, Instant handleBy, Instant repliedAt,
                        int returnCount, int extensionCount, Instant feedbackBy, int rehandleCount, Satisfaction satisfaction,
                        int reminderCount, int supervisionCount, int escalationCount,
                        Instant subCenterSignBy, Instant subCenterSignedAt) {
        this(id, folded, new FigureInputs(status, closure, departmentId, subCenterId, districtCode, regionCode,
                receivedAt, regionReceivedAt, dispatchedAt, signBy, signedAt, handleBy, repliedAt, returnCount,
                extensionCount, feedbackBy, rehandleCount, satisfaction, reminderCount, supervisionCount, escalationCount,
                subCenterSignBy, subCenterSignedAt));
    }
}
