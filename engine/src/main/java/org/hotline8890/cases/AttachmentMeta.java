package org.hotline8890.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What we know of an attachment; the bytes live in the attachment store under {@code storageRef}. */
@Embeddable
public record AttachmentMeta(
        @Column(name = "file_name") String fileName,
        @Column(name = "content_type") String contentType,
        @Column(name = "size_bytes") long sizeBytes,
        @Column(name = "storage_ref") String storageRef) {
}
