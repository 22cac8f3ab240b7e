package org.hotline8890.assisting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseStateException;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One assisting unit's part of a case (协办): asked by the center, signed for or declined by the unit,
 * contributed within its limit, or withdrawn. Each deadline is stored beside its outcome (sign-by /
 * signed-at, contribute-by / contributed-at) so the assisting figures can be recomputed. The case's lead
 * department replies for all; this record never changes the case itself.
 */
@Entity
@Table(name = "case_assist")
public class CaseAssist extends AbstractAggregateRoot<CaseAssist> {

    static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "unit_id")
    private Long unitId;
    @Enumerated(EnumType.STRING)
    private AssistState state;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "sign_by")
    private Instant signBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "signed_late")
    private boolean signedLate;
    @Column(name = "warn_at")
    private Instant warnAt;
    @Column(name = "warned_at")
    private Instant warnedAt;
    @Column(name = "contribute_by")
    private Instant contributeBy;
    @Column(name = "contributed_at")
    private Instant contributedAt;
    @Column(name = "overdue_at")
    private Instant overdueAt;
    private String contribution;
    @Column(name = "decline_reason")
    private String declineReason;
    @Column(name = "declined_at")
    private Instant declinedAt;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "end_reason")
    private String endReason;
    @Column(name = "calendar_complete")
    private boolean calendarComplete;

    protected CaseAssist() {
    }

    /** The center asks {@code unitId} to assist on case {@code caseId} within {@code limits}. */
    public static CaseAssist request(Long caseId, Long unitId, AssistLimits limits, String actor, Instant now) {
        CaseAssist a = new CaseAssist();
        a.caseId = Objects.requireNonNull(caseId, "caseId");
        a.unitId = Objects.requireNonNull(unitId, "unitId");
        a.requestedBy = Objects.requireNonNull(actor, "actor");
        a.requestedAt = Objects.requireNonNull(now, "now");
        a.signBy = limits.signBy();
        a.warnAt = limits.warnAt();
        a.contributeBy = limits.contributeBy();
        a.calendarComplete = limits.calendarComplete();
        a.state = AssistState.REQUESTED;
        a.changed(CaseEventType.ASSIST_REQUESTED, actor, null, now);
        return a;
    }

    /** 签收: the unit takes its part on. */
    public void sign(String actor, Instant now) {
        requireState("assist.notRequested", AssistState.REQUESTED);
        this.signedAt = now;
        this.signedLate = signedLate || now.isAfter(signBy);
        this.state = AssistState.SIGNED;
        changed(CaseEventType.ASSIST_SIGNED, actor, null, now);
    }

    /** The unit says the part is not its to do; the center is told and replaces or drops it. */
    public void decline(String reason, String actor, Instant now) {
        requireState("assist.notRequested", AssistState.REQUESTED);
        requireText(reason, "reason");
        this.declineReason = reason.strip();
        this.declinedAt = now;
        this.endedAt = now;
        this.state = AssistState.DECLINED;
        changed(CaseEventType.ASSIST_DECLINED, actor, declineReason, now);
    }

    /** The unit's contribution (协办意见): its part is done, on time or late as the clock says. */
    public void contribute(String text, String actor, Instant now) {
        requireState("assist.notSigned", AssistState.SIGNED);
        requireText(text, "contribution");
        this.contribution = text.strip();
        this.contributedAt = now;
        this.endedAt = now;
        this.state = AssistState.CONTRIBUTED;
        changed(CaseEventType.ASSIST_CONTRIBUTED, actor, null, now);
    }

    /** The center takes the request back while the unit still owes its part; it is not counted for it. */
    public void withdraw(String reason, String actor, Instant now) {
        requireState("assist.notActive", AssistState.REQUESTED, AssistState.SIGNED);
        this.endedAt = now;
        this.endReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.state = AssistState.WITHDRAWN;
        changed(CaseEventType.ASSIST_WITHDRAWN, actor, endReason, now);
    }

    /**
     * The center has dealt with a decline: asked another unit instead ({@code comment} names it) or
     * decided the case needs no one in its place. Once only.
     */
    public void settleDecline(String comment, String actor, Instant now) {
        requireState("assist.notDeclined", AssistState.DECLINED);
        if (settledAt != null) {
            throw new CaseStateException("assist.alreadySettled", "this decline has already been dealt with");
        }
        this.settledAt = now;
        changed(CaseEventType.ASSIST_DECLINE_SETTLED, actor, comment, now);
    }

    /**
     * The lead replied for all while this unit still owed its part. Only allowed once the unit's limit
     * has passed (docs/assisting.md): the missing part is counted late against the unit.
     */
    public void lapse(Instant now) {
        requireState("assist.notActive", AssistState.REQUESTED, AssistState.SIGNED);
        if (isWithinLimit(now)) {
            throw new CaseStateException("assist.withinLimit", "the assisting unit still has until " + contributeBy);
        }
        this.endedAt = now;
        this.state = AssistState.LAPSED;
        changed(CaseEventType.ASSIST_LAPSED, SYSTEM, null, now);
    }

    /** The sign-for limit passed unsigned (its timer fired); recorded once. */
    public void flagSignLate(Instant now) {
        if (state == AssistState.REQUESTED && !signedLate) {
            this.signedLate = true;
            changed(CaseEventType.ASSIST_SIGN_LATE, SYSTEM, null, now);
        }
    }

    /** Most of the assisting limit is used up and no contribution yet (its timer fired); recorded once. */
    public void warn(Instant now) {
        if (state.isActive() && warnedAt == null) {
            this.warnedAt = now;
            changed(CaseEventType.ASSIST_WARNED, SYSTEM, null, now);
        }
    }

    /** The assisting limit passed without a contribution (its timer fired); recorded once. */
    public void flagOverdue(Instant now) {
        if (state.isActive() && overdueAt == null) {
            this.overdueAt = now;
            changed(CaseEventType.ASSIST_OVERDUE, SYSTEM, null, now);
        }
    }

    /**
     * Retention (docs/records.md): when the case's personal data goes, the texts the unit wrote keep only
     * their de-identified form, as the case's own texts do. The dates and outcomes stay for the figures.
     */
    public void deidentifyTexts(UnaryOperator<String> deidentify) {
        this.contribution = deidentify.apply(contribution);
        this.declineReason = clip(deidentify.apply(declineReason), 1000);
        this.endReason = clip(deidentify.apply(endReason), 1000);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Still owed and its limit not yet passed: the lead's reply waits for it. */
    public boolean isWithinLimit(Instant now) {
        return state.isActive() && !now.isAfter(contributeBy);
    }

    /** Still owed and its limit passed. */
    public boolean isOverdue(Instant now) {
        return state.isActive() && now.isAfter(contributeBy);
    }

    /** A decline the center has not yet dealt with. */
    public boolean awaitsCenter() {
        return state == AssistState.DECLINED && settledAt == null;
    }

    private void requireState(String code, AssistState... allowed) {
        for (AssistState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new CaseStateException(code, "this assist is " + state + ", not " + List.of(allowed));
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new CaseStateException("assist.missing." + what, "a " + what + " is required");
        }
    }

    private void changed(CaseEventType type, String actor, String comment, Instant at) {
        registerEvent(new AssistChanged(this, type, actor, comment, at));
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getUnitId() { return unitId; }
    public AssistState getState() { return state; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getSignBy() { return signBy; }
    public Instant getSignedAt() { return signedAt; }
    public boolean isSignedLate() { return signedLate; }
    public Instant getWarnAt() { return warnAt; }
    public Instant getWarnedAt() { return warnedAt; }
    public Instant getContributeBy() { return contributeBy; }
    public Instant getContributedAt() { return contributedAt; }
    public Instant getOverdueAt() { return overdueAt; }
    public String getContribution() { return contribution; }
    public String getDeclineReason() { return declineReason; }
    public Instant getDeclinedAt() { return declinedAt; }
    public Instant getSettledAt() { return settledAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndReason() { return endReason; }
    public boolean isCalendarComplete() { return calendarComplete; }
}
