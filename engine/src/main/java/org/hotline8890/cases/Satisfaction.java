package org.hotline8890.cases;

/** The citizen's five-level rating. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED;

    public boolean isSatisfied() {
        return this == VERY_SATISFIED || this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
