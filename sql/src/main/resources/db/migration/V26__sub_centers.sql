-- 分级办理: a unit may run its own hotline sub-center (docs/organisation.md, "Sub-centers"). A case
-- dispatched to such a unit is signed and re-dispatched inside its subtree by the sub-center, which
-- also rules on its lower units' returns and reviews their replies before the city center does.
ALTER TABLE org_unit ADD COLUMN sub_center BOOLEAN NOT NULL DEFAULT FALSE;

-- The sub-center a case went through, and its own sign-for outcome (its own figure, docs/metrics.md):
-- sign_by / signed_at stay the lower unit's. sub_center_since: when the case last arrived in the
-- sub-center's queue, null while it is with another level (the center console shows how long it waits).
ALTER TABLE hotline_case ADD COLUMN sub_center_id BIGINT;
ALTER TABLE hotline_case ADD COLUMN sub_center_sign_by DATETIME;
ALTER TABLE hotline_case ADD COLUMN sub_center_signed_at DATETIME;
ALTER TABLE hotline_case ADD COLUMN sub_center_signed_late BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE hotline_case ADD COLUMN sub_center_since DATETIME;
ALTER TABLE hotline_case ADD CONSTRAINT fk_case_sub_center FOREIGN KEY (sub_center_id) REFERENCES org_unit (id);
