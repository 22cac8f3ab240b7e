package org.hotline8890.cases;

/** How a closed case ended. */
public enum Closure {
    ANSWERED_DIRECTLY, RESOLVED, NO_FEEDBACK, REJECTED, MERGED
}
