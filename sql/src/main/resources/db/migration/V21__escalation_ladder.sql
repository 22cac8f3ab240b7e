-- The escalation ladder (催办 → 督办 → 提级): the last step a case reached while being handled, and
-- how often it was reminded, put under a supervision order, escalated and found overdue, so the
-- department figures and the monthly report (通报) are read from the case row alone.
ALTER TABLE hotline_case ADD COLUMN escalation_step INT NOT NULL DEFAULT 0;
ALTER TABLE hotline_case ADD COLUMN reminder_count INT NOT NULL DEFAULT 0;
ALTER TABLE hotline_case ADD COLUMN supervision_count INT NOT NULL DEFAULT 0;
ALTER TABLE hotline_case ADD COLUMN escalation_count INT NOT NULL DEFAULT 0;
ALTER TABLE hotline_case ADD COLUMN overdue_count INT NOT NULL DEFAULT 0;
