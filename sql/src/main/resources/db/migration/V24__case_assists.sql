-- Assisting units (协办单位): besides its one lead department (主办, hotline_case.department_id) a case
-- may ask other units to contribute their part. One row per unit asked, with each deadline stored beside
-- its outcome (sign-by / signed-at, contribute-by / contributed-at) so the assisting figures can be
-- recomputed (docs/assisting.md, docs/metrics.md). A unit asked again after a decline or a withdrawal
-- gets a new row; at most one row per case and unit is active, which the application enforces.
CREATE TABLE case_assist (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    version           BIGINT        NOT NULL DEFAULT 0,
    case_id           BIGINT        NOT NULL,
    unit_id           BIGINT        NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    requested_by      VARCHAR(100)  NOT NULL,
    requested_at      DATETIME      NOT NULL,
    sign_by           DATETIME      NOT NULL,
    signed_at         DATETIME,
    signed_late       BOOLEAN       NOT NULL DEFAULT FALSE,
    warn_at           DATETIME      NOT NULL,
    warned_at         DATETIME,
    contribute_by     DATETIME      NOT NULL,
    contributed_at    DATETIME,
    overdue_at        DATETIME,
    contribution      VARCHAR(5000),
    decline_reason    VARCHAR(1000),
    declined_at       DATETIME,
    settled_at        DATETIME,
    ended_at          DATETIME,
    end_reason        VARCHAR(1000),
    calendar_complete BOOLEAN       NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT fk_case_assist_case FOREIGN KEY (case_id) REFERENCES hotline_case (id),
    CONSTRAINT fk_case_assist_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_case_assist_case ON case_assist (case_id);
CREATE INDEX ix_case_assist_unit_state ON case_assist (unit_id, state);
CREATE INDEX ix_case_assist_requested ON case_assist (requested_at);
