package org.hotline8890.knowledge;

/** Where an article stands; only {@link #APPROVED} articles within their validity are found by agents. */
public enum ArticleStatus {
    /** A department's proposal, waiting for the center. */
    PROPOSED,
    APPROVED,
    REJECTED,
    /** Withdrawn by the center, or replaced by an approved update. */
    RETIRED,
    /** Past its valid-until date; the owning unit has been reminded. */
    EXPIRED
}
