package org.hotline8890.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.publication.Publication;
import org.hotline8890.publication.ReviewState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the process takes by itself (dispatch, flags on timers, feedback window, closing,
 * publishing). Human decisions change the case in {@link CaseActions}; these follow from them.
 */
@Service
@Transactional
class CaseLifecycle {

    static final String SYSTEM = "system";

    private final CaseRepository cases;
    private final Organisation organisation;
    private final RoutingPolicy routing;
    private final TimeLimitPolicy timeLimits;
    private final Publication publication;
    private final CitizenNotifier notifier;
    private final HotlineProperties properties;
    private final Clock clock;

    CaseLifecycle(CaseRepository cases, Organisation organisation, RoutingPolicy routing, TimeLimitPolicy timeLimits,
                  Publication publication, CitizenNotifier notifier,
                  HotlineProperties properties, Clock clock) {
        this.cases = cases;
        this.organisation = organisation;
        this.routing = routing;
        this.timeLimits = timeLimits;
        this.publication = publication;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    /** The department that got the case and its clock, or empty when nobody could be found. */
    record Dispatched(String departmentCode, Deadlines deadlines) {
    }

    Optional<Dispatched> dispatch(Long caseId) {
        HotlineCase c = load(caseId);
        Instant now = clock.instant();
        Optional<OrgUnit> department = Optional.ofNullable(c.chosenDepartment()).flatMap(organisation::byId)
                .or(() -> routing.departmentFor(c).flatMap(organisation::byCode));
        if (department.isEmpty()) {
            c.awaitManualDispatch(SYSTEM, now);
            cases.save(c);
            return Optional.empty();
        }
        Deadlines deadlines = timeLimits.deadlinesFrom(now, c.getType(), c.getUrgency());
        c.dispatchTo(department.get().getId(), deadlines, SYSTEM, now);
        cases.save(c);
        notifier.tell(c, NotificationKind.DISPATCHED, department.get().getName());
        return Optional.of(new Dispatched(department.get().getCode(), deadlines));
    }

    void flagLateSigning(Long caseId) {
        HotlineCase c = load(caseId);
        c.flagSignLate(clock.instant());
        cases.save(c);
    }

    void warnHandler(Long caseId) {
        HotlineCase c = load(caseId);
        c.warnHandler(clock.instant());
        cases.save(c);
    }

    void flagOverdue(Long caseId) {
        HotlineCase c = load(caseId);
        c.flagOverdue(clock.instant());
        cases.save(c);
    }

    Instant requestFeedback(Long caseId) {
        HotlineCase c = load(caseId);
        c.requestFeedback(properties.feedbackWindow(), clock.instant());
        cases.save(c);
        notifier.tell(c, NotificationKind.FEEDBACK_REQUESTED, c.getReplyText());
        return c.getFeedbackBy();
    }

    Deadlines reopenForRehandling(Long caseId) {
        HotlineCase c = load(caseId);
        Instant now = clock.instant();
        Deadlines deadlines = timeLimits.deadlinesFrom(now, c.getType(), c.getUrgency());
        c.reopenForRehandling(deadlines, now);
        cases.save(c);
        return deadlines;
    }

    /** @return whether the closed case may be published */
    boolean close(Long caseId) {
        HotlineCase c = load(caseId);
        c.closeWithFeedback(clock.instant());
        notifier.tell(c, NotificationKind.CLOSED);
        return cases.save(c).isPublishable();
    }

    boolean closeWithoutFeedback(Long caseId) {
        HotlineCase c = load(caseId);
        c.closeWithoutFeedback(clock.instant());
        notifier.tell(c, NotificationKind.CLOSED);
        return cases.save(c).isPublishable();
    }

    /** Tells the citizen how intake ended (answered, rejected, merged) and whether it may be published. */
    boolean announceIntakeOutcome(Long caseId) {
        HotlineCase c = load(caseId);
        switch (c.getClosure()) {
            case ANSWERED_DIRECTLY -> notifier.tell(c, NotificationKind.ANSWERED, c.getAnswerText());
            case REJECTED -> notifier.tell(c, NotificationKind.REJECTED, c.getRejectReason());
            case MERGED -> notifier.tell(c, NotificationKind.MERGED,
                    cases.findById(c.getMergedIntoId()).map(HotlineCase::getCaseNumber).orElse(""));
            default -> throw new IllegalStateException("case " + c.getCaseNumber() + " did not end at intake");
        }
        return c.isPublishable();
    }

    void publish(Long caseId) {
        HotlineCase c = load(caseId);
        Instant now = clock.instant();
        if (publication.publish(c, now) == ReviewState.PUBLISHED) {
            c.markPublished(now);
        } else {
            c.holdForPublicationReview(now);
        }
        cases.save(c);
    }

    private HotlineCase load(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("no case with id " + caseId));
    }
}
