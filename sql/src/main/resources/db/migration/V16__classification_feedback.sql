-- Classification assist (docs/classification.md): for each field staff filed a case under, what the
-- classifier had suggested first and what they chose. Read for the accuracy report; the model itself
-- learns from closed cases. No foreign key: a feedback row must never stop a case from being removed.
CREATE TABLE classification_feedback (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    case_id     BIGINT       NOT NULL,
    field       VARCHAR(16)  NOT NULL,
    suggested   VARCHAR(64)  NOT NULL,
    chosen      VARCHAR(64)  NOT NULL,
    chosen_at   DATETIME     NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_classification_feedback_case ON classification_feedback (case_id);
CREATE INDEX ix_classification_feedback_at ON classification_feedback (chosen_at);
