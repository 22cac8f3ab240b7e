package org.hotline8890.channels.mail;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.IntakeReceipts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The web face of the mayor's mailbox: a letter with a title, a text and one optional file, queued as
 * a MAIL contact like a letter that came by mail. The answer says the letter is safely queued; the
 * case number follows once the engine has taken it (ask again with the reference).
 */
@RestController
@RequestMapping("/api/citizen/mailbox")
class MailboxFormApi {

    static final String REFERENCE_PREFIX = "web-form:";
    private static final int MAX_KEY = 100;
    private static final int MAX_NAME = 100;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final IntakeQueue queue;
    private final IntakeReceipts receipts;
    private final AttachmentStore attachments;
    private final long maxAttachmentBytes;
    private final Clock clock;

    MailboxFormApi(IntakeQueue queue, IntakeReceipts receipts, MailSettings settings, Clock clock) {
        this.queue = queue;
        this.receipts = receipts;
        this.maxAttachmentBytes = settings.maxAttachmentSize().toBytes();
        this.attachments = new AttachmentStore(settings.attachmentDirectory(), maxAttachmentBytes);
        this.clock = clock;
    }

    record FieldProblem(String field, String reason) {
    }

    record Problem(String code, String message, List<FieldProblem> fields) {
    }

    /** {@code reference} asks for the case number later; {@code caseNumber} is there once the engine has it. */
    record Receipt(String reference, String caseNumber) {
    }

    /**
     * Send the same {@code Idempotency-Key} when retrying after a lost answer: the letter is queued
     * once, and the retry gets the same reference.
     */
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<?> submit(@RequestParam(required = false) String title,
                             @RequestParam(required = false) String text,
                             @RequestParam(required = false) MultipartFile file,
                             @RequestParam(required = false) String consentToPublish,
                             @RequestParam(required = false) String name,
                             @RequestParam(required = false) String email,
                             @RequestParam(required = false) String phone,
                             @RequestHeader(name = "Idempotency-Key", required = false) String key) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = required(title, "title", MailContacts.MAX_SUBJECT, problems);
        String cleanText = required(text, "text", MailContacts.MAX_TEXT, problems);
        String cleanName = optional(name, "name", MAX_NAME, problems);
        String cleanEmail = matching(email, "email", EMAIL, "not a mail address", problems);
        String cleanPhone = matching(phone, "phone", PHONE, "not a phone number", problems);
        if (cleanEmail == null && cleanPhone == null && problems.stream().noneMatch(p -> p.field().equals("email")
                || p.field().equals("phone"))) {
            problems.add(new FieldProblem("email", "an email or a phone number is required, so we can answer"));
        }
        Boolean consent = consent(consentToPublish, problems);
        String reference = reference(key, problems);
        if (file != null && !file.isEmpty() && file.getSize() > maxAttachmentBytes) {
            problems.add(new FieldProblem("file", "larger than " + MailContacts.readable(maxAttachmentBytes)));
        }
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(new Problem("request.invalid", "the request has invalid fields", problems));
        }
        List<ContactMessage.AttachmentRef> kept = new ArrayList<>();
        if (file != null && !file.isEmpty()) {
            Optional<ContactMessage.AttachmentRef> stored = store(file);
            if (stored.isEmpty()) {
                return ResponseEntity.badRequest().body(new Problem("request.invalid", "the request has invalid fields",
                        List.of(new FieldProblem("file", "larger than " + MailContacts.readable(maxAttachmentBytes)))));
            }
            kept.add(stored.get());
        }
        queue.publish(new ContactMessage(Channel.MAIL, reference, clock.instant(),
                new ContactMessage.Sender(cleanName, cleanPhone, cleanEmail, null, false), cleanTitle, cleanText, kept,
                null, null, null, null, null, false, consent, null, null));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt(reference));
    }

    /** 200 with the case number once the engine has taken the letter, 202 while it is still queued. */
    @GetMapping("/{reference}")
    ResponseEntity<Receipt> status(@PathVariable String reference) {
        Receipt receipt = receipt(reference);
        return ResponseEntity.status(receipt.caseNumber() == null ? HttpStatus.ACCEPTED : HttpStatus.OK).body(receipt);
    }

    private Receipt receipt(String reference) {
        return new Receipt(reference, receipts.caseNumberFor(Channel.MAIL, reference).orElse(null));
    }

    private Optional<ContactMessage.AttachmentRef> store(MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "attachment" : file.getOriginalFilename().strip();
            String contentType = file.getContentType() == null || file.getContentType().length() > 100
                    ? "application/octet-stream" : file.getContentType();
            return attachments.store(content).map(stored -> new ContactMessage.AttachmentRef(
                    fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName, contentType,
                    stored.sizeBytes(), stored.storageRef()));
        }
    }

    private static String reference(String key, List<FieldProblem> problems) {
        if (key == null || key.isBlank()) {
            return REFERENCE_PREFIX + UUID.randomUUID();
        }
        if (key.strip().length() > MAX_KEY) {
            problems.add(new FieldProblem("Idempotency-Key", "must be at most " + MAX_KEY + " characters"));
        }
        return REFERENCE_PREFIX + key.strip();
    }

    private static Boolean consent(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase()) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> {
                problems.add(new FieldProblem("consentToPublish", "must be true or false"));
                yield false;
            }
        };
    }

    private static String required(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required"));
            return null;
        }
        return optional(value, field, max, problems);
    }

    private static String optional(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return clean;
    }

    private static String matching(String value, String field, Pattern pattern, String reason,
                                   List<FieldProblem> problems) {
        String clean = optional(value, field, 254, problems);
        if (clean != null && !pattern.matcher(clean).matches()) {
            problems.add(new FieldProblem(field, reason));
        }
        return clean;
    }
}
