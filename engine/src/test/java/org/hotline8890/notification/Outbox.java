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

    /**
     * Delivers round after round until nothing is due; returns how many were tried. A case's later
     * message waits for its earlier one, so each round sends at most one more of a case's messages;
     * and the test database is shared by every test context, so other tests' messages may be due too.
     */
    public static int deliverAllDue(ApplicationContext context) {
        int total = 0;
        for (int round = 0; round < 1_000; round++) {
            int tried = deliverDue(context);
            if (tried == 0) {
                return total;
            }
            total += tried;
        }
        // Something stays due however often it is tried (a claim that never expires?): say so, do not hang.
        throw new IllegalStateException("the outbox still has messages due after 1000 rounds");
    }
}
