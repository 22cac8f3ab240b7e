package org.hotline8890.workflow;

/** What happens to a new case: reviewed by the center, or decided at once by the agent who took the call. */
public enum IntakeDecision {
    REVIEW, ANSWER, REJECT, MERGE, DISPATCH
}
