package org.hotline8890.attachments;

/**
 * An upload the store refuses, before anything is written. {@code reason} names the rule
 * ({@code tooMany}, {@code tooLarge}, {@code type}); pages show
 * {@code page.attachments.rejected.<reason>} next to the file field.
 */
public class AttachmentRejectedException extends RuntimeException {

    private final String reason;
    private final String fileName;

    AttachmentRejectedException(String reason, String fileName, String message) {
        super(message);
        this.reason = reason;
        this.fileName = fileName;
    }

    public String reason() {
        return reason;
    }

    /** The sanitised name of the file refused, or null when the upload as a whole is refused. */
    public String fileName() {
        return fileName;
    }
}
