package org.hotline8890.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hotline8890.channels.Channel;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A case (工单). Every deadline that a statistic uses is stored beside its outcome (sign-by /
 * signed-at, handle-by / replied-at, extension, feedback), so every figure can be recomputed.
 */
@Entity
@Table(name = "hotline_case")
public class HotlineCase extends AbstractAggregateRoot<HotlineCase> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "query_code_hash")
    private String queryCodeHash;
    @Enumerated(EnumType.STRING)
    @Column(name = "case_type")
    private CaseType type;
    @Column(name = "category_code")
    private String categoryCode;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Column(name = "district_code")
    private String districtCode;
    private String location;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Embedded
    private CitizenContact contact;
    private boolean confidential;
    @Column(name = "consent_to_publish")
    private boolean consentToPublish;
    private String subject;
    private String content;
    // Lazy: in the product only erasure reads them, and an eager collection cost every
    // load of a case (a look-up, a dispatch, an intake) a second query (docs/benchmarks.md, "Look-up").
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "case_attachment", joinColumns = @JoinColumn(name = "case_id"))
    private List<AttachmentMeta> attachments = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Enumerated(EnumType.STRING)
    private Closure closure;
    @Column(name = "department_id")
    private Long departmentId;
    private boolean designated;
    @Column(name = "return_count")
    private int returnCount;
    @Column(name = "rehandle_count")
    private int rehandleCount;
    @Column(name = "extension_count")
    private int extensionCount;
    @Column(name = "merged_into_id")
    private Long mergedIntoId;
    @Column(name = "answered_by_primary")
    private boolean answeredByPrimary;

    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "dispatched_at")
    private Instant dispatchedAt;
    @Column(name = "sign_by")
    private Instant signBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "signed_late")
    private boolean signedLate;
    @Column(name = "handle_by")
    private Instant handleBy;
    @Column(name = "original_handle_by")
    private Instant originalHandleBy;
    @Column(name = "warned_at")
    private Instant warnedAt;
    @Column(name = "overdue_at")
    private Instant overdueAt;
    @Column(name = "replied_at")
    private Instant repliedAt;
    @Column(name = "extension_requested_until")
    private Instant extensionRequestedUntil;
    @Column(name = "extension_reason")
    private String extensionReason;
    @Column(name = "extension_granted_at")
    private Instant extensionGrantedAt;
    @Column(name = "feedback_by")
    private Instant feedbackBy;
    @Column(name = "feedback_at")
    private Instant feedbackAt;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "reply_text")
    private String replyText;
    @Column(name = "answer_text")
    private String answerText;
    /** The knowledge article the direct answer came from, if any. */
    @Column(name = "answer_article_id")
    private Long answerArticleId;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Column(name = "calendar_incomplete")
    private boolean calendarIncomplete;
    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;
    /** The last step of the escalation ladder reached in the current handling round (0: none yet). */
    @Column(name = "escalation_step")
    private int escalationStep;
    @Column(name = "reminder_count")
    private int reminderCount;
    @Column(name = "supervision_count")
    private int supervisionCount;
    @Column(name = "escalation_count")
    private int escalationCount;
    @Column(name = "overdue_count")
    private int overdueCount;
    /**
     * The sub-center (分中心) the last dispatch went to, null when it went straight to a unit. Its own
     * sign-for outcome is kept apart ({@code subCenterSignBy} ...), because sign-by / signed-at describe
     * whichever unit holds the case now, and after the re-dispatch that is the unit below it.
     */
    @Column(name = "sub_center_id")
    private Long subCenterId;
    @Column(name = "sub_center_sign_by")
    private Instant subCenterSignBy;
    @Column(name = "sub_center_signed_at")
    private Instant subCenterSignedAt;
    @Column(name = "sub_center_signed_late")
    private boolean subCenterSignedLate;
    /** When the case last arrived in the sub-center's queue; null while another level holds it. */
    @Column(name = "sub_center_since")
    private Instant subCenterSince;
    /**
     * Sub-centers below {@code subCenterId} that re-dispatched the case further down, the outermost first
     * (ids, comma-separated): a short path read and written whole, so a column rather than a table.
     */
    @Column(name = "nested_sub_centers")
    private String nestedSubCenters;
    /** The sub-center level acting now: the innermost one, or an outer one reviewing a reply on its way up. */
    @Column(name = "acting_sub_center_id")
    private Long actingSubCenterId;
    /** The region (the code of a root CITY unit) whose center the case is with; it changes only by a transfer. */
    @Column(name = "region_code")
    private String regionCode;
    /** When the case reached its current region: its receipt, or the last transfer (or refusal) that moved it. */
    @Column(name = "region_received_at")
    private Instant regionReceivedAt;
    /**
     * Whether the statistics folded this case's figures into their stored daily totals (statistics.FigureSettlement).
     * Only the statistics write it, in SQL under the row's lock; the entity never does.
     */
    @Column(name = "figures_settled", insertable = false, updatable = false)
    private boolean figuresSettled;
    /** What was folded, as loaded, while the folded figures still stand; null otherwise. */
    @Transient
    private FigureInputs foldedInputs;

    protected HotlineCase() {
    }

    @PostLoad
    void rememberFoldedInputs() {
        this.foldedInputs = figuresSettled ? figureInputs() : null;
    }

    /** Opens a case; it waits for intake review or, when an agent logged it, the agent's decision. */
    public static HotlineCase receive(NewCase request, String caseNumber, String queryCodeHash, String actor) {
        HotlineCase c = new HotlineCase();
        c.caseNumber = Objects.requireNonNull(caseNumber);
        c.queryCodeHash = Objects.requireNonNull(queryCodeHash);
        c.channel = Objects.requireNonNull(request.channel());
        c.type = Objects.requireNonNull(request.type());
        c.categoryCode = Objects.requireNonNull(request.categoryCode());
        c.urgency = Objects.requireNonNull(request.urgency());
        c.districtCode = Objects.requireNonNull(request.districtCode());
        c.location = request.location();
        c.contact = Objects.requireNonNull(request.contact());
        c.confidential = request.confidential();
        c.consentToPublish = request.consentToPublish();
        c.subject = Objects.requireNonNull(request.subject());
        c.content = Objects.requireNonNull(request.content());
        if (request.attachments() != null) {
            request.attachments().forEach(a -> c.attachments.add(
                    new AttachmentMeta(a.fileName(), a.contentType(), a.sizeBytes(), a.storageRef())));
        }
        c.receivedAt = Objects.requireNonNull(request.receivedAt());
        c.regionReceivedAt = c.receivedAt;
        c.status = CaseStatus.RECEIVED;
        c.changed(CaseEventType.RECEIVED, actor, null, "channel " + c.channel, c.receivedAt);
        return c;
    }

    /** Intake places a new case in the region its district lies in; after that only a transfer moves it. */
    public void placeInRegion(String region) {
        if (regionCode != null) {
            throw new CaseStateException("case.regionPlaced", "case " + caseNumber + " is already in region " + regionCode);
        }
        this.regionCode = Objects.requireNonNull(region, "region");
    }

    /**
     * 跨区域转办: the case is about another region, so its center takes it over. Only while the case is with
     * this region's center (intake review, manual dispatch or a return ruling), never once a department has it.
     * The receiving region starts afresh: intake review, no department, no dispatch clock and no returns of its
     * own yet; what happened before stays on the timeline.
     */
    public void transferTo(String region, String reason, String actor, Instant now) {
        requireStatus("transfer.notWithCenter", CaseStatus.RECEIVED, CaseStatus.AWAITING_DISPATCH, CaseStatus.RETURNED);
        requireText(reason, "reason");
        if (region == null || region.equals(regionCode)) {
            throw new CaseStateException("transfer.sameRegion", "case " + caseNumber + " is already in region " + region);
        }
        CaseStatus from = status;
        String fromRegion = regionCode;
        enterRegion(region, now);
        changed(CaseEventType.TRANSFERRED, actor, from, fromRegion + " -> " + region + ": " + reason, now);
    }

    /**
     * The receiving region refuses a transfer before working the case: it goes back to {@code region}, whose
     * center reviews it afresh. Only while the case still waits for the receiving center's intake review.
     */
    public void refuseTransfer(String region, String reason, String actor, Instant now) {
        requireStatus("transfer.alreadyWorked", CaseStatus.RECEIVED);
        requireText(reason, "reason");
        String fromRegion = regionCode;
        enterRegion(Objects.requireNonNull(region, "region"), now);
        changed(CaseEventType.TRANSFER_REFUSED, actor, CaseStatus.RECEIVED, fromRegion + " -> " + region + ": " + reason, now);
    }

    private void enterRegion(String region, Instant now) {
        this.regionCode = region;
        this.regionReceivedAt = now;
        this.status = CaseStatus.RECEIVED;
        this.departmentId = null;
        this.designated = false;
        // The sending region's returns and dispatch clock were its own; the receiving region's figures start here.
        this.returnCount = 0;
        this.dispatchedAt = null;
        this.signBy = null;
        this.signedAt = null;
        this.signedLate = false;
        this.handleBy = null;
        this.originalHandleBy = null;
        this.warnedAt = null;
        this.overdueAt = null;
        this.calendarIncomplete = false;
        this.escalationStep = 0;
        // A sub-center's sign-for belonged to the sending region's dispatch, like its other clocks.
        leaveSubCenter();
    }

    /** A later contact about this case (a reply quoting its number) joins its timeline. */
    public void appendContact(String summary, String actor, Instant now) {
        changed(CaseEventType.CONTACT_APPENDED, actor, status, PlainText.clean(summary), now);
    }

    public void answerDirectly(String answer, String actor, Instant now) {
        answerDirectly(answer, null, actor, now);
    }

    /** 直接答复, citing the knowledge article ({@code articleId}, may be null) the answer came from. */
    public void answerDirectly(String answer, Long articleId, String actor, Instant now) {
        requireStatus("case.notReceived", CaseStatus.RECEIVED);
        requireText(answer, "answer");
        CaseStatus from = status;
        this.answerText = answer;
        this.answerArticleId = articleId;
        close(Closure.ANSWERED_DIRECTLY, now);
        changed(CaseEventType.ANSWERED_DIRECTLY, actor, from, answer, now);
    }

    public void reject(String reason, String actor, Instant now) {
        requireStatus("case.notReceived", CaseStatus.RECEIVED);
        requireText(reason, "reason");
        CaseStatus from = status;
        this.rejectReason = reason;
        close(Closure.REJECTED, now);
        this.status = CaseStatus.REJECTED;
        changed(CaseEventType.REJECTED, actor, from, reason, now);
    }

    public void mergeInto(HotlineCase primary, String actor, Instant now) {
        requireStatus("case.notReceived", CaseStatus.RECEIVED);
        if (primary == null || primary.id == null || primary.id.equals(id)) {
            throw new CaseStateException("case.mergeTarget", "a case can only be merged into another existing case");
        }
        if (primary.status.isFinal()) {
            throw new CaseStateException("case.mergeTargetClosed", "case " + primary.caseNumber + " is already closed");
        }
        CaseStatus from = status;
        this.mergedIntoId = primary.id;
        close(Closure.MERGED, now);
        this.status = CaseStatus.MERGED;
        changed(CaseEventType.MERGED, actor, from, "merged into " + primary.caseNumber, now);
    }

    /**
     * The case this one was merged into has been answered: its reply answers this request too. Only a
     * merged case can be answered this way, and only once, so the citizen is never told twice.
     */
    public void answerByPrimary(String primaryCaseNumber, String reply, Instant now) {
        requireStatus("case.notMerged", CaseStatus.MERGED);
        if (answeredByPrimary) {
            throw new CaseStateException("case.alreadyAnsweredByPrimary", "case " + caseNumber + " was already answered");
        }
        this.answeredByPrimary = true;
        changed(CaseEventType.ANSWERED_BY_PRIMARY, "system", status,
                primaryCaseNumber + (reply == null ? "" : ": " + reply), now);
    }

    /**
     * The center picks the department, before the dispatch runs (intake review, no route, or 改派).
     * After {@code returnsBeforeDesignation} returns the choice is final (指定): no more returns.
     */
    public void chooseDepartment(Long department, int returnsBeforeDesignation) {
        requireStatus("case.notDispatchable", CaseStatus.RECEIVED, CaseStatus.AWAITING_DISPATCH, CaseStatus.RETURNED);
        this.departmentId = Objects.requireNonNull(department, "department");
        if (status == CaseStatus.RETURNED && returnCount >= returnsBeforeDesignation) {
            this.designated = true;
        }
        this.status = CaseStatus.AWAITING_DISPATCH;
    }

    /** The catalogue had no row for this case: it waits for the center. */
    public void awaitManualDispatch(String actor, Instant now) {
        awaitManualDispatch(actor, now, null);
    }

    /** As above, with the reason on the timeline when the catalogue did name a unit the case may not go to. */
    public void awaitManualDispatch(String actor, Instant now, String reason) {
        requireStatus("case.notDispatchable", CaseStatus.RECEIVED, CaseStatus.AWAITING_DISPATCH, CaseStatus.RETURNED);
        CaseStatus from = status;
        this.status = CaseStatus.AWAITING_DISPATCH;
        this.departmentId = null;
        changed(CaseEventType.AWAITING_DISPATCH, actor, from, reason, now);
    }

    /** The department the center chose and the dispatch has not yet used, if any. */
    public Long chosenDepartment() {
        return status == CaseStatus.AWAITING_DISPATCH ? departmentId : null;
    }

    public void dispatchTo(Long department, Deadlines deadlines, String actor, Instant now) {
        CaseStatus from = status;
        startDispatch(department, deadlines, now);
        leaveSubCenter();
        changed(CaseEventType.DISPATCHED, actor, from, null, now);
    }

    private void leaveSubCenter() {
        this.subCenterId = null;
        this.nestedSubCenters = null;
        this.actingSubCenterId = null;
        this.subCenterSignBy = null;
        this.subCenterSignedAt = null;
        this.subCenterSignedLate = false;
        this.subCenterSince = null;
    }

    /**
     * Dispatched to a unit that runs a sub-center (分中心): the sub-center signs on the dispatch's sign-for
     * clock and then re-dispatches inside its subtree. The handling deadline is the case's, whoever handles it.
     */
    public void dispatchToSubCenter(Long subCenter, Deadlines deadlines, String actor, Instant now) {
        CaseStatus from = status;
        startDispatch(subCenter, deadlines, now);
        this.subCenterId = subCenter;
        this.nestedSubCenters = null;
        this.actingSubCenterId = subCenter;
        this.subCenterSignBy = deadlines.signBy();
        this.subCenterSignedAt = null;
        this.subCenterSignedLate = false;
        this.subCenterSince = now;
        changed(CaseEventType.DISPATCHED, actor, from, "sub-center", now);
    }

    private void startDispatch(Long department, Deadlines deadlines, Instant now) {
        requireStatus("case.notDispatchable", CaseStatus.RECEIVED, CaseStatus.AWAITING_DISPATCH, CaseStatus.RETURNED);
        this.departmentId = Objects.requireNonNull(department, "department");
        this.dispatchedAt = now;
        this.signBy = deadlines.signBy();
        this.signedAt = null;
        this.signedLate = false;
        this.handleBy = deadlines.handleBy();
        this.originalHandleBy = deadlines.handleBy();
        this.warnedAt = null;
        this.overdueAt = null;
        this.calendarIncomplete = !deadlines.calendarComplete();
        this.status = CaseStatus.DISPATCHED;
    }

    /** Whether the acting sub-center itself holds the case (to sign it, or returned by it to the level above). */
    public boolean isAtSubCenter() {
        return actingSubCenterId != null && actingSubCenterId.equals(departmentId);
    }

    /** Whether a unit below a sub-center holds the case, so its returns and replies go to the sub-center first. */
    public boolean isBelowSubCenter() {
        return actingSubCenterId != null && !actingSubCenterId.equals(departmentId);
    }

    /** Whether the acting sub-center sits inside another sub-center's loop, which its returns and approvals go up to. */
    public boolean hasOuterSubCenter() {
        return actingSubCenterId != null && !actingSubCenterId.equals(subCenterId);
    }

    /** Whether a return by the holder goes to a sub-center: a unit below one, or a nested sub-center itself. */
    public boolean returnsToSubCenter() {
        return isBelowSubCenter() || (isAtSubCenter() && hasOuterSubCenter());
    }

    /** The sub-centers on the case's path, the one the city dispatched to first, the innermost last. */
    public List<Long> subCenterLevels() {
        List<Long> levels = new ArrayList<>();
        if (subCenterId != null) {
            levels.add(subCenterId);
        }
        if (nestedSubCenters != null && !nestedSubCenters.isEmpty()) {
            Arrays.stream(nestedSubCenters.split(",")).map(Long::valueOf).forEach(levels::add);
        }
        return levels;
    }

    private void setNestedLevels(List<Long> levels) {
        List<Long> nested = levels.subList(1, levels.size());
        this.nestedSubCenters = nested.isEmpty() ? null
                : nested.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private Long innermostSubCenter() {
        List<Long> levels = subCenterLevels();
        return levels.get(levels.size() - 1);
    }

    /** The level above the acting sub-center. */
    private Long outerSubCenter() {
        List<Long> levels = subCenterLevels();
        return levels.get(levels.indexOf(actingSubCenterId) - 1);
    }

    /** The innermost sub-center leaves the path: its return (or the return it passes up) goes to the level above. */
    private void leaveInnermostLevel() {
        List<Long> levels = subCenterLevels();
        levels.remove(levels.size() - 1);
        setNestedLevels(levels);
        this.actingSubCenterId = levels.get(levels.size() - 1);
    }

    /** A unit that runs its own sub-center got the case from the acting one: it becomes the innermost level. */
    private void enterNestedLevel(Long unit) {
        List<Long> levels = subCenterLevels();
        levels.add(unit);
        setNestedLevels(levels);
        this.actingSubCenterId = unit;
    }

    public void signFor(String actor, Instant now) {
        requireStatus("case.notDispatched", CaseStatus.DISPATCHED);
        if (isAtSubCenter()) {
            throw new CaseStateException("case.atSubCenter", "the sub-center signs this case and re-dispatches it");
        }
        this.signedAt = now;
        this.signedLate = now.isAfter(signBy);
        this.status = CaseStatus.HANDLING;
        changed(CaseEventType.SIGNED, actor, CaseStatus.DISPATCHED, null, now);
    }

    public void flagSignLate(Instant now) {
        if (status == CaseStatus.DISPATCHED && signedAt == null && !signedLate) {
            this.signedLate = true;
            this.subCenterSignedLate = subCenterSignedLate || isAtCitySubCenter();
            changed(CaseEventType.SIGN_LATE, "system", status, null, now);
        }
    }

    public void returnToCenter(String reason, String actor, Instant now) {
        requireStatus("case.notDispatched", CaseStatus.DISPATCHED);
        requireText(reason, "reason");
        if (designated) {
            throw new CaseStateException("case.designated",
                    "the center designated this department after " + returnCount + " returns: it can no longer be returned");
        }
        if (returnsToSubCenter()) {
            throw new CaseStateException("case.belowSubCenter", "a unit below a sub-center returns the case to the sub-center");
        }
        this.returnCount++;
        this.status = CaseStatus.RETURNED;
        this.subCenterSince = null;
        changed(CaseEventType.RETURNED, actor, CaseStatus.DISPATCHED, reason, now);
    }

    /**
     * The center refuses the return: the same department must sign, for good after enough returns.
     * Its sign-for clock restarts at the ruling ({@code signBy}), because the time the center took to
     * decide was never the department's to use.
     */
    public void refuseReturn(String comment, int returnsBeforeDesignation, Instant signBy, boolean calendarComplete,
                             String actor, Instant now) {
        requireStatus("case.notReturned", CaseStatus.RETURNED);
        if (signBy == null || signBy.isBefore(now)) {
            throw new IllegalArgumentException("the new sign-for deadline must not lie before the ruling");
        }
        this.designated = returnCount >= returnsBeforeDesignation;
        this.signBy = signBy;
        this.signedLate = false;
        this.calendarIncomplete = calendarIncomplete || !calendarComplete;
        this.status = CaseStatus.DISPATCHED;
        if (isAtCitySubCenter()) {
            // The sub-center signs afresh: its own sign-for figure is judged on the restarted clock too.
            this.subCenterSignBy = signBy;
            this.subCenterSignedAt = null;
            this.subCenterSignedLate = false;
            this.subCenterSince = now;
        }
        changed(CaseEventType.RETURN_REFUSED, actor, CaseStatus.RETURNED, comment, now);
    }

    // --- 分级办理: the sub-center's own loop (docs/organisation.md, "Sub-centers") ---------------------

    /**
     * The sub-center signs for the case the city sent it. Sign-by / signed-at describe it while it holds the
     * case; its own columns keep the outcome after the re-dispatch hands the case to a unit below.
     */
    public void signForSubCenter(String actor, Instant now) {
        requireStatus("case.notDispatched", CaseStatus.DISPATCHED);
        if (!isAtSubCenter()) {
            throw new CaseStateException("case.notAtSubCenter", "case " + caseNumber + " is not waiting for a sub-center");
        }
        this.signedAt = now;
        this.signedLate = now.isAfter(signBy);
        if (isAtCitySubCenter()) {
            this.subCenterSignedAt = now;
            this.subCenterSignedLate = now.isAfter(subCenterSignBy);
        }
        this.status = CaseStatus.REDISPATCHING;
        changed(CaseEventType.SUB_CENTER_SIGNED, actor, CaseStatus.DISPATCHED, null, now);
    }

    /**
     * The sub-center sends the case to a unit of its subtree (the caller checked the subtree and the dispatch
     * level rule), after signing it or after ruling on a return. The unit signs by {@code signBy}; the
     * handling deadline set by the city's dispatch stays.
     */
    public void redispatchInSubtree(Long unit, boolean unitRunsSubCenter, Instant signBy, boolean calendarComplete,
                                    String comment, String actor, Instant now) {
        requireStatus("case.notRedispatchable", CaseStatus.REDISPATCHING, CaseStatus.RETURNED_TO_SUB_CENTER);
        if (unit == null || unit.equals(actingSubCenterId) || subCenterLevels().contains(unit)) {
            throw new CaseStateException("department.notBelowSubCenter", "the sub-center re-dispatches to a unit below it");
        }
        requireSignByNotBefore(signBy, now);
        CaseStatus from = status;
        this.departmentId = unit;
        this.signBy = signBy;
        this.signedAt = null;
        this.signedLate = false;
        this.calendarIncomplete = calendarIncomplete || !calendarComplete;
        this.status = CaseStatus.DISPATCHED;
        this.subCenterSince = null;
        if (unitRunsSubCenter) {
            // 分中心 inside 分中心: the unit's own sub-center signs and re-dispatches inside its subtree.
            enterNestedLevel(unit);
            this.subCenterSince = now;
        }
        changed(CaseEventType.REDISPATCHED, actor, from, comment, now);
    }

    /** The unit below the sub-center sends the case back to the sub-center (not to the city center). */
    public void returnToSubCenter(String reason, String actor, Instant now) {
        requireStatus("case.notDispatched", CaseStatus.DISPATCHED);
        if (!isBelowSubCenter()) {
            throw new CaseStateException("case.notBelowSubCenter", "case " + caseNumber + " did not come from a sub-center");
        }
        requireText(reason, "reason");
        this.status = CaseStatus.RETURNED_TO_SUB_CENTER;
        this.subCenterSince = now;
        changed(CaseEventType.RETURNED_TO_SUB_CENTER, actor, CaseStatus.DISPATCHED, reason, now);
    }

    /**
     * The nested sub-center holding the case returns it to the sub-center above it, which rules on it as on
     * any unit's return; the nested level leaves the path (a refusal brings it back in).
     */
    public void returnToOuterSubCenter(String reason, String actor, Instant now) {
        requireStatus("case.notDispatched", CaseStatus.DISPATCHED);
        if (!isAtSubCenter() || !hasOuterSubCenter()) {
            throw new CaseStateException("case.notBelowSubCenter", "case " + caseNumber + " did not come from a sub-center");
        }
        requireText(reason, "reason");
        leaveInnermostLevel();
        this.status = CaseStatus.RETURNED_TO_SUB_CENTER;
        this.subCenterSince = now;
        changed(CaseEventType.RETURNED_TO_SUB_CENTER, actor, CaseStatus.DISPATCHED, reason, now);
    }

    /**
     * The sub-center refuses its unit's return: the same unit signs, on a clock restarted at the ruling. A unit
     * running its own sub-center comes back into the path as the innermost level.
     */
    public void refuseReturnInSubCenter(String comment, boolean unitRunsSubCenter, Instant signBy,
                                        boolean calendarComplete, String actor, Instant now) {
        requireStatus("case.notReturned", CaseStatus.RETURNED_TO_SUB_CENTER);
        requireSignByNotBefore(signBy, now);
        this.signBy = signBy;
        this.signedLate = false;
        this.calendarIncomplete = calendarIncomplete || !calendarComplete;
        this.status = CaseStatus.DISPATCHED;
        this.subCenterSince = null;
        Long ruling = actingSubCenterId;
        if (unitRunsSubCenter) {
            enterNestedLevel(departmentId);
            this.subCenterSince = now;
        }
        changedFor(ruling, CaseEventType.SUB_CENTER_RETURN_REFUSED, actor, CaseStatus.RETURNED_TO_SUB_CENTER,
                comment, now);
    }

    /**
     * The sub-center agrees the case is not its subtree's: it returns the case to the city center in its own
     * name (one more return, 退单, counted as the city's returns are), unless the center designated it.
     */
    public void passReturnUp(String reason, String actor, Instant now) {
        requireStatus("case.notReturned", CaseStatus.RETURNED_TO_SUB_CENTER);
        requireText(reason, "reason");
        if (hasOuterSubCenter()) {
            // One level at a time: the nested sub-center returns the case to the sub-center above, in its own name.
            this.departmentId = actingSubCenterId;
            leaveInnermostLevel();
            this.subCenterSince = now;
            changed(CaseEventType.RETURN_PASSED_UP, actor, CaseStatus.RETURNED_TO_SUB_CENTER, reason, now);
            return;
        }
        if (designated) {
            throw new CaseStateException("case.designated",
                    "the center designated this sub-center after " + returnCount + " returns: it can no longer be returned");
        }
        this.departmentId = subCenterId;
        this.returnCount++;
        this.status = CaseStatus.RETURNED;
        this.subCenterSince = null;
        changed(CaseEventType.RETURN_PASSED_UP, actor, CaseStatus.RETURNED_TO_SUB_CENTER, reason, now);
    }

    /**
     * The acting sub-center approves the reply: the sub-center above it reviews it next, or, at the top, the
     * city center, as any reply.
     */
    public void approveReplyAtSubCenter(String actor, Instant now) {
        requireStatus("case.notReplied", CaseStatus.SUB_CENTER_REVIEW);
        Long approving = actingSubCenterId;
        if (hasOuterSubCenter()) {
            this.actingSubCenterId = outerSubCenter();
            this.subCenterSince = now;
        } else {
            this.status = CaseStatus.REPLIED;
            this.subCenterSince = null;
        }
        changedFor(approving, CaseEventType.SUB_CENTER_REPLY_APPROVED, actor, CaseStatus.SUB_CENTER_REVIEW, null, now);
    }

    /** The sub-center sends its unit's reply back; like the center's send-back, the reply no longer counts. */
    public void sendBackReplyAtSubCenter(String reason, String actor, Instant now) {
        requireStatus("case.notReplied", CaseStatus.SUB_CENTER_REVIEW);
        requireText(reason, "reason");
        this.repliedAt = null;
        this.status = CaseStatus.HANDLING;
        this.subCenterSince = null;
        Long sending = actingSubCenterId;
        // Whichever level sent it back, the next reply climbs from the innermost sub-center again.
        this.actingSubCenterId = innermostSubCenter();
        changedFor(sending, CaseEventType.SUB_CENTER_REPLY_SENT_BACK, actor, CaseStatus.SUB_CENTER_REVIEW, reason, now);
    }

    /** Whether the sub-center the city dispatched to holds the case: its own sign-for columns apply. */
    private boolean isAtCitySubCenter() {
        return isAtSubCenter() && !hasOuterSubCenter();
    }

    private static void requireSignByNotBefore(Instant signBy, Instant now) {
        if (signBy == null || signBy.isBefore(now)) {
            throw new IllegalArgumentException("the new sign-for deadline must not lie before the ruling");
        }
    }

    /**
     * An emergency out of hours: the person on duty was alerted ({@code who}), and the department
     * must sign by {@code signBy}, never later than the deadline the dispatch set.
     */
    public void alertDuty(String who, Instant signBy, String actor, Instant now) {
        requireStatus("case.notDispatched", CaseStatus.DISPATCHED);
        requireText(who, "who");
        if (signBy != null && signBy.isBefore(this.signBy)) {
            this.signBy = signBy;
            if (isAtCitySubCenter()) {
                this.subCenterSignBy = signBy;
            }
        }
        changed(CaseEventType.DUTY_ALERTED, actor, status, who, now);
    }

    /** An emergency out of hours that the roster could not put in anyone's hands: said on the case. */
    public void recordDutyUnreached(String why, String actor, Instant now) {
        changed(CaseEventType.DUTY_UNREACHED, actor, status, why, now);
    }

    public void warnHandler(Instant now) {
        if (status == CaseStatus.HANDLING && warnedAt == null) {
            this.warnedAt = now;
            changed(CaseEventType.WARNED, "system", status, null, now);
        }
    }

    public void flagOverdue(Instant now) {
        if (repliedAt == null && overdueAt == null && !status.isFinal()) {
            this.overdueAt = now;
            this.overdueCount++;
            changed(CaseEventType.OVERDUE, "system", status, null, now);
        }
    }

    /** Overdue (超期), the one definition: {@link FigureInputs#isOverdue}. */
    public boolean isOverdue(Instant now) {
        return figureInputs().isOverdue(now);
    }

    public void remind(String comment, String actor, Instant now) {
        if (status.isFinal()) {
            throw new CaseStateException("case.final", "case " + caseNumber + " is already " + status);
        }
        this.reminderCount++;
        changed(CaseEventType.REMINDED, actor, status, comment, now);
    }

    public void recordSupervision(String comment, String actor, Instant now) {
        requireText(comment, "comment");
        this.supervisionCount++;
        changed(CaseEventType.SUPERVISED, actor, status, comment, now);
    }

    /**
     * One step of the escalation ladder, taken by the process on its timer. Steps only climb within a
     * handling round, so a timer that fires twice (a retried job) records the step once.
     *
     * @return whether the step was taken (false: the case is no longer being handled or was already there)
     */
    public boolean escalate(int step, EscalationAction action, Instant now) {
        Objects.requireNonNull(action, "action");
        if (status != CaseStatus.HANDLING || repliedAt != null || step <= escalationStep) {
            return false;
        }
        this.escalationStep = step;
        switch (action) {
            case REMIND_HANDLER, REMIND_HEAD -> reminderCount++;
            case SUPERVISION_ORDER -> supervisionCount++;
            case ESCALATE -> escalationCount++;
        }
        changed(CaseEventType.ESCALATED, "system", status, action.timelineComment(step), now);
        return true;
    }

    public void requestExtension(Instant until, String reason, String actor, Instant now) {
        requireStatus("case.notHandling", CaseStatus.HANDLING);
        requireText(reason, "reason");
        if (extensionRequestedUntil != null) {
            throw new CaseStateException("case.extensionPending", "an extension request is already waiting for the center");
        }
        if (!now.isBefore(handleBy)) {
            throw new CaseStateException("case.extensionTooLate", "an extension must be requested before the deadline");
        }
        if (until == null || !until.isAfter(handleBy)) {
            throw new CaseStateException("case.extensionNotLater", "the new date must be after the current deadline");
        }
        this.extensionRequestedUntil = until;
        this.extensionReason = reason;
        changed(CaseEventType.EXTENSION_REQUESTED, actor, status, reason, now);
    }

    public void grantExtension(Instant warnAt, String actor, Instant now) {
        requirePendingExtension();
        this.handleBy = extensionRequestedUntil;
        this.extensionGrantedAt = now;
        this.extensionCount++;
        this.extensionRequestedUntil = null;
        this.warnedAt = warnAt.isAfter(now) ? null : warnedAt;
        changed(CaseEventType.EXTENSION_GRANTED, actor, status, "until " + handleBy, now);
    }

    public void refuseExtension(String comment, String actor, Instant now) {
        requirePendingExtension();
        this.extensionRequestedUntil = null;
        changed(CaseEventType.EXTENSION_REFUSED, actor, status, comment, now);
    }

    public void reply(String text, String actor, Instant now) {
        requireStatus("case.notHandling", CaseStatus.HANDLING);
        requireText(text, "reply");
        this.replyText = text;
        this.repliedAt = now;
        // A unit below a sub-center replies to the innermost sub-center, whose review comes first; the city
        // center's send-back may have left an outer level acting.
        if (subCenterId != null) {
            this.actingSubCenterId = innermostSubCenter();
        }
        this.status = isBelowSubCenter() ? CaseStatus.SUB_CENTER_REVIEW : CaseStatus.REPLIED;
        this.subCenterSince = isBelowSubCenter() ? now : null;
        changed(CaseEventType.REPLIED, actor, CaseStatus.HANDLING, text, now);
    }

    public void sendBackReply(String reason, String actor, Instant now) {
        requireStatus("case.notReplied", CaseStatus.REPLIED);
        requireText(reason, "reason");
        // The reply did not count: the on-time figure is judged on the reply the center accepts.
        this.repliedAt = null;
        this.status = CaseStatus.HANDLING;
        changed(CaseEventType.REPLY_SENT_BACK, actor, CaseStatus.REPLIED, reason, now);
    }

    public void acceptReply(String actor, Instant now) {
        requireStatus("case.notReplied", CaseStatus.REPLIED);
        this.extensionRequestedUntil = null;
        changed(CaseEventType.REPLY_ACCEPTED, actor, CaseStatus.REPLIED, null, now);
    }

    public void requestFeedback(Duration window, Instant now) {
        requireStatus("case.notReplied", CaseStatus.REPLIED);
        this.feedbackBy = now.plus(window);
        this.feedbackAt = null;
        this.satisfaction = null;
        this.status = CaseStatus.AWAITING_FEEDBACK;
        changed(CaseEventType.FEEDBACK_REQUESTED, "system", CaseStatus.REPLIED, null, now);
    }

    public void recordFeedback(Satisfaction rating, String comment, String actor, Instant now) {
        requireStatus("case.noFeedbackRequested", CaseStatus.AWAITING_FEEDBACK);
        this.satisfaction = Objects.requireNonNull(rating, "rating");
        this.feedbackAt = now;
        changed(CaseEventType.FEEDBACK_GIVEN, actor, status, rating + (comment == null ? "" : ": " + comment), now);
    }

    /** Whether a dissatisfied rating sends the case back for re-handling (at most {@code maxRehandles}). */
    public boolean qualifiesForRehandling(int maxRehandles) {
        return status == CaseStatus.AWAITING_FEEDBACK && satisfaction != null && !satisfaction.isSatisfied()
                && rehandleCount < maxRehandles;
    }

    public void reopenForRehandling(Deadlines deadlines, Instant now) {
        requireStatus("case.noFeedbackRequested", CaseStatus.AWAITING_FEEDBACK);
        if (satisfaction == null || satisfaction.isSatisfied()) {
            throw new CaseStateException("case.notDissatisfied", "only a dissatisfied rating re-opens a case");
        }
        this.rehandleCount++;
        // A new handling round climbs the ladder from its first step against the new deadline.
        this.escalationStep = 0;
        this.handleBy = deadlines.handleBy();
        this.originalHandleBy = deadlines.handleBy();
        this.warnedAt = null;
        this.overdueAt = null;
        this.repliedAt = null;
        this.calendarIncomplete = calendarIncomplete || !deadlines.calendarComplete();
        this.status = CaseStatus.HANDLING;
        changed(CaseEventType.REOPENED, "system", CaseStatus.AWAITING_FEEDBACK, "re-handling #" + rehandleCount, now);
    }

    public void closeWithFeedback(Instant now) {
        requireStatus("case.noFeedbackRequested", CaseStatus.AWAITING_FEEDBACK);
        if (feedbackAt == null) {
            throw new CaseStateException("case.noFeedback", "no rating has been given yet");
        }
        close(Closure.RESOLVED, now);
        changed(CaseEventType.CLOSED, "system", CaseStatus.AWAITING_FEEDBACK, Closure.RESOLVED.name(), now);
    }

    public void closeWithoutFeedback(Instant now) {
        requireStatus("case.noFeedbackRequested", CaseStatus.AWAITING_FEEDBACK);
        close(Closure.NO_FEEDBACK, now);
        changed(CaseEventType.CLOSED, "system", CaseStatus.AWAITING_FEEDBACK, Closure.NO_FEEDBACK.name(), now);
    }

    /** Confidential cases and those whose citizen declined are never published. */
    public boolean isPublishable() {
        return status == CaseStatus.CLOSED && !confidential && consentToPublish;
    }

    public void markPublished(Instant now) {
        if (!isPublishable()) {
            throw new CaseStateException("case.notPublishable", "case " + caseNumber + " may not be published");
        }
        changed(CaseEventType.PUBLISHED, "system", status, null, now);
    }

    /** 公开审核: the de-identified result waits for the center before the public sees it. */
    public void holdForPublicationReview(Instant now) {
        requirePublishable();
        changed(CaseEventType.PUBLICATION_PENDING, "system", status, null, now);
    }

    /** The center approved the result; the comment says which texts the reviewer edited, if any. */
    public void approvePublication(String reviewer, String comment, Instant now) {
        requirePublishable();
        changed(CaseEventType.PUBLISHED, reviewer, status, comment, now);
    }

    /** The center decided the result must never be published. */
    public void withholdPublication(String reviewer, String reason, Instant now) {
        changed(CaseEventType.PUBLICATION_WITHHELD, reviewer, status, reason, now);
    }

    private void requirePublishable() {
        if (!isPublishable()) {
            throw new CaseStateException("case.notPublishable", "case " + caseNumber + " may not be published");
        }
    }

    /**
     * Retention: the citizen's personal data leaves a finished case. Contact details and the
     * location go; the free texts stay in their de-identified form, so the record still says what
     * was asked and answered. Every deadline, outcome and count stays for the statistics.
     */
    public void erasePersonalData(UnaryOperator<String> deidentify, String reason, Instant now) {
        if (!status.isFinal() || closedAt == null) {
            throw new CaseStateException("case.notFinished", "case " + caseNumber + " is " + status + ", not finished");
        }
        if (personalDataErasedAt != null) {
            throw new CaseStateException("case.personalDataErased", "case " + caseNumber + " holds no personal data");
        }
        this.subject = clip(deidentify.apply(subject), 200);
        this.content = deidentify.apply(content);
        this.replyText = deidentify.apply(replyText);
        this.answerText = deidentify.apply(answerText);
        this.rejectReason = clip(deidentify.apply(rejectReason), 1000);
        this.extensionReason = clip(deidentify.apply(extensionReason), 1000);
        this.location = null;
        // What came with the contact (file names, links to recordings) can name or show the citizen.
        this.attachments.clear();
        // Nothing is left to reach the citizen by: the case is anonymous from now on.
        this.contact = new CitizenContact(null, null, null, null, true);
        this.personalDataErasedAt = now;
        changed(CaseEventType.PERSONAL_DATA_ERASED, "system", status, reason, now);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private void close(Closure how, Instant now) {
        this.closure = how;
        this.closedAt = now;
        this.status = CaseStatus.CLOSED;
    }

    private void requirePendingExtension() {
        if (extensionRequestedUntil == null) {
            throw new CaseStateException("case.noExtensionPending", "no extension request is waiting");
        }
        requireStatus("case.notHandling", CaseStatus.HANDLING);
    }

    private void requireStatus(String code, CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new CaseStateException(code, "case " + caseNumber + " is " + status + ", not " + List.of(allowed));
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new CaseStateException("case.missing." + what, "a " + what + " is required");
        }
    }

    private void changed(CaseEventType type, String actor, CaseStatus from, String comment, Instant at) {
        changedFor(departmentId, type, actor, from, comment, at);
    }

    /** A change made by another level than the unit holding the case (the sub-center's rulings): the event names it. */
    private void changedFor(Long unit, CaseEventType type, String actor, CaseStatus from, String comment, Instant at) {
        registerEvent(new CaseChanged(this, type, actor, from, status, unit, comment, at));
        // Every change that can reach a finished case comes through here (the others need an open case, which is
        // never settled): if the figures it had when they were folded moved, the statistics take them back.
        if (foldedInputs != null && !foldedInputs.equals(figureInputs())) {
            registerEvent(new SettledFiguresChanged(this, foldedInputs));
            this.foldedInputs = null;
        }
    }

    /** What the figures read of this case now (docs/metrics.md). */
    public FigureInputs figureInputs() {
        return new FigureInputs(status, closure, departmentId, subCenterId, districtCode, regionCode,
                receivedAt, regionReceivedAt, dispatchedAt, signBy, signedAt, handleBy, repliedAt,
                returnCount, extensionCount, feedbackBy, rehandleCount, satisfaction,
                reminderCount, supervisionCount, escalationCount, subCenterSignBy, subCenterSignedAt);
    }

    /** Whether the statistics hold this case's figures in their stored totals (see {@link #figureInputs()}). */
    public boolean isFiguresSettled() {
        return figuresSettled;
    }

    public Long getId() { return id; }
    public String getCaseNumber() { return caseNumber; }
    public String getQueryCodeHash() { return queryCodeHash; }
    public CaseType getType() { return type; }
    public String getCategoryCode() { return categoryCode; }
    public Urgency getUrgency() { return urgency; }
    public String getDistrictCode() { return districtCode; }
    public String getLocation() { return location; }
    public Channel getChannel() { return channel; }
    public CitizenContact getContact() { return contact; }
    public boolean isConfidential() { return confidential; }
    public boolean isConsentToPublish() { return consentToPublish; }
    public String getSubject() { return subject; }
    public String getContent() { return content; }
    public List<AttachmentMeta> getAttachments() { return List.copyOf(attachments); }
    public CaseStatus getStatus() { return status; }
    public Closure getClosure() { return closure; }
    public Long getDepartmentId() { return departmentId; }
    public boolean isDesignated() { return designated; }
    public int getReturnCount() { return returnCount; }
    public int getRehandleCount() { return rehandleCount; }
    public int getExtensionCount() { return extensionCount; }
    public Long getMergedIntoId() { return mergedIntoId; }
    public boolean isAnsweredByPrimary() { return answeredByPrimary; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getDispatchedAt() { return dispatchedAt; }
    public Instant getSignBy() { return signBy; }
    public Instant getSignedAt() { return signedAt; }
    public boolean isSignedLate() { return signedLate; }
    public Instant getHandleBy() { return handleBy; }
    public Instant getOriginalHandleBy() { return originalHandleBy; }
    public Instant getWarnedAt() { return warnedAt; }
    public Instant getOverdueAt() { return overdueAt; }
    public Instant getRepliedAt() { return repliedAt; }
    public Instant getExtensionRequestedUntil() { return extensionRequestedUntil; }
    public String getExtensionReason() { return extensionReason; }
    public Instant getExtensionGrantedAt() { return extensionGrantedAt; }
    public Instant getFeedbackBy() { return feedbackBy; }
    public Instant getFeedbackAt() { return feedbackAt; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getPersonalDataErasedAt() { return personalDataErasedAt; }
    public String getReplyText() { return replyText; }
    public String getAnswerText() { return answerText; }
    public Long getAnswerArticleId() { return answerArticleId; }
    public String getRejectReason() { return rejectReason; }
    public boolean isCalendarIncomplete() { return calendarIncomplete; }
    public int getEscalationStep() { return escalationStep; }
    public int getReminderCount() { return reminderCount; }
    public int getSupervisionCount() { return supervisionCount; }
    public int getEscalationCount() { return escalationCount; }
    public int getOverdueCount() { return overdueCount; }
    public Long getSubCenterId() { return subCenterId; }
    public Long getActingSubCenterId() { return actingSubCenterId; }
    public Instant getSubCenterSignBy() { return subCenterSignBy; }
    public Instant getSubCenterSignedAt() { return subCenterSignedAt; }
    public boolean isSubCenterSignedLate() { return subCenterSignedLate; }
    public Instant getSubCenterSince() { return subCenterSince; }
    public String getRegionCode() { return regionCode; }
    public Instant getRegionReceivedAt() { return regionReceivedAt; }
}
