package org.hotline8890.intake;

import org.hotline8890.channels.IntakeQueue;

/** Lets a test outside this package consume what is queued: in tests the embedded queue does not poll. */
public final class EmbeddedIntakeQueue {

    private EmbeddedIntakeQueue() {
    }

    /** Turns every pending contact into its case; returns how many it handled. */
    public static int drain(IntakeQueue queue) {
        InProcessIntakeQueue embedded = (InProcessIntakeQueue) queue;
        int handled = 0;
        for (int batch = embedded.drain(); batch > 0; batch = embedded.drain()) {
            handled += batch;
        }
        return handled;
    }
}
