package org.hotline8890.intake;

import org.springframework.context.ApplicationContext;

/** For tests outside this package: the embedded queue does not poll in tests, so they drain it. */
public final class EmbeddedIntakeQueue {

    private EmbeddedIntakeQueue() {
    }

    /** Turns every pending contact into its case now; returns how many were handled. */
    public static int drain(ApplicationContext context) {
        return context.getBean(InProcessIntakeQueue.class).drain();
    }
}
