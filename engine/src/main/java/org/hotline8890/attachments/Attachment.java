package org.hotline8890.attachments;

import java.time.Instant;

/** What a page shows of an uploaded file; {@code originalName} is already sanitised. */
public record Attachment(Long id, String originalName, String contentType, long sizeBytes, String uploadedBy,
                         Instant uploadedAt, AttachmentPurpose purpose) {

    static Attachment of(CaseUpload upload) {
        return new Attachment(upload.getId(), upload.getOriginalName(), upload.getContentType(),
                upload.getSizeBytes(), upload.getUploadedBy(), upload.getUploadedAt(), upload.getPurpose());
    }
}
