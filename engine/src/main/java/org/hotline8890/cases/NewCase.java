package org.hotline8890.cases;

import java.time.Instant;
import java.util.List;

import org.hotline8890.channels.Channel;

/** Everything needed to open a case; validated by the API layer, guarded again by the aggregate. */
public record NewCase(
        Channel channel,
        CaseType type,
        String categoryCode,
        Urgency urgency,
        String districtCode,
        String location,
        CitizenContact contact,
        boolean confidential,
        boolean consentToPublish,
        String subject,
        String content,
        List<Attachment> attachments,
        Instant receivedAt) {

    public NewCase {
        location = PlainText.clean(location);
        subject = PlainText.clean(subject);
        content = PlainText.clean(content);
    }

    public record Attachment(String fileName, String contentType, long sizeBytes, String storageRef) {

        public Attachment {
            fileName = PlainText.fileName(fileName);
        }
    }
}
