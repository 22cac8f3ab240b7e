package org.hotline8890.web;

import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.request;

import java.time.Duration;
import java.time.Instant;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;

/**
 * Cases in each of the center's queues, made the way they arise: a citizen's web request, an agent's
 * dispatch, and the department's own actions through {@link CaseActions}. Each method answers the new
 * case's number. The catalogue sends a noise complaint in DC to the environment bureau (HBJ), and finds
 * nobody for a HELP request of category OTHER in NH.
 */
final class CenterCases {

    final Staff dispatcher;
    final Staff environment;
    private final CaseIntake intake;
    private final CaseActions actions;
    private final CaseRepository cases;

    CenterCases(CaseIntake intake, CaseActions actions, CaseRepository cases, Organisation organisation) {
        this.intake = intake;
        this.actions = actions;
        this.cases = cases;
        this.dispatcher = TestCases.dispatcher(organisation);
        this.environment = TestCases.staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
    }

    /** A web request waiting for intake review. */
    String received() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web")
                .theCase().getCaseNumber();
    }

    /** An agent sent it on, and the catalogue found nobody. */
    String awaitingDispatch() {
        return intake.open(request(CaseType.HELP, "OTHER", "NH", Urgency.NORMAL, true, false, Instant.now()),
                IntakeDecision.DISPATCH, null, "agent").theCase().getCaseNumber();
    }

    String dispatchedToEnvironment() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.DISPATCH, null, "agent")
                .theCase().getCaseNumber();
    }

    String returned(String reason) {
        String n = dispatchedToEnvironment();
        actions.returnToCenter(environment, n, reason);
        return n;
    }

    String handling() {
        String n = dispatchedToEnvironment();
        actions.sign(environment, n);
        return n;
    }

    String extensionRequested(String reason) {
        String n = handling();
        Instant until = cases.findByCaseNumber(n).orElseThrow().getHandleBy().plus(Duration.ofDays(7));
        actions.requestExtension(environment, n, until, reason);
        return n;
    }

    String replied(String reply) {
        String n = handling();
        actions.reply(environment, n, reply);
        return n;
    }

    String awaitingFeedback(String reply) {
        String n = replied(reply);
        actions.reviewReply(dispatcher, n, true, null);
        return n;
    }
}
