-- Tamper-evident case event log (docs/records.md). Each event carries the SHA-256 of its own
-- content and of the event before it in the same case; one chain per case, so concurrent intake
-- never queues on one row. Events recorded before this migration are hashed at start-up (a hash
-- cannot be computed portably in SQL on H2 and MySQL alike).
ALTER TABLE case_event ADD COLUMN prev_hash CHAR(64);
ALTER TABLE case_event ADD COLUMN event_hash CHAR(64);

-- The head of each case's chain: its length and last hash. Removing a case's last events, or all
-- of them, leaves the head pointing at what is gone; it is also the row a writer locks.
CREATE TABLE case_event_chain (
    case_id       BIGINT   NOT NULL,
    event_count   BIGINT   NOT NULL,
    last_event_id BIGINT,
    last_hash     CHAR(64) NOT NULL,
    PRIMARY KEY (case_id),
    CONSTRAINT fk_event_chain_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Retention: when the citizen's personal data was removed from a finished case.
ALTER TABLE hotline_case ADD COLUMN personal_data_erased_at DATETIME;
CREATE INDEX ix_case_status_closed ON hotline_case (status, closed_at);
