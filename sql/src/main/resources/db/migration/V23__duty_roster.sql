-- Duty roster (值班表): who answers for a department, or for the center, at a given moment, so
-- urgent cases dispatched at night or on non-working days reach a person at once (docs/emergencies.md).
CREATE TABLE duty_roster_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    org_unit_id  BIGINT       NOT NULL,
    staff_name   VARCHAR(100) NOT NULL,
    phone        VARCHAR(40)  NOT NULL,
    starts_at    DATETIME     NOT NULL,
    ends_at      DATETIME     NOT NULL,
    duty_role    VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   DATETIME     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_duty_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_duty_unit_time ON duty_roster_entry (org_unit_id, duty_role, starts_at);

-- A duty alert goes through the same outbox as citizens' messages (retried, recorded), but to a
-- staff member's phone instead of the case's citizen.
ALTER TABLE citizen_notification ADD COLUMN recipient_name VARCHAR(100);
ALTER TABLE citizen_notification ADD COLUMN recipient_phone VARCHAR(40);
