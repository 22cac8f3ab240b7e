-- 并单: a merged (secondary) case records that the reply to its primary answered it, so its citizen
-- is told once, whichever node closes the primary.
ALTER TABLE hotline_case ADD COLUMN answered_by_primary BOOLEAN NOT NULL DEFAULT FALSE;
