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
import org.hotline8890.organisation.Regions;
import org.hotline8890.publication.Publication;
import org.hotline8890.publication.ReviewState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(CaseLifecycle.class);

    private final CaseRepository cases;
    private final Organisation organisation;
    private final RoutingPolicy routing;
    private final TimeLimitPolicy timeLimits;
    private final EscalationPolicy escalation;
    private final Publication publication;
    private final CitizenNotifier notifier;
    private final HotlineProperties properties;
    private final DispatchLevelPolicy levels;
    private final Clock clock;

    CaseLifecycle(CaseRepository cases, Organisation organisation, RoutingPolicy routing, TimeLimitPolicy timeLimits,
                  EscalationPolicy escalation, Publication publication, CitizenNotifier notifier,
                  HotlineProperties properties, DispatchLevelPolicy levels, Clock clock) {
        this.cases = cases;
        this.organisation = organisation;
        this.routing = routing;
        this.timeLimits = timeLimits;
        this.escalation = escalation;
        this.publication = publication;
        this.notifier = notifier;
        this.properties = properties;
        this.levels = levels;
        this.clock = clock;
    }

    /**
     * The department that got the case and its clock, or empty when nobody could be found;
     * {@code viaSubCenter}: the department runs a sub-center, which signs and re-dispatches the case.
     */
    record Dispatched(String departmentCode, Deadlines deadlines, boolean viaSubCenter) {
    }

    Optional<Dispatched> dispatch(Long caseId) {
        HotlineCase c = load(caseId);
        Instant now = clock.instant();
        Optional<OrgUnit> chosen = Optional.ofNullable(c.chosenDepartment()).flatMap(organisation::byId);
        Optional<OrgUnit> department = chosen.or(() -> routing.departmentFor(c).flatMap(organisation::byCode));
        // The center's choice was checked when it was made; the catalogue's is checked here, and a unit the
        // dispatch level rule forbids sends the case to the center with the reason instead of to that unit.
        Optional<String> refused = chosen.isPresent() ? Optional.empty()
                : department.flatMap(unit -> outsideRegion(c, unit).or(() -> levels.refusal(c.getCategoryCode(), unit)));
        if (department.isEmpty() || refused.isPresent()) {
            c.awaitManualDispatch(SYSTEM, now, refused.map(why -> "dispatch catalogue: " + why).orElse(null));
            cases.save(c);
            return Optional.empty();
        }
        Deadlines deadlines = timeLimits.deadlinesFrom(now, c.getType(), c.getUrgency());
        boolean viaSubCenter = department.get().runsSubCenter();
        if (viaSubCenter) {
            c.dispatchToSubCenter(department.get().getId(), deadlines, SYSTEM, now);
        } else {
            c.dispatchTo(department.get().getId(), deadlines, SYSTEM, now);
        }
        cases.save(c);
        notifier.tell(c, NotificationKind.DISPATCHED, department.get().getName());
        return Optional.of(new Dispatched(department.get().getCode(), deadlines, viaSubCenter));
    }

    /** The catalogue maps districts to units; a case transferred in may still name a district of the sending region. */
    private static Optional<String> outsideRegion(HotlineCase c, OrgUnit unit) {
        return Regions.contains(c.getRegionCode(), unit) ? Optional.empty()
                : Optional.of(unit.getCode() + " is not a unit of region " + c.getRegionCode());
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

    /**
     * A handling round's escalation clock, started at dispatch or re-handling: {@code from} is the
     * round's start (the base of "80% of the allowed time"), {@code firstDue} when its next step falls due.
     */
    record EscalationRound(Instant from, Instant firstDue) {
    }

    EscalationRound startEscalation(Long caseId) {
        HotlineCase c = load(caseId);
        Instant now = clock.instant();
        // A table without steps for this case still needs a date for the timer: the deadline, where the step finds nothing to do.
        return new EscalationRound(now, nextEscalation(c, now).map(EscalationPolicy.Due::at).orElse(c.getHandleBy()));
    }

    /**
     * Takes the next step of the ladder (its timer fired) and alerts the people it names.
     *
     * @return when the step after it falls due; empty when the ladder is climbed or the case is no longer being handled
     */
    Optional<Instant> takeEscalationStep(Long caseId, Instant from) {
        HotlineCase c = load(caseId);
        Optional<EscalationPolicy.Due> due = nextEscalation(c, from);
        if (due.isEmpty() || !c.escalate(due.get().step(), due.get().action(), clock.instant())) {
            return Optional.empty();
        }
        cases.save(c);
        // The staff alert: there is no staff notification channel yet, so the step is on the case's timeline
        // (the center's and the department's case pages show it) and in this log line.
        log.info("escalation: case {} step {} {} alerts the {} (department {})", c.getCaseNumber(),
                due.get().step(), due.get().action(), due.get().action().alerts(),
                organisation.byId(c.getDepartmentId()).map(OrgUnit::getCode).orElse("?"));
        return nextEscalation(c, from).map(EscalationPolicy.Due::at);
    }

    /** When the next step falls due after the deadline moved (an extension); empty once the ladder is climbed. */
    Optional<Instant> nextEscalationDue(Long caseId, Instant from) {
        return nextEscalation(load(caseId), from).map(EscalationPolicy.Due::at);
    }

    private Optional<EscalationPolicy.Due> nextEscalation(HotlineCase c, Instant from) {
        return escalation.next(c.getType(), c.getUrgency(), from == null ? c.getDispatchedAt() : from, c.getHandleBy(),
                c.getEscalationStep());
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
