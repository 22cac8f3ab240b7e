package org.hotline8890.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;

/** A request with the five elements (五要素): who, when, where, cause and course, plus how to reply. */
public record CaseRequest(
        @NotNull CaseType type,
        @NotBlank @Size(max = 64) String category,
        Urgency urgency,
        @NotBlank @Size(max = 64) String district,
        @Size(max = 500) String location,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 5000) String content,
        @Size(max = 100) String name,
        @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$", message = "must be a phone number of 5 to 20 digits") String phone,
        @Email @Size(max = 254) String email,
        boolean anonymous,
        boolean confidential,
        boolean consentToPublish,
        @Size(max = 5) List<@Valid Attachment> attachments) {

    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    record Attachment(
            @NotBlank @Size(max = 255) @Pattern(regexp = "^[^/\\\\:*?\"<>|\\x00-\\x1f]+$",
                    message = "must be a plain file name without path separators") String fileName,
            @NotBlank @Size(max = 100) String contentType,
            @PositiveOrZero @Max(value = MAX_ATTACHMENT_BYTES, message = "must be at most 10 MB") long sizeBytes) {
    }

    @AssertTrue(message = "a phone number or an email is required unless the request is anonymous")
    boolean isReachable() {
        return anonymous || notBlank(phone) || notBlank(email);
    }

    NewCase toNewCase(Channel channel, Instant receivedAt) {
        return new NewCase(channel, type, category, urgency == null ? Urgency.NORMAL : urgency, district, location,
                new CitizenContact(blankToNull(name), blankToNull(phone), blankToNull(email), null, anonymous),
                confidential, consentToPublish, subject.strip(), content.strip(),
                attachments == null ? List.of() : attachments.stream()
                        .map(a -> new NewCase.Attachment(a.fileName(), a.contentType(), a.sizeBytes(), null)).toList(),
                receivedAt);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.strip() : null;
    }
}
