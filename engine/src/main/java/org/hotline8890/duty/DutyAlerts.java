package org.hotline8890.duty;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.hotline8890.HotlineProperties;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.cases.CaseChanged;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseLog;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.notification.StaffAlerts;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.SignClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts an emergency in a person's hands. It listens for a dispatch just before its transaction commits,
 * whichever way it happened (the catalogue's, the center's manual choice, a redispatch, a sub-center's
 * re-dispatch to a unit of its subtree), so no dispatch path can forget it, and the alert is committed with its dispatch or not at all: never an emergency
 * dispatched without its alert. Running in the dispatch's own transaction also keeps it on the
 * dispatch's one pooled connection (a transaction of its own after the commit needed a second one while
 * the first was still held, and concurrent intakes starved the pool; docs/benchmarks.md). The SMS goes
 * through the outbox, so it is retried and recorded; nobody on the roster is said on the case and in
 * the log at ERROR: never silently nothing.
 */
@Component
class DutyAlerts {

    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DutyAlerts.class);
    private static final Locale STAFF_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final CaseRepository cases;
    private final DutyRoster roster;
    private final Organisation organisation;
    private final WorkingCalendarService calendar;
    private final StaffAlerts alerts;
    private final SignClock signClock;
    private final MessageSource messages;
    private final DutySettings settings;
    private final HotlineProperties properties;
    private final EmergencyPolicy policy;

    DutyAlerts(CaseRepository cases, DutyRoster roster, Organisation organisation, WorkingCalendarService calendar,
               StaffAlerts alerts, SignClock signClock, MessageSource messages, DutySettings settings,
               HotlineProperties properties) {
        this.cases = cases;
        this.roster = roster;
        this.organisation = organisation;
        this.calendar = calendar;
        this.alerts = alerts;
        this.signClock = signClock;
        this.messages = messages;
        this.settings = settings;
        this.properties = properties;
        this.policy = new EmergencyPolicy(settings.nightStarts(), settings.nightEnds(), properties.zone());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onDispatch(CaseChanged change) {
        // A sub-center's re-dispatch (二次派单) hands the emergency to a unit as a dispatch does: its roster answers.
        if (change.type() != CaseEventType.DISPATCHED && change.type() != CaseEventType.REDISPATCHED) {
            return;
        }
        try (var about = CaseLog.about(change.subject().getCaseNumber())) {
            alertIfEmergency(change.caseId(), change.at());
        }
    }

    private void alertIfEmergency(Long caseId, Instant dispatchedAt) {
        HotlineCase c = cases.findById(caseId).orElseThrow();
        if (c.getStatus() != CaseStatus.DISPATCHED
                || !policy.isEmergency(c.getUrgency(), dispatchedAt, calendar.calculator()::isWorkingDay)) {
            return;
        }
        String department = organisation.byId(c.getDepartmentId()).map(OrgUnit::getCode).orElse("?");
        Optional<DutyRoster.OnDuty> person = roster.onDutyFor(c.getDepartmentId(), dispatchedAt);
        if (person.isEmpty()) {
            log.error("emergency {} dispatched to {} out of hours: nobody on the duty roster, neither an officer "
                    + "of the department or its parent units nor a center supervisor", c.getCaseNumber(), department);
            c.recordDutyUnreached(messages.getMessage("duty.event.unreached", new Object[] {department},
                    STAFF_LOCALE), ACTOR, dispatchedAt);
            cases.save(c);
            return;
        }
        DutyRoster.OnDuty onDuty = person.get();
        Instant signBy = dispatchedAt.plus(settings.signWithin());
        Instant due = signBy.isBefore(c.getSignBy()) ? signBy : c.getSignBy();
        String text = messages.getMessage("duty.alert.sms", new Object[] {c.getCaseNumber(),
                messages.getMessage("duty.urgency." + c.getUrgency(), null, STAFF_LOCALE), department,
                CLOCK_TIME.format(due.atZone(properties.zone())), c.getSubject()}, STAFF_LOCALE);
        Long outboxId = alerts.smsAboutCase(c, onDuty.name(), onDuty.phone(), text);
        c.alertDuty(messages.getMessage("duty.event.alerted", new Object[] {
                messages.getMessage("duty.role." + onDuty.role(), null, STAFF_LOCALE), onDuty.name(), onDuty.unitCode(),
                CLOCK_TIME.format(due.atZone(properties.zone()))}, STAFF_LOCALE), due, ACTOR, dispatchedAt);
        cases.save(c);
        signClock.moveSignTimer(c.getCaseNumber(), c.getSignBy());
        log.info("emergency {}: {} {} of {} alerted by SMS (outbox {}), sign by {}", c.getCaseNumber(), onDuty.role(),
                onDuty.name(), onDuty.unitCode(), outboxId, due);
    }
}
