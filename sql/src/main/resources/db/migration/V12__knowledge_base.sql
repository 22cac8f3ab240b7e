-- Knowledge base (知识库, docs/knowledge-base.md). The table is the truth; each engine node keeps its
-- own Lucene index of it and re-reads rows changed since its last look (updated_at).
CREATE TABLE knowledge_article (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    question        VARCHAR(500)  NOT NULL,
    answer          TEXT          NOT NULL,
    category_code   VARCHAR(64),
    owner_unit_id   BIGINT        NOT NULL,
    valid_from      DATE          NOT NULL,
    valid_until     DATE,
    source_document VARCHAR(500),
    status          VARCHAR(20)   NOT NULL,
    replaces_id     BIGINT,
    proposed_by     VARCHAR(64)   NOT NULL,
    decided_by      VARCHAR(64),
    decision_note   VARCHAR(1000),
    use_count       BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME      NOT NULL,
    updated_at      DATETIME      NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_article_owner FOREIGN KEY (owner_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_article_replaces FOREIGN KEY (replaces_id) REFERENCES knowledge_article (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_article_updated ON knowledge_article (updated_at);
CREATE INDEX ix_article_status_until ON knowledge_article (status, valid_until);

-- One row per case answered from an article: the unique case makes the use count idempotent.
CREATE TABLE knowledge_article_use (
    id          BIGINT   NOT NULL AUTO_INCREMENT,
    article_id  BIGINT   NOT NULL,
    case_id     BIGINT   NOT NULL,
    used_at     DATETIME NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_article_use_case UNIQUE (case_id),
    CONSTRAINT fk_article_use_article FOREIGN KEY (article_id) REFERENCES knowledge_article (id),
    CONSTRAINT fk_article_use_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Reminders to an article's owning unit that it has expired (one per article and expiry date).
CREATE TABLE knowledge_reminder (
    id             BIGINT   NOT NULL AUTO_INCREMENT,
    article_id     BIGINT   NOT NULL,
    owner_unit_id  BIGINT   NOT NULL,
    expired_on     DATE     NOT NULL,
    created_at     DATETIME NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_reminder_article_expiry UNIQUE (article_id, expired_on),
    CONSTRAINT fk_reminder_article FOREIGN KEY (article_id) REFERENCES knowledge_article (id),
    CONSTRAINT fk_reminder_owner FOREIGN KEY (owner_unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Which article a direct answer (直接答复) came from.
ALTER TABLE hotline_case ADD COLUMN answer_article_id BIGINT;
