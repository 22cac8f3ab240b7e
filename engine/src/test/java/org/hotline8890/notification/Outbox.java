package org.hotline8890.notification;

import org.springframework.context.ApplicationContext;

/** For tests outside this package: the outbox does not poll in tests, so they deliver it. */
public final class Outbox {

    private Outbox() {
    }

    /** Sends every notification due now through the channel adapters; returns how many were tried. */
    public static int deliverDue(ApplicationContext context) {
        return context.getBean(NotificationDelivery.class).deliverDue();
    }
}
