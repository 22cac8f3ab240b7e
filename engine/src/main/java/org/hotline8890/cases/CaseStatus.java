package org.hotline8890.cases;

import java.util.EnumSet;
import java.util.Set;

public enum CaseStatus {
    /** Waiting for intake review (受理). */
    RECEIVED,
    /** The catalogue found no department: the center chooses. */
    AWAITING_DISPATCH,
    /** Sent to a department, waiting for it to sign (签收). */
    DISPATCHED,
    /** The department sent it back (退单); the center rules. */
    RETURNED,
    /** Signed for by a sub-center (分中心), which chooses the unit below it that handles the case. */
    REDISPATCHING,
    /** The unit below a sub-center sent it back; the sub-center rules. */
    RETURNED_TO_SUB_CENTER,
    /** Signed for and being handled (办理). */
    HANDLING,
    /** The unit below a sub-center replied; the sub-center reviews the reply before the center does. */
    SUB_CENTER_REVIEW,
    /** Replied; the center reviews the reply (审核). */
    REPLIED,
    /** Waiting for the citizen's rating (回访). */
    AWAITING_FEEDBACK,
    CLOSED,
    REJECTED,
    MERGED;

    private static final Set<CaseStatus> FINAL = EnumSet.of(CLOSED, REJECTED, MERGED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The states a case never leaves, for queries that must agree with {@link #isFinal()}. */
    public static Set<CaseStatus> finalStatuses() {
        return EnumSet.copyOf(FINAL);
    }
}
