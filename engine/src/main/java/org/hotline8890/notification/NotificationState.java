package org.hotline8890.notification;

public enum NotificationState {
    /** Waiting to be sent, or waiting for its next attempt. */
    PENDING,
    SENT,
    /** Given up: a permanent failure, or too many attempts. Shown to admins with the reason. */
    FAILED
}
