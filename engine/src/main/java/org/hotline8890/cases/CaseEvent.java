package org.hotline8890.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of a case's timeline: who did what, when, from which state to which. Never updated. */
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

    protected CaseEvent() {
    }

    CaseEvent(CaseChanged change) {
        this.caseId = change.caseId();
        this.occurredAt = change.at();
        this.type = change.type();
        this.actor = change.actor();
        this.fromStatus = change.from();
        this.toStatus = change.to();
        this.departmentId = change.departmentId();
        this.comment = change.comment();
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
}
