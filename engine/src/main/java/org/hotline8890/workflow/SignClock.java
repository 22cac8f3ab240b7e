package org.hotline8890.workflow;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Lets a capability outside the workflow shorten a dispatched case's sign-for timer (the duty alert
 * for emergencies). The case's own {@code signBy} is the aggregate's business; this moves the process.
 */
@Component
public class SignClock {

    private final CaseProcess process;

    SignClock(CaseProcess process) {
        this.process = process;
    }

    public void moveSignTimer(String caseNumber, Instant due) {
        process.moveSignTimer(caseNumber, due);
    }
}
