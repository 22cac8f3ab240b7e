-- Call-center figures: one row per call offered to an agent queue, from Asterisk's queue events.
-- offered = every row; answered / abandoned by outcome; wait_seconds is the time in the queue.

CREATE TABLE call_center_call (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    call_id         VARCHAR(150) NOT NULL,
    queue_name      VARCHAR(80)  NOT NULL,
    caller_number   VARCHAR(40),
    joined_at       DATETIME     NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    answered_at     DATETIME,
    abandoned_at    DATETIME,
    wait_seconds    INT,
    agent_interface VARCHAR(80),
    PRIMARY KEY (id),
    CONSTRAINT uk_call_center_call UNIQUE (call_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_call_center_call_joined ON call_center_call (joined_at);
