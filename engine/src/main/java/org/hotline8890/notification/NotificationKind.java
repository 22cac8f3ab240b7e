package org.hotline8890.notification;

public enum NotificationKind {
    ACCEPTED, ANSWERED, REJECTED, MERGED, DISPATCHED, EXTENSION_GRANTED, REPLIED, FEEDBACK_REQUESTED, CLOSED,
    /** A later contact about the case (a reply mail, an SMS) was added to it. */
    CONTACT_RECEIVED,
    /** A merged request's citizen gets the reply given to the case it was merged into. */
    ANSWERED_BY_PRIMARY,
    /** The case is about another region: its hotline took it over (跨区域转办). */
    TRANSFERRED,
    /** To the staff member on duty, not the citizen: an emergency was dispatched out of hours. */
    DUTY_ALERT
}
