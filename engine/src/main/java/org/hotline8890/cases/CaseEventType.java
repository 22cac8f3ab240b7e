package org.hotline8890.cases;

public enum CaseEventType {
    RECEIVED, CONTACT_APPENDED, ANSWERED_DIRECTLY, REJECTED, MERGED, AWAITING_DISPATCH, DISPATCHED,
    SIGNED, SIGN_LATE, RETURNED, RETURN_REFUSED, WARNED, OVERDUE, REMINDED, SUPERVISED,
    EXTENSION_REQUESTED, EXTENSION_GRANTED, EXTENSION_REFUSED, REPLIED, REPLY_SENT_BACK, REPLY_ACCEPTED,
    FEEDBACK_REQUESTED, FEEDBACK_GIVEN, REOPENED, CLOSED, PUBLISHED,
    PERSONAL_DATA_ERASED,
    /** A merged (secondary) case was answered by the reply to the case it was merged into. */
    ANSWERED_BY_PRIMARY,
    /** The de-identified result waits for the center's review before it is published (公开审核). */
    PUBLICATION_PENDING,
    /** The center decided the result must never be published. */
    PUBLICATION_WITHHELD,
    /** An emergency dispatched out of hours: the person on duty was alerted and the sign-for clock shortened. */
    DUTY_ALERTED,
    /** An emergency dispatched out of hours, and the roster named nobody on duty to alert. */
    DUTY_UNREACHED,
    /** A step of the escalation ladder (催办/督办单/提级) was taken; the comment names the step and action. */
    ESCALATED,
    /** A sub-center (分中心) signed for a case the city dispatched to it; the event's unit is the sub-center. */
    SUB_CENTER_SIGNED,
    /** A sub-center sent the case to a unit inside its subtree; the event's unit is the one that got it. */
    REDISPATCHED,
    /** The unit below a sub-center returned the case to the sub-center, with its reason. */
    RETURNED_TO_SUB_CENTER,
    /** The sub-center refused its unit's return: the same unit must sign, on a restarted sign-for clock. */
    SUB_CENTER_RETURN_REFUSED,
    /** The sub-center passed its unit's return up to the city center, which now rules on it. */
    RETURN_PASSED_UP,
    /** The sub-center approved its unit's reply; the city center reviews it next. */
    SUB_CENTER_REPLY_APPROVED,
    /** The sub-center sent its unit's reply back for more handling, with its reason. */
    SUB_CENTER_REPLY_SENT_BACK,
    /** 跨区域转办: the case went to another region's center; the comment says from where to where and why. */
    TRANSFERRED,
    /** The receiving region refused a transfer and sent the case back; the comment says why. */
    TRANSFER_REFUSED,
    /** 协办: the center asked an assisting unit for its part (the event's department is that unit). */
    ASSIST_REQUESTED,
    /** The assisting unit signed for its part. */
    ASSIST_SIGNED,
    /** The assisting unit's sign-for limit passed unsigned. */
    ASSIST_SIGN_LATE,
    /** The assisting unit declined its part, with a reason; the center replaces or drops it. */
    ASSIST_DECLINED,
    /** The center dealt with a decline: another unit asked instead, or none needed. */
    ASSIST_DECLINE_SETTLED,
    /** The assisting unit's contribution is due soon. */
    ASSIST_WARNED,
    /** The assisting limit passed without the unit's contribution. */
    ASSIST_OVERDUE,
    /** The assisting unit gave its contribution. */
    ASSIST_CONTRIBUTED,
    /** The center withdrew its request to an assisting unit. */
    ASSIST_WITHDRAWN,
    /** The lead replied for all after an assisting unit's limit passed without its contribution. */
    ASSIST_LAPSED
}
