-- Files staff (and, later, citizens) upload to a case through the pages: a reply's evidence (REPLY) or a
-- request's photos (REQUEST). The bytes live on disk under a generated name (stored_name); the name the
-- uploader's computer gave the file is kept, sanitised, only to show and to offer on download.
-- Separate from case_attachment, which holds what arrived with a contact through a channel.
CREATE TABLE case_upload (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    case_id        BIGINT       NOT NULL,
    stored_name    VARCHAR(64)  NOT NULL,
    original_name  VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    uploaded_by    VARCHAR(100) NOT NULL,
    uploaded_at    DATETIME     NOT NULL,
    purpose        VARCHAR(20)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_case_upload_stored_name UNIQUE (stored_name),
    CONSTRAINT fk_case_upload_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_case_upload_case ON case_upload (case_id);
