package org.hotline8890.intake;

/** How many contacts wait on the intake queue, whichever queue is configured. */
public interface IntakeBacklog {

    long waiting();
}
