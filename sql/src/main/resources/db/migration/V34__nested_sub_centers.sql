-- Nested sub-centers (分中心 inside 分中心, docs/organisation.md "Nested sub-centers").
-- sub_center_id stays the sub-center the city dispatched to (its sign-for columns and figures are unchanged).
-- nested_sub_centers: the ids of the sub-centers below it that re-dispatched the case further down, the
-- outermost first, comma-separated (a short path along the organisation tree, read and written only whole).
-- acting_sub_center_id: the level that acts now (signs, re-dispatches, rules on a return or reviews a reply).
ALTER TABLE hotline_case ADD COLUMN nested_sub_centers VARCHAR(255);
ALTER TABLE hotline_case ADD COLUMN acting_sub_center_id BIGINT;
ALTER TABLE hotline_case ADD CONSTRAINT fk_case_acting_sub_center FOREIGN KEY (acting_sub_center_id) REFERENCES org_unit (id);
UPDATE hotline_case SET acting_sub_center_id = sub_center_id WHERE sub_center_id IS NOT NULL;
