-- Units and categories are deactivated, never deleted: cases, users and published results still name them.
ALTER TABLE org_unit ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE category ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
