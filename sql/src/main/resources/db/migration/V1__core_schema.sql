-- Hotline 8890 core schema. Runs unchanged on MySQL 8 / MariaDB and on H2 in MySQL mode.
-- Our tables are utf8mb4 (citizens write emoji); Camunda's own tables are created by the engine.

CREATE TABLE org_unit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200),
    kind        VARCHAR(20)  NOT NULL,
    parent_id   BIGINT,
    path        VARCHAR(500) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_org_unit_code UNIQUE (code),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_org_unit_path ON org_unit (path);

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    org_unit_id   BIGINT       NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_org FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE category (
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200),
    parent_code VARCHAR(64),
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE holiday_day (
    day       DATE        NOT NULL,
    off_day   BOOLEAN     NOT NULL,
    name      VARCHAR(100) NOT NULL,
    PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE calendar_year (
    year        INT          NOT NULL,
    source      VARCHAR(500) NOT NULL,
    day_count   INT          NOT NULL,
    imported_at DATETIME     NOT NULL,
    PRIMARY KEY (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE case_number_counter (
    day_key    VARCHAR(8) NOT NULL,
    last_value BIGINT     NOT NULL,
    PRIMARY KEY (day_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE hotline_case (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    version                BIGINT        NOT NULL,
    case_number            VARCHAR(32)   NOT NULL,
    query_code_hash        VARCHAR(100)  NOT NULL,
    case_type              VARCHAR(20)   NOT NULL,
    category_code          VARCHAR(64)   NOT NULL,
    urgency                VARCHAR(20)   NOT NULL,
    district_code          VARCHAR(64)   NOT NULL,
    location               VARCHAR(500),
    channel                VARCHAR(20)   NOT NULL,
    citizen_name           VARCHAR(100),
    citizen_phone          VARCHAR(32),
    citizen_email          VARCHAR(254),
    citizen_handle         VARCHAR(100),
    anonymous              BOOLEAN       NOT NULL,
    confidential           BOOLEAN       NOT NULL,
    consent_to_publish     BOOLEAN       NOT NULL,
    subject                VARCHAR(200)  NOT NULL,
    content                TEXT          NOT NULL,
    status                 VARCHAR(30)   NOT NULL,
    closure                VARCHAR(30),
    department_id          BIGINT,
    designated             BOOLEAN       NOT NULL,
    return_count           INT           NOT NULL,
    rehandle_count         INT           NOT NULL,
    extension_count        INT           NOT NULL,
    merged_into_id         BIGINT,
    received_at            DATETIME      NOT NULL,
    dispatched_at          DATETIME,
    sign_by                DATETIME,
    signed_at              DATETIME,
    signed_late            BOOLEAN       NOT NULL,
    handle_by              DATETIME,
    original_handle_by     DATETIME,
    warned_at              DATETIME,
    overdue_at             DATETIME,
    replied_at             DATETIME,
    extension_requested_until DATETIME,
    extension_reason       VARCHAR(1000),
    extension_granted_at   DATETIME,
    feedback_by            DATETIME,
    feedback_at            DATETIME,
    satisfaction           VARCHAR(30),
    closed_at              DATETIME,
    reply_text             TEXT,
    answer_text            TEXT,
    reject_reason          VARCHAR(1000),
    calendar_incomplete    BOOLEAN       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_hotline_case_number UNIQUE (case_number),
    CONSTRAINT fk_case_department FOREIGN KEY (department_id) REFERENCES org_unit (id),
    CONSTRAINT fk_case_merged_into FOREIGN KEY (merged_into_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_case_department_status ON hotline_case (department_id, status);
CREATE INDEX ix_case_phone ON hotline_case (citizen_phone);
CREATE INDEX ix_case_status_handle_by ON hotline_case (status, handle_by);
CREATE INDEX ix_case_received_at ON hotline_case (received_at);

CREATE TABLE case_attachment (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    case_id       BIGINT       NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    storage_ref   VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT fk_attachment_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE case_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    case_id       BIGINT        NOT NULL,
    occurred_at   DATETIME      NOT NULL,
    event_type    VARCHAR(40)   NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    from_status   VARCHAR(30),
    to_status     VARCHAR(30),
    department_id BIGINT,
    comment       TEXT,
    PRIMARY KEY (id),
    CONSTRAINT fk_event_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_case_event_case ON case_event (case_id, id);

-- One row per contact that reached us: (channel, channel message id) makes intake idempotent.
CREATE TABLE intake_contact (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    channel            VARCHAR(20)  NOT NULL,
    channel_message_id VARCHAR(200) NOT NULL,
    received_at        DATETIME     NOT NULL,
    case_id            BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_intake_contact UNIQUE (channel, channel_message_id),
    CONSTRAINT fk_contact_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The embedded default's durable in-process intake queue (production uses RabbitMQ).
CREATE TABLE intake_queue_message (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    channel            VARCHAR(20)  NOT NULL,
    channel_message_id VARCHAR(200) NOT NULL,
    payload            TEXT         NOT NULL,
    state              VARCHAR(10)  NOT NULL,
    attempts           INT          NOT NULL,
    last_error         VARCHAR(1000),
    enqueued_at        DATETIME     NOT NULL,
    processed_at       DATETIME,
    PRIMARY KEY (id),
    CONSTRAINT uk_intake_queue_message UNIQUE (channel, channel_message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_intake_queue_state ON intake_queue_message (state, id);

-- The de-identified record the public sees; personal data never enters this table.
CREATE TABLE published_result (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    case_id        BIGINT       NOT NULL,
    case_number    VARCHAR(32)  NOT NULL,
    case_type      VARCHAR(20)  NOT NULL,
    category_code  VARCHAR(64)  NOT NULL,
    district_code  VARCHAR(64)  NOT NULL,
    department_id  BIGINT,
    subject        VARCHAR(200) NOT NULL,
    content        TEXT         NOT NULL,
    reply          TEXT,
    satisfaction   VARCHAR(30),
    received_at    DATETIME     NOT NULL,
    closed_at      DATETIME     NOT NULL,
    published_at   DATETIME     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_published_case UNIQUE (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_published_closed ON published_result (closed_at);

-- What the citizen must be told, in order; channel adapters deliver and stamp sent_at.
CREATE TABLE citizen_notification (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    case_id     BIGINT       NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    message     TEXT         NOT NULL,
    created_at  DATETIME     NOT NULL,
    sent_at     DATETIME,
    PRIMARY KEY (id),
    CONSTRAINT fk_notification_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_notification_unsent ON citizen_notification (sent_at, id);
