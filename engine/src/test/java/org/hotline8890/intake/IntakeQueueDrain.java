package org.hotline8890.intake;

import org.hotline8890.channels.IntakeQueue;
import org.springframework.context.ApplicationContext;

/** Lets channel tests outside this package turn what they queued into cases, as the poller would. */
public final class IntakeQueueDrain {

    private IntakeQueueDrain() {
    }

    /** Drains the embedded queue until nothing is pending; returns how many messages it handled. */
    public static int drainAll(ApplicationContext context) {
        return drainAll(context.getBean(IntakeQueue.class));
    }

    /** The same, given the queue; tests run on the embedded default, so it is the in-process one. */
    public static int drainAll(IntakeQueue queue) {
        InProcessIntakeQueue embedded = (InProcessIntakeQueue) queue;
        int total = 0;
        int handled;
        while ((handled = embedded.drain()) > 0) {
            total += handled;
        }
        return total;
    }
}
