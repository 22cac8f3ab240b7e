package org.hotline8890.cases;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One transfer of a case between regions (跨区域转办) and the receiving region's answer: refused back (at
 * most once, so a case cannot bounce for ever) or, by working the case, accepted. Both regions read it.
 */
@Entity
@Table(name = "case_transfer")
public class CaseTransfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "from_region")
    private String fromRegion;
    @Column(name = "to_region")
    private String toRegion;
    private String reason;
    @Column(name = "transferred_by")
    private String transferredBy;
    @Column(name = "transferred_at")
    private Instant transferredAt;
    @Column(name = "refusal_reason")
    private String refusalReason;
    @Column(name = "refused_by")
    private String refusedBy;
    @Column(name = "refused_at")
    private Instant refusedAt;

    protected CaseTransfer() {
    }

    public CaseTransfer(Long caseId, String fromRegion, String toRegion, String reason, String actor, Instant at) {
        this.caseId = Objects.requireNonNull(caseId);
        this.fromRegion = Objects.requireNonNull(fromRegion);
        this.toRegion = Objects.requireNonNull(toRegion);
        this.reason = Objects.requireNonNull(reason);
        this.transferredBy = Objects.requireNonNull(actor);
        this.transferredAt = Objects.requireNonNull(at);
    }

    /** The receiving region sends the case back; a transfer is refused once at most. */
    public void refuse(String why, String actor, Instant at) {
        if (refusedAt != null) {
            throw new CaseStateException("transfer.alreadyRefused", "this transfer was already refused");
        }
        this.refusalReason = Objects.requireNonNull(why);
        this.refusedBy = Objects.requireNonNull(actor);
        this.refusedAt = Objects.requireNonNull(at);
    }

    public boolean isRefused() {
        return refusedAt != null;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getFromRegion() { return fromRegion; }
    public String getToRegion() { return toRegion; }
    public String getReason() { return reason; }
    public String getTransferredBy() { return transferredBy; }
    public Instant getTransferredAt() { return transferredAt; }
    public String getRefusalReason() { return refusalReason; }
    public String getRefusedBy() { return refusedBy; }
    public Instant getRefusedAt() { return refusedAt; }
}
