package org.hotline8890.notification;

import java.time.Clock;

import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Service;

/**
 * Queues an SMS to a staff member about a case (the person on duty for an emergency). It rides the
 * citizens' outbox so it is retried and recorded the same way; the text is the caller's, already
 * worded from the bundle.
 */
@Service
public class StaffAlerts {

    private final CitizenNotificationRepository notifications;
    private final Clock clock;

    StaffAlerts(CitizenNotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Returns the outbox row's id. */
    public Long smsAboutCase(HotlineCase c, String name, String phone, String text) {
        return notifications.save(CitizenNotification.toStaff(c.getId(), NotificationKind.DUTY_ALERT, name, phone,
                text, clock.instant())).getId();
    }
}
