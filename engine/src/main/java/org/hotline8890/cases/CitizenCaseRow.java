package org.hotline8890.cases;

import java.time.Instant;

/**
 * What a citizen's look-up reads of a case: the columns its answer shows and the query code's hash, by
 * a query of their own ({@link CaseRepository#findCitizenRow}). Loading the whole case meant decoding
 * 66 column definitions in the driver and building an entity with its snapshot: the largest single
 * share of a look-up's samples in the profile (docs/benchmarks.md, "Look-up again").
 */
public record CitizenCaseRow(Long id, String caseNumber, String queryCodeHash, CaseStatus status, CaseType type,
                             String subject, Long departmentId, Instant receivedAt, Instant handleBy, Instant closedAt,
                             String replyText, String answerText, Instant feedbackAt, Instant feedbackBy,
                             Satisfaction satisfaction) {

    /** The reply is shown once the case has one for the citizen to rate or has been closed with it. */
    public boolean replyVisible() {
        return status.ordinal() >= CaseStatus.AWAITING_FEEDBACK.ordinal();
    }

    /** The case waits for the citizen's rating, and none has been given. */
    public boolean feedbackRequested() {
        return status == CaseStatus.AWAITING_FEEDBACK && feedbackAt == null;
    }
}
