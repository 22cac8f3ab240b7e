package org.hotline8890.attachments;

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

/** One uploaded file's metadata. Never changed: a wrong file is answered by another upload. */
@Entity
@Immutable
@Table(name = "case_upload")
class CaseUpload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "stored_name")
    private String storedName;
    @Column(name = "original_name")
    private String originalName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    @Enumerated(EnumType.STRING)
    private AttachmentPurpose purpose;

    protected CaseUpload() {
    }

    CaseUpload(Long caseId, String storedName, String originalName, String contentType, long sizeBytes,
               String uploadedBy, Instant uploadedAt, AttachmentPurpose purpose) {
        this.caseId = caseId;
        this.storedName = storedName;
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.uploadedBy = uploadedBy;
        // The column keeps whole seconds.
        this.uploadedAt = uploadedAt.truncatedTo(ChronoUnit.SECONDS);
        this.purpose = purpose;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getStoredName() { return storedName; }
    String getOriginalName() { return originalName; }
    String getContentType() { return contentType; }
    long getSizeBytes() { return sizeBytes; }
    String getUploadedBy() { return uploadedBy; }
    Instant getUploadedAt() { return uploadedAt; }
    AttachmentPurpose getPurpose() { return purpose; }
}
