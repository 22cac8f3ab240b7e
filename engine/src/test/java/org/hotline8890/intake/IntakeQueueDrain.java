package org.hotline8890.intake;

import org.springframework.context.ApplicationContext;

/** Lets channel tests outside this package turn what they queued into cases, as the poller would. */
public final class IntakeQueueDrain {

    private IntakeQueueDrain() {
    }

    /** Drains the embedded queue until nothing is pending; returns how many messages it handled. */
    public static int drainAll(ApplicationContext context) {
        InProcessIntakeQueue queue = context.getBean(InProcessIntakeQueue.class);
        int total = 0;
        int handled;
        while ((handled = queue.drain()) > 0) {
            total += handled;
        }
        return total;
    }
}
