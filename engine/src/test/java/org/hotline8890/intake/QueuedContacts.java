package org.hotline8890.intake;

import org.springframework.context.ApplicationContext;

/** For channel tests outside this package: the embedded queue does not poll in tests, so they drain it. */
public final class QueuedContacts {

    private QueuedContacts() {
    }

    /** Turns every pending contact into its case; returns how many were handled. */
    public static int drain(ApplicationContext context) {
        InProcessIntakeQueue queue = context.getBean(InProcessIntakeQueue.class);
        int handled = 0;
        for (int batch = queue.drain(); batch > 0; batch = queue.drain()) {
            handled += batch;
        }
        return handled;
    }
}
