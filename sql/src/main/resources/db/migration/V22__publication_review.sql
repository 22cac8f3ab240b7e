-- Publication review (公开审核, docs/publication.md): with hotline.publication.review-required on, a
-- de-identified result waits for the center before the public sees it. Rows that existed before this
-- migration were published at once, so they default to PUBLISHED.
ALTER TABLE published_result ADD COLUMN review_state VARCHAR(20) NOT NULL DEFAULT 'PUBLISHED';
ALTER TABLE published_result ADD COLUMN reviewed_by VARCHAR(100);
ALTER TABLE published_result ADD COLUMN reviewed_at DATETIME;
-- Why a result was withheld, or which texts the reviewer edited before approving.
ALTER TABLE published_result ADD COLUMN review_note VARCHAR(500);
ALTER TABLE published_result ADD COLUMN edited_fields VARCHAR(100);
-- A result waiting for review, or withheld, has not been published.
ALTER TABLE published_result MODIFY COLUMN published_at DATETIME NULL;
CREATE INDEX ix_published_review ON published_result (review_state, closed_at);
