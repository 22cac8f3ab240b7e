package org.hotline8890.cases;

/**
 * What a step of the escalation ladder does, and whom it alerts: 催办 to the handler, 催办 to the
 * department head, a 督办单 (supervision order) from the center, 提级 to the oversight office.
 */
public enum EscalationAction {
    REMIND_HANDLER("handler"),
    REMIND_HEAD("department head"),
    SUPERVISION_ORDER("center"),
    ESCALATE("oversight office");

    private final String alerts;

    EscalationAction(String alerts) {
        this.alerts = alerts;
    }

    /** Who is alerted, in the words of the log line and the timeline comment. */
    public String alerts() {
        return alerts;
    }

    /** The timeline keeps the step and the action in the event's comment: "step 2: REMIND_HEAD → department head". */
    String timelineComment(int step) {
        return "step " + step + ": " + name() + " → " + alerts;
    }
}
