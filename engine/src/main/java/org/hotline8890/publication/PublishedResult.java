package org.hotline8890.publication;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    protected PublishedResult() {
    }

    PublishedResult(Long caseId, String caseNumber, String caseType, String categoryCode, String districtCode,
                    Long departmentId, String subject, String content, String reply, String satisfaction,
                    Instant receivedAt, Instant closedAt, Instant publishedAt) {
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
        this.publishedAt = publishedAt;
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
}
