package org.hotline8890.attachments;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory    where uploaded bytes are kept, one file per upload under a generated name
 * @param maxFiles     at most this many files in one upload (one reply, one request)
 * @param maxFileSize  the largest single file accepted
 * @param allowedTypes the content types accepted: pictures, PDF and office documents by default
 */
@ConfigurationProperties("hotline.attachments")
record AttachmentSettings(
        @DefaultValue("./data/uploads") Path directory,
        @DefaultValue("5") int maxFiles,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf",
                "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                "text/plain"}) List<String> allowedTypes) {
}
