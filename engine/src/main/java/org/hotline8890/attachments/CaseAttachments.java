package org.hotline8890.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.hotline8890.records.PersonalDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * The store for files uploaded to a case. Callers decide who may see the case (CaseAccessPolicy); this
 * decides what may be kept and where. Bytes go to a file named by a random UUID in the configured
 * directory, so neither the uploader's file name nor its content can choose a path.
 */
@Service
public class CaseAttachments implements PersonalDataStore {

    private static final Logger log = LoggerFactory.getLogger(CaseAttachments.class);

    private final CaseUploadRepository uploads;
    private final AttachmentSettings settings;
    private final Clock clock;

    CaseAttachments(CaseUploadRepository uploads, AttachmentSettings settings, Clock clock) {
        this.uploads = uploads;
        this.settings = settings;
        this.clock = clock;
    }

    /** A stored file, ready to send: its metadata and where its bytes are. */
    public record Download(Attachment attachment, Path file) {
    }

    /** The most files one upload may carry, for the form's hint. */
    public int maxFiles() {
        return settings.maxFiles();
    }

    /** The largest file accepted, in megabytes, for the form's hint. */
    public long maxFileSizeMegabytes() {
        return settings.maxFileSize().toMegabytes();
    }

    /**
     * Checks an upload against the limits without keeping anything, so a page can refuse it before the
     * case action it goes with is done. Empty file fields (nothing chosen) are ignored.
     *
     * @throws AttachmentRejectedException naming the rule broken
     */
    public void check(List<MultipartFile> files) {
        List<MultipartFile> chosen = chosen(files);
        if (chosen.size() > settings.maxFiles()) {
            throw new AttachmentRejectedException("tooMany", null,
                    "at most " + settings.maxFiles() + " files, got " + chosen.size());
        }
        for (MultipartFile file : chosen) {
            String name = FileNames.sanitise(file.getOriginalFilename());
            if (file.getSize() > settings.maxFileSize().toBytes()) {
                throw new AttachmentRejectedException("tooLarge", name,
                        name + " is larger than " + settings.maxFileSize());
            }
            if (!settings.allowedTypes().contains(baseType(file.getContentType()))) {
                throw new AttachmentRejectedException("type", name, name + " has a type not accepted: "
                        + file.getContentType());
            }
        }
    }

    /**
     * Keeps the chosen files for the case.
     *
     * @throws AttachmentRejectedException when the upload breaks a limit; nothing is kept then
     */
    @Transactional
    public List<Attachment> store(Long caseId, List<MultipartFile> files, AttachmentPurpose purpose, String uploadedBy) {
        check(files);
        List<Attachment> kept = new ArrayList<>();
        for (MultipartFile file : chosen(files)) {
            String storedName = UUID.randomUUID().toString().replace("-", "");
            long size = write(file, storedName);
            CaseUpload upload = uploads.save(new CaseUpload(caseId, storedName,
                    FileNames.sanitise(file.getOriginalFilename()), baseType(file.getContentType()), size,
                    uploadedBy, clock.instant(), purpose));
            kept.add(Attachment.of(upload));
        }
        return kept;
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(Long caseId) {
        return uploads.findByCaseIdOrderByIdAsc(caseId).stream().map(Attachment::of).toList();
    }

    /** The file {@code id} if it belongs to the case and its bytes are still there. */
    @Transactional(readOnly = true)
    public Optional<Download> open(Long caseId, Long id) {
        return uploads.findByIdAndCaseId(id, caseId)
                .map(upload -> new Download(Attachment.of(upload), pathOf(upload.getStoredName())))
                .filter(download -> Files.isRegularFile(download.file()));
    }

    /**
     * The retention rule: a citizen's photos and a department's evidence can show people and homes, so
     * a finished case's files go with its personal data. The rows go in the case's transaction, the
     * bytes only once it has committed: a rolled-back removal must not leave rows without files.
     */
    @Override
    public List<Erased> eraseCase(Long caseId, UnaryOperator<String> deidentify) {
        List<CaseUpload> files = uploads.findByCaseIdOrderByIdAsc(caseId);
        if (files.isEmpty()) {
            return List.of();
        }
        uploads.deleteAll(files);
        List<Path> paths = files.stream().map(f -> pathOf(f.getStoredName())).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                paths.forEach(CaseAttachments::deleteQuietly);
            }
        });
        return List.of(new Erased("uploaded files removed", files.size()));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The row is gone, so nothing offers the file any more; the log tells the operator to delete it.
            log.warn("could not delete {} after its case's retention: {}", file, e.getMessage());
        }
    }

    private long write(MultipartFile file, String storedName) {
        Path target = pathOf(storedName);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
            try (InputStream in = file.getInputStream()) {
                long size = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                // Complete or absent: a download never finds half a file under the final name.
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                return size;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("attachment store cannot write: " + e.getMessage(), e);
        }
    }

    private Path pathOf(String storedName) {
        Path directory = settings.directory().toAbsolutePath().normalize();
        Path file = directory.resolve(storedName).normalize();
        // Stored names are generated here, but a row edited by hand must not reach outside either.
        if (!file.getParent().equals(directory)) {
            throw new IllegalStateException("stored name leaves the attachment directory: " + storedName);
        }
        return file;
    }

    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> f != null && !(f.isEmpty() && isBlank(f.getOriginalFilename()))).toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
