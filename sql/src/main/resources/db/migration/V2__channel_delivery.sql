-- Delivery of citizen notifications by the channel adapters. One node at a time claims a row
-- (claimed_until), sends it, and stamps sent_at; failures wait next_attempt_at (growing backoff)
-- until they succeed or are FAILED. external_id is the channel's own id of the sent message, so a
-- citizen's reply to it (a mail In-Reply-To) finds its case. query_code is held only until the
-- acceptance message is sent, then cleared: the database otherwise keeps only its hash.
ALTER TABLE citizen_notification ADD COLUMN state VARCHAR(10) NOT NULL DEFAULT 'PENDING';
ALTER TABLE citizen_notification ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE citizen_notification ADD COLUMN next_attempt_at DATETIME;
ALTER TABLE citizen_notification ADD COLUMN claimed_until DATETIME;
ALTER TABLE citizen_notification ADD COLUMN last_error VARCHAR(1000);
ALTER TABLE citizen_notification ADD COLUMN external_id VARCHAR(200);
ALTER TABLE citizen_notification ADD COLUMN query_code VARCHAR(16);
CREATE INDEX ix_notification_state ON citizen_notification (state, id);
CREATE INDEX ix_notification_external ON citizen_notification (channel, external_id);

-- Contacts the engine could not turn into a case, from either queue, with the reason: the admin
-- list of dead letters. The contact itself is kept whole so that it can be queued again.
CREATE TABLE intake_dead_letter (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    channel            VARCHAR(20)   NOT NULL,
    channel_message_id VARCHAR(200)  NOT NULL,
    payload            TEXT          NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    failed_at          DATETIME      NOT NULL,
    requeued_at        DATETIME,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_dead_letter_open ON intake_dead_letter (requeued_at, id);
