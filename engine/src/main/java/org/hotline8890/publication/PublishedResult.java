package org.hotline8890.publication;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "published_result")
public class PublishedResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "case_type")
    private String caseType;
    @Column(name = "category_code")
    private String categoryCode;
    @Column(name = "district_code")
    private String districtCode;
    @Column(name = "department_id")
    private Long departmentId;
    private String subject;
    private String content;
    private String reply;
    private String satisfaction;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_state")
    private ReviewState reviewState;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_note")
    private String reviewNote;
    @Column(name = "edited_fields")
    private String editedFields;

    protected PublishedResult() {
    }

    PublishedResult(Long caseId, String caseNumber, String caseType, String categoryCode, String districtCode,
                    Long departmentId, String subject, String content, String reply, String satisfaction,
                    Instant receivedAt, Instant closedAt, Instant publishedAt) {
        this(caseId, caseNumber, caseType, categoryCode, districtCode, departmentId, subject, content, reply,
                satisfaction, receivedAt, closedAt);
        this.reviewState = ReviewState.PUBLISHED;
        this.publishedAt = publishedAt;
    }

    /** A result prepared for the center's review: not public until {@link #approve} is called. */
    static PublishedResult pendingReview(Long caseId, String caseNumber, String caseType, String categoryCode,
                                         String districtCode, Long departmentId, String subject, String content,
                                         String reply, String satisfaction, Instant receivedAt, Instant closedAt) {
        PublishedResult result = new PublishedResult(caseId, caseNumber, caseType, categoryCode, districtCode,
                departmentId, subject, content, reply, satisfaction, receivedAt, closedAt);
        result.reviewState = ReviewState.PENDING_REVIEW;
        return result;
    }

    private PublishedResult(Long caseId, String caseNumber, String caseType, String categoryCode, String districtCode,
                            Long departmentId, String subject, String content, String reply, String satisfaction,
                            Instant receivedAt, Instant closedAt) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.caseType = caseType;
        this.categoryCode = categoryCode;
        this.districtCode = districtCode;
        this.departmentId = departmentId;
        this.subject = subject;
        this.content = content;
        this.reply = reply;
        this.satisfaction = satisfaction;
        this.receivedAt = receivedAt;
        this.closedAt = closedAt;
    }

    /**
     * The center approves, with the texts as finally reviewed.
     *
     * @param editedFields which of subject, content, reply the reviewer changed, or empty
     */
    void approve(String reviewer, String subject, String content, String reply, String editedFields, Instant at) {
        requirePending();
        this.subject = subject;
        this.content = content;
        this.reply = reply;
        this.editedFields = editedFields == null || editedFields.isEmpty() ? null : editedFields;
        this.reviewNote = this.editedFields == null ? null : "edited: " + this.editedFields;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
        this.publishedAt = at;
        this.reviewState = ReviewState.PUBLISHED;
    }

    /** The center decides this result must never be public. */
    void withhold(String reviewer, String reason, Instant at) {
        requirePending();
        this.reviewNote = reason;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
        this.reviewState = ReviewState.WITHHELD;
    }

    private void requirePending() {
        if (reviewState != ReviewState.PENDING_REVIEW) {
            throw new org.hotline8890.cases.CaseStateException("publication.notPending",
                    "the result of case " + caseNumber + " is " + reviewState + ", not waiting for review");
        }
    }

    public Long getCaseId() { return caseId; }
    public String getCaseNumber() { return caseNumber; }
    public String getCaseType() { return caseType; }
    public String getCategoryCode() { return categoryCode; }
    public String getDistrictCode() { return districtCode; }
    public Long getDepartmentId() { return departmentId; }
    public String getSubject() { return subject; }
    public String getContent() { return content; }
    public String getReply() { return reply; }
    public String getSatisfaction() { return satisfaction; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    // The review is the center's business; PublicApi serialises this entity as it is.
    @JsonIgnore public ReviewState getReviewState() { return reviewState; }
    @JsonIgnore public String getReviewedBy() { return reviewedBy; }
    @JsonIgnore public Instant getReviewedAt() { return reviewedAt; }
    @JsonIgnore public String getReviewNote() { return reviewNote; }
    @JsonIgnore public String getEditedFields() { return editedFields; }
}
