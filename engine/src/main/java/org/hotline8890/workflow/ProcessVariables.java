package org.hotline8890.workflow;

/** Names of the process variables the model reads; ids and small routing values only. */
final class ProcessVariables {

    static final String PROCESS_KEY = "hotline_case";

    static final String CASE_ID = "caseId";
    static final String INTAKE_DECISION = "intakeDecision";
    static final String DEPARTMENT_CODE = "departmentCode";
    static final String SIGN_DUE = "signDue";
    static final String HANDLE_WARN_AT = "handleWarnAt";
    static final String HANDLE_DUE = "handleDue";
    static final String FEEDBACK_DUE = "feedbackDue";
    static final String SIGN_OUTCOME = "signOutcome";
    static final String RETURN_RULING = "returnRuling";
    static final String EXTENSION_APPROVED = "extensionApproved";
    static final String REPLY_ACCEPTED = "replyAccepted";
    static final String RE_HANDLE = "reHandle";
    static final String PUBLISHABLE = "publishable";
    /** The escalation ladder: when the handling round began, when its next step falls due, whether one remains. */
    static final String HANDLING_FROM = "handlingFrom";
    static final String ESCALATION_DUE_AT = "escalationDueAt";
    static final String ESCALATION_CONTINUES = "escalationContinues";
    /** 分中心: whether the dispatch went to a sub-center, its unit code, its ruling on a return, its reply review. */
    static final String VIA_SUB_CENTER = "viaSubCenter";
    static final String SUB_CENTER_CODE = "subCenterCode";
    static final String SUB_CENTER_RULING = "subCenterRuling";
    static final String SUB_CENTER_APPROVED = "subCenterApproved";
    /** The (re-)dispatch inside a sub-center went to a unit running its own sub-center: that one signs next. */
    static final String TO_SUB_CENTER = "toSubCenter";
    /** An approved reply goes on to the sub-center above (subCenterCode now names it), not to the city center. */
    static final String OUTER_SUB_CENTER_REVIEWS = "outerSubCenterReviews";

    static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";
    static final String MESSAGE_FEEDBACK_GIVEN = "FeedbackGiven";
    static final String MESSAGE_HANDLING_ENDED = "HandlingEnded";
    static final String ERROR_NO_ROUTE = "NO_ROUTE";

    /** hotline-assist.bpmn: one assisting unit's part, keyed by the case number, told apart by assistId. */
    static final String ASSIST_PROCESS_KEY = "hotline_assist";
    static final String ASSIST_ID = "assistId";
    static final String UNIT_CODE = "unitCode";
    static final String ASSIST_SIGN_DUE = "assistSignDue";
    static final String ASSIST_WARN_AT = "assistWarnAt";
    static final String ASSIST_DUE = "assistDue";
    static final String ASSIST_OUTCOME = "assistOutcome";
    static final String MESSAGE_ASSIST_ENDED = "AssistEnded";

    private ProcessVariables() {
    }
}
