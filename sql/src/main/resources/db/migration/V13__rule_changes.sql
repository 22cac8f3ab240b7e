-- Changes administrators make to the DMN decision tables (docs/rules.md). Camunda keeps every
-- deployed version itself; this table says who changed what, and why the versions differ.
CREATE TABLE rule_change (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    decision_key    VARCHAR(64)   NOT NULL,
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      DATETIME      NOT NULL,
    version_before  INT           NOT NULL,
    version_after   INT           NOT NULL,
    deployment_id   VARCHAR(64)   NOT NULL,
    diff            TEXT          NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_rule_change_key ON rule_change (decision_key, changed_at);
