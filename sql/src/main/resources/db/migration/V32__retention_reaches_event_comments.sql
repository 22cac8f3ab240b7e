-- Retention reaches the event comments (docs/records.md). From hash version 2, an event's hash covers
-- the SHA-256 of its comment instead of the text, so the text can be de-identified later while the
-- chain still verifies: comment_digest then keeps the original text's digest. redactions_digest, on
-- the event that records a removal, covers the de-identified texts, so they cannot be changed
-- unnoticed afterwards either. Events written before this migration keep hash version 1 until the
-- retention re-links their case's chain.
ALTER TABLE case_event ADD COLUMN hash_version INT NOT NULL DEFAULT 1;
ALTER TABLE case_event ADD COLUMN comment_digest CHAR(64);
ALTER TABLE case_event ADD COLUMN redactions_digest CHAR(64);

-- Cases whose personal data was removed before the retention reached the event comments, the outbox,
-- uploads and Open311 locations are removed again, so that it reaches those too. The first removal's
-- time stays on the case's timeline (its PERSONAL_DATA_ERASED event).
UPDATE hotline_case SET personal_data_erased_at = NULL WHERE personal_data_erased_at IS NOT NULL;
