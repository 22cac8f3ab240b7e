package org.hotline8890.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseTransfer;
import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.CitizenCaseRow;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Regions;
import org.springframework.stereotype.Component;

/** Shapes cases for each audience: staff see everything, citizens see their own case without staff names. */
@Component
public class CaseViews {

    private final CaseEventRepository events;
    private final Organisation organisation;
    private final CaseRepository cases;
    private final CaseTransferRepository transfers;
    private final Regions regions;
    private final AssistRepository assists;
    private final Clock clock;

    CaseViews(CaseEventRepository events, Organisation organisation, CaseRepository cases,
              CaseTransferRepository transfers, Regions regions, AssistRepository assists, Clock clock) {
        this.events = events;
        this.organisation = organisation;
        this.cases = cases;
        this.transfers = transfers;
        this.regions = regions;
        this.assists = assists;
        this.clock = clock;
    }

    /**
     * The assist steps a citizen's timeline shows, in plain words and without naming the units: that
     * another department was asked to help and that it gave its part. Who declined, was late or was
     * withdrawn is the administration's own business.
     */
    private static final Set<CaseEventType> ASSIST_STEPS_FOR_STAFF_ONLY = EnumSet.of(CaseEventType.ASSIST_SIGNED,
            CaseEventType.ASSIST_SIGN_LATE, CaseEventType.ASSIST_DECLINED, CaseEventType.ASSIST_DECLINE_SETTLED,
            CaseEventType.ASSIST_WARNED, CaseEventType.ASSIST_OVERDUE, CaseEventType.ASSIST_WITHDRAWN,
            CaseEventType.ASSIST_LAPSED);

    /**
     * One assisting unit's part (协办), as staff see it on the case: its clock, its outcome and its
     * contribution; {@code overdue}: still owed after its limit.
     */
    public record AssistView(String unitCode, String unitName, String state, Instant requestedAt, Instant signBy,
                             Instant signedAt, boolean signedLate, Instant contributeBy, Instant contributedAt,
                             String contribution, String declineReason, boolean overdue, boolean awaitsCenter) {
    }

    /** A case the staff member's unit assists on, for its "cases I assist" list. */
    public record AssistSummary(String caseNumber, String subject, String caseStatus, String lead, AssistView assist) {
    }

    /** {@code unit}: the code of the unit whose step it was (staff only), so a chain through a sub-center reads level by level. */
    public record TimelineEntry(Instant at, String event, String fromStatus, String toStatus, String actor, String comment,
                                String unit) {
    }

    /**
     * {@code subCenter}: the sub-center level acting on the case (with nested sub-centers the innermost one, or
     * one above it ruling on a return passed up or reviewing the reply on its way up); null without one.
     */
    public record StaffCaseView(String caseNumber, String status, String closure, String type, String category, String urgency,
                         String district, String location, String channel, String subject, String content,
                         String citizenName, String citizenPhone, String citizenEmail, boolean anonymous,
                         boolean confidential, boolean consentToPublish, String department, String departmentName,
                         boolean designated, int returnCount, int extensionCount, int rehandleCount,
                         Instant receivedAt, Instant dispatchedAt, Instant signBy, Instant signedAt, Instant handleBy,
                         Instant repliedAt, Instant extensionRequestedUntil, Instant feedbackBy, String satisfaction,
                         Instant closedAt, String reply, String answer, Long answerArticleId, boolean calendarIncomplete,
                         List<TimelineEntry> timeline, List<MergeLink> merges, String subCenter, Instant subCenterSince,
                         String region, String regionName, List<TransferView> transfers,
                         List<AssistView> assists) {
    }

    /** One transfer between regions (跨区域转办) and its refusal, if the receiving region refused it. */
    public record TransferView(String caseNumber, String fromRegion, String fromRegionName, String toRegion,
                               String toRegionName, String reason, String transferredBy, Instant transferredAt,
                               String refusalReason, String refusedBy, Instant refusedAt) {
    }

    /**
     * A case linked by 并单: {@code relation} is {@code PRIMARY} (this case was merged into it) or
     * {@code SECONDARY} (it was merged into this case).
     */
    public record MergeLink(String caseNumber, String relation, String status, String subject, Instant receivedAt) {
    }

    public record CitizenCaseView(String caseNumber, String status, String type, String subject, String departmentName,
                           Instant receivedAt, Instant handleBy, Instant closedAt, String reply, String answer,
                           boolean feedbackRequested, Instant feedbackBy, String satisfaction,
                           List<TimelineEntry> timeline) {
    }

    public record CaseSummary(String caseNumber, String status, String type, String urgency, String subject,
                       String department, Instant receivedAt, Instant signBy, Instant handleBy, boolean overdue,
                       Instant extensionRequestedUntil) {
    }

    public StaffCaseView staff(HotlineCase c) {
        return staff(c, assist -> true);
    }

    /** As above, listing only the assists {@code shown} lets through (an assisting unit sees its own part). */
    public StaffCaseView staff(HotlineCase c, Predicate<CaseAssist> shown) {
        OrgUnit dept = organisation.byId(c.getDepartmentId()).orElse(null);
        return new StaffCaseView(c.getCaseNumber(), c.getStatus().name(), name(c.getClosure()), c.getType().name(),
                c.getCategoryCode(), c.getUrgency().name(), c.getDistrictCode(), c.getLocation(), c.getChannel().name(),
                c.getSubject(), c.getContent(), c.getContact().name(), c.getContact().phone(), c.getContact().email(),
                c.getContact().anonymous(), c.isConfidential(), c.isConsentToPublish(),
                dept == null ? null : dept.getCode(), dept == null ? null : dept.getName(), c.isDesignated(),
                c.getReturnCount(), c.getExtensionCount(), c.getRehandleCount(), c.getReceivedAt(), c.getDispatchedAt(),
                c.getSignBy(), c.getSignedAt(), c.getHandleBy(), c.getRepliedAt(), c.getExtensionRequestedUntil(),
                c.getFeedbackBy(), name(c.getSatisfaction()), c.getClosedAt(), c.getReplyText(), c.getAnswerText(),
                c.getAnswerArticleId(), c.isCalendarIncomplete(), staffTimeline(c), merges(c),
                organisation.byId(c.getActingSubCenterId()).map(OrgUnit::getCode).orElse(null), c.getSubCenterSince(), c.getRegionCode(),
                regionName(c.getRegionCode()),
                transfers.findByCaseIdOrderByIdAsc(c.getId()).stream().map(t -> transfer(c.getCaseNumber(), t)).toList(),
                assists(c, shown));
    }

    public TransferView transfer(String caseNumber, CaseTransfer t) {
        return new TransferView(caseNumber, t.getFromRegion(), regionName(t.getFromRegion()), t.getToRegion(),
                regionName(t.getToRegion()), t.getReason(), t.getTransferredBy(), t.getTransferredAt(),
                t.getRefusalReason(), t.getRefusedBy(), t.getRefusedAt());
    }

    private String regionName(String code) {
        return code == null ? null : regions.byCode(code).map(Regions.Region::name).orElse(code);
    }

    /** Every assist of the case, oldest first, ended ones included. */
    private List<AssistView> assists(HotlineCase c, Predicate<CaseAssist> shown) {
        Instant now = clock.instant();
        return assists.findByCaseIdOrderByIdAsc(c.getId()).stream().filter(shown).map(a -> assist(a, now)).toList();
    }

    public AssistView assist(CaseAssist a, Instant now) {
        OrgUnit unit = organisation.byId(a.getUnitId()).orElse(null);
        return new AssistView(unit == null ? null : unit.getCode(), unit == null ? null : unit.getName(), a.getState().name(),
                a.getRequestedAt(), a.getSignBy(), a.getSignedAt(), a.isSignedLate(), a.getContributeBy(),
                a.getContributedAt(), a.getContribution(), a.getDeclineReason(), a.isOverdue(now), a.awaitsCenter());
    }

    public AssistSummary assistSummary(CaseAssist a, Instant now) {
        HotlineCase c = cases.findById(a.getCaseId()).orElseThrow();
        OrgUnit lead = organisation.byId(c.getDepartmentId()).orElse(null);
        return new AssistSummary(c.getCaseNumber(), c.getSubject(), c.getStatus().name(),
                lead == null ? null : lead.getName(), assist(a, now));
    }

    private List<MergeLink> merges(HotlineCase c) {
        List<MergeLink> links = new ArrayList<>();
        if (c.getMergedIntoId() != null) {
            cases.findById(c.getMergedIntoId()).ifPresent(p -> links.add(link(p, "PRIMARY")));
        }
        cases.findByMergedIntoIdOrderByReceivedAtAsc(c.getId()).forEach(s -> links.add(link(s, "SECONDARY")));
        return links;
    }

    private static MergeLink link(HotlineCase c, String relation) {
        return new MergeLink(c.getCaseNumber(), relation, c.getStatus().name(), c.getSubject(), c.getReceivedAt());
    }

    CitizenCaseView citizen(CitizenCaseRow c) {
        OrgUnit dept = organisation.byId(c.departmentId()).orElse(null);
        List<TimelineEntry> timeline = events.findTimelineSteps(c.id()).stream()
                .filter(e -> !ASSIST_STEPS_FOR_STAFF_ONLY.contains(e.type()))
                .map(e -> new TimelineEntry(e.occurredAt(), e.type().name(), name(e.fromStatus()), name(e.toStatus()),
                        null, null, null))
                .toList();
        return new CitizenCaseView(c.caseNumber(), c.status().name(), c.type().name(), c.subject(),
                dept == null ? null : dept.getName(), c.receivedAt(), c.handleBy(), c.closedAt(),
                c.replyVisible() ? c.replyText() : null, c.answerText(), c.feedbackRequested(), c.feedbackBy(),
                name(c.satisfaction()), timeline);
    }

    public CaseSummary summary(HotlineCase c, Instant now) {
        OrgUnit dept = organisation.byId(c.getDepartmentId()).orElse(null);
        return new CaseSummary(c.getCaseNumber(), c.getStatus().name(), c.getType().name(), c.getUrgency().name(),
                c.getSubject(), dept == null ? null : dept.getCode(), c.getReceivedAt(), c.getSignBy(), c.getHandleBy(),
                c.isOverdue(now), c.getExtensionRequestedUntil());
    }

    private List<TimelineEntry> staffTimeline(HotlineCase c) {
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        return events.findByCaseIdOrderByIdAsc(c.getId()).stream()
                .map(e -> new TimelineEntry(e.getOccurredAt(), e.getType().name(), name(e.getFromStatus()),
                        name(e.getToStatus()), e.getActor(), e.getComment(), e.getDepartmentId() == null ? null
                        : codes.computeIfAbsent(e.getDepartmentId(),
                                id -> organisation.byId(id).map(OrgUnit::getCode).orElse(null))))
                .toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
