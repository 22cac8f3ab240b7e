package org.hotline8890.intake;

import org.springframework.context.ApplicationContext;

/** Lets tests outside this package run the embedded queue's consumer, which does not poll in tests. */
public final class IntakeQueueDrain {

    private IntakeQueueDrain() {
    }

    public static int drain(ApplicationContext context) {
        return context.getBean(InProcessIntakeQueue.class).drain();
    }
}
