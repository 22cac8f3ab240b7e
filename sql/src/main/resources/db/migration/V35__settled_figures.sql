-- Pre-aggregated statistics (docs/metrics.md, "How the figures are computed"): once a case's figures can no
-- longer change with time (finished, every deadline they judge met or passed), statistics.FigureSettlement adds
-- them to one row per receipt day and group here and marks the case folded; a report sums the days of its
-- period and computes only the cases not folded, so its cost follows the open cases, not the history.
ALTER TABLE hotline_case ADD COLUMN figures_settled BOOLEAN NOT NULL DEFAULT FALSE;
-- The reports read the unfolded cases of a period, the settlement looks for the next ones to fold.
CREATE INDEX ix_case_figures_unsettled ON hotline_case (figures_settled, received_at);
CREATE INDEX ix_case_figures_unsettled_region ON hotline_case (figures_settled, region_received_at);

-- kind: DEPARTMENT (group_key: department_id), SUB_CENTER (sub_center_id, only cases with a sub-center
-- sign-for clock), DISTRICT (district_code) or REGION (region_code); '' when the case has none.
-- day: the day in the hotline's time zone the case was received (REGION: reached its region).
-- The counters are the raw counts behind each figure; rates and averages are computed when read.
CREATE TABLE case_figure_day (
    kind                      VARCHAR(16) NOT NULL,
    figure_day                DATE        NOT NULL,
    group_key                 VARCHAR(64) NOT NULL,
    received                  BIGINT      NOT NULL DEFAULT 0,
    dispatched                BIGINT      NOT NULL DEFAULT 0,
    sign_decided              BIGINT      NOT NULL DEFAULT 0,
    signed_on_time            BIGINT      NOT NULL DEFAULT 0,
    handling_decided          BIGINT      NOT NULL DEFAULT 0,
    completed_on_time         BIGINT      NOT NULL DEFAULT 0,
    returned                  BIGINT      NOT NULL DEFAULT 0,
    extended                  BIGINT      NOT NULL DEFAULT 0,
    feedback_requested        BIGINT      NOT NULL DEFAULT 0,
    rehandled                 BIGINT      NOT NULL DEFAULT 0,
    rated                     BIGINT      NOT NULL DEFAULT 0,
    satisfied                 BIGINT      NOT NULL DEFAULT 0,
    intake_decided            BIGINT      NOT NULL DEFAULT 0,
    answered_directly         BIGINT      NOT NULL DEFAULT 0,
    replied                   BIGINT      NOT NULL DEFAULT 0,
    handling_millis           BIGINT      NOT NULL DEFAULT 0,
    reminders                 BIGINT      NOT NULL DEFAULT 0,
    supervision_orders        BIGINT      NOT NULL DEFAULT 0,
    escalations               BIGINT      NOT NULL DEFAULT 0,
    sub_center_cases          BIGINT      NOT NULL DEFAULT 0,
    sub_center_sign_decided   BIGINT      NOT NULL DEFAULT 0,
    sub_center_signed_on_time BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, figure_day, group_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
