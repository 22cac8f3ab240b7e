package org.hotline8890.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of a case's timeline: who did what, when, from which state to which. Never updated,
 * except that the retention rule de-identifies its comment ({@link CommentRedaction}).
 * Linked into its case's hash chain ({@link EventHash}): {@code prevHash} is the hash of the case's
 * event before it, {@code hash} covers this event's content and {@code prevHash}.
 */
@Entity
@Immutable
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private CaseEventType type;
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CaseStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private CaseStatus toStatus;
    @Column(name = "department_id")
    private Long departmentId;
    private String comment;
    @Column(name = "prev_hash")
    private String prevHash;
    @Column(name = "event_hash")
    private String hash;
    @Column(name = "hash_version")
    private int hashVersion;
    /** The original comment's digest, kept once the retention has de-identified the comment. */
    @Column(name = "comment_digest")
    private String commentDigest;
    /** On the event that records a removal: pins the case's de-identified comments. */
    @Column(name = "redactions_digest")
    private String redactionsDigest;

    protected CaseEvent() {
    }

    CaseEvent(CaseChanged change, String prevHash, String redactionsDigest) {
        this.caseId = change.caseId();
        // The column keeps whole seconds; truncating here means the hash covers what is stored
        // (a database that rounded instead would otherwise store a different second).
        this.occurredAt = change.at() == null ? null : change.at().truncatedTo(ChronoUnit.SECONDS);
        this.type = change.type();
        this.actor = change.actor();
        this.fromStatus = change.from();
        this.toStatus = change.to();
        this.departmentId = change.departmentId();
        this.comment = change.comment();
        this.prevHash = prevHash;
        this.hashVersion = EventHash.CURRENT_VERSION;
        this.redactionsDigest = redactionsDigest;
        this.hash = EventHash.of(this, prevHash);
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public CaseEventType getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public CaseStatus getFromStatus() {
        return fromStatus;
    }

    public CaseStatus getToStatus() {
        return toStatus;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getComment() {
        return comment;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    public int getHashVersion() {
        return hashVersion;
    }

    public String getCommentDigest() {
        return commentDigest;
    }

    public String getRedactionsDigest() {
        return redactionsDigest;
    }
}
