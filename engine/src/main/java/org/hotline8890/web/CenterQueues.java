package org.hotline8890.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hotline8890.api.CaseViews;
import org.hotline8890.api.CaseViews.StaffCaseView;
import org.hotline8890.api.CaseViews.TimelineEntry;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.calendar.WorkingTimeCalculator;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.DispatchCatalogue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The center's queues as its pages show them: the same lists the center API gives, each case in its
 * full staff view plus what the center needs to decide at a glance (the catalogue's suggestion, the
 * department's reason for a return or an extension, how late an overdue case is).
 */
@Component
class CenterQueues {

    /** How late an overdue case is: whole working days past the deadline, or wall-clock hours within the first. */
    record Lateness(long workingDays, long hours) {
    }

    /**
     * One case in a queue. {@code suggestion}: the catalogue's department code for a case under intake
     * review; {@code reason}: what the department wrote when it returned the case or asked for more time.
     */
    record Row(StaffCaseView c, String suggestion, String reason, Lateness late, boolean actionable) {

        /** The last transfer brought the case into the region it is in, and nobody sent it back. */
        public boolean transferredIn() {
            return lastTransfer().filter(t -> t.toRegion().equals(c.region()) && t.refusedAt() == null).isPresent();
        }

        /** The receiving center may still refuse the transfer: it has not worked the case yet. */
        public boolean refusable() {
            return actionable && transferredIn() && CaseStatus.RECEIVED.name().equals(c.status());
        }

        /** The center may hand the case to another region while it is with the center. */
        public boolean transferable() {
            return actionable && TRANSFERABLE.contains(c.status());
        }

        private Optional<CaseViews.TransferView> lastTransfer() {
            return c.transfers().isEmpty() ? Optional.empty() : Optional.of(c.transfers().get(c.transfers().size() - 1));
        }
    }

    /** A case in a sub-center's queue (分中心): which one holds it, since when, and for how many wall-clock hours. */
    record HeldRow(StaffCaseView c, String subCenterName, Instant since, long hours) {
    }

    private static final List<String> TRANSFERABLE = List.of(CaseStatus.RECEIVED.name(),
            CaseStatus.AWAITING_DISPATCH.name(), CaseStatus.RETURNED.name());

    record Console(List<Row> intake, List<Row> dispatch, List<Row> returns, List<Row> extensions, List<Row> replies,
                   List<Row> overdue, List<Row> feedback, List<HeldRow> atSubCenters) {
    }

    /** Enough to say "more than a year" without counting day by day for ever. */
    private static final int MAX_COUNTED_DAYS = 366;

    private final CaseRepository cases;
    private final CaseViews views;
    private final DispatchCatalogue catalogue;
    private final WorkingCalendarService calendar;
    private final Organisation organisation;
    private final CaseAccessPolicy access;
    private final Clock clock;

    CenterQueues(CaseRepository cases, CaseViews views, DispatchCatalogue catalogue, WorkingCalendarService calendar,
                 Organisation organisation, CaseAccessPolicy access, Clock clock) {
        this.organisation = organisation;
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The queues of the staff member's own region: the cases its center may act on. */
    @Transactional(readOnly = true)
    Console console(Staff staff) {
        Instant now = clock.instant();
        return new Console(
                rows(staff, cases.findByStatusOrderByReceivedAtAsc(CaseStatus.RECEIVED), now),
                rows(staff, cases.findByStatusOrderByReceivedAtAsc(CaseStatus.AWAITING_DISPATCH), now),
                rows(staff, cases.findByStatusOrderByReceivedAtAsc(CaseStatus.RETURNED), now),
                rows(staff, cases.findWithPendingExtension(), now),
                rows(staff, cases.findByStatusOrderByReceivedAtAsc(CaseStatus.REPLIED), now),
                // The repository already orders the board by deadline, the earliest (most overdue) first.
                rows(staff, cases.findOverdue(now), now),
                rows(staff, cases.findByStatusOrderByReceivedAtAsc(CaseStatus.AWAITING_FEEDBACK), now),
                cases.findBySubCenterSinceIsNotNullOrderBySubCenterSinceAsc().stream()
                        .filter(c -> access.canActOn(staff, c)).map(c -> held(c, now)).toList());
    }

    /** One case the staff member may see; read only ({@code actionable} false) when it was transferred out. */
    @Transactional(readOnly = true)
    Optional<Row> one(Staff staff, String caseNumber) {
        return cases.findByCaseNumber(caseNumber).filter(c -> access.canSee(staff, c))
                .map(c -> row(c, clock.instant(), access.canActOn(staff, c)));
    }

    private List<Row> rows(Staff staff, List<HotlineCase> found, Instant now) {
        return found.stream().filter(c -> access.canActOn(staff, c)).map(c -> row(c, now, true)).toList();
    }

    private Row row(HotlineCase c, Instant now, boolean actionable) {
        StaffCaseView view = views.staff(c);
        String suggestion = c.getStatus() == CaseStatus.RECEIVED || c.getStatus() == CaseStatus.AWAITING_DISPATCH
                ? catalogue.suggestedDepartment(c).orElse(null) : null;
        String reason = switch (c.getStatus()) {
            // A sub-center that passed its unit's return up wrote its own reason.
            case RETURNED -> lastComment(view, CaseEventType.RETURNED, CaseEventType.RETURN_PASSED_UP);
            case HANDLING -> c.getExtensionRequestedUntil() == null ? null : c.getExtensionReason();
            default -> null;
        };
        return new Row(view, suggestion, reason, c.isOverdue(now) ? lateness(c.getHandleBy(), now) : null, actionable);
    }

    private HeldRow held(HotlineCase c, Instant now) {
        return new HeldRow(views.staff(c), organisation.byId(c.getActingSubCenterId()).map(OrgUnit::getName).orElse(null),
                c.getSubCenterSince(), Duration.between(c.getSubCenterSince(), now).toHours());
    }

    private static String lastComment(StaffCaseView view, CaseEventType... types) {
        List<String> names = java.util.Arrays.stream(types).map(CaseEventType::name).toList();
        return view.timeline().stream().filter(e -> names.contains(e.event()))
                .max(Comparator.comparing(TimelineEntry::at)).map(TimelineEntry::comment).orElse(null);
    }

    /**
     * Working days are counted the way limits are set: the n-th working day after the deadline's date has
     * fully passed. Within the first such day the page says hours, which is also how urgent, wall-clock
     * limits are read.
     */
    private Lateness lateness(Instant due, Instant now) {
        WorkingTimeCalculator working = calendar.calculator();
        int days = 0;
        while (days < MAX_COUNTED_DAYS && !working.plusWorkingDays(due, days + 1).due().isAfter(now)) {
            days++;
        }
        return new Lateness(days, Duration.between(due, now).toHours());
    }
}
