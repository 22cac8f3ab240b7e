-- Regions and transfers between them (跨区域转办, docs/organisation.md "Transfers between regions").
-- A region is a root of the organisation tree (a CITY with its own CENTER); a case belongs to one region
-- at a time. region_received_at is when the case reached its current region: the receiving region's
-- statistics count the case from then on (docs/metrics.md).
ALTER TABLE hotline_case ADD COLUMN region_code VARCHAR(64);
ALTER TABLE hotline_case ADD COLUMN region_received_at DATETIME;
-- Cases received before regions existed belong to the one root the installation had then.
UPDATE hotline_case SET region_code = (SELECT MIN(u.code) FROM org_unit u WHERE u.parent_id IS NULL),
                        region_received_at = received_at;
CREATE INDEX ix_case_region_received ON hotline_case (region_code, region_received_at);

-- One row per transfer: who sent the case where and why, and the receiving region's refusal, if any
-- (at most one per transfer, so a case cannot bounce between two regions for ever).
CREATE TABLE case_transfer (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    case_id         BIGINT        NOT NULL,
    from_region     VARCHAR(64)   NOT NULL,
    to_region       VARCHAR(64)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    transferred_by  VARCHAR(100)  NOT NULL,
    transferred_at  DATETIME      NOT NULL,
    refusal_reason  VARCHAR(1000),
    refused_by      VARCHAR(100),
    refused_at      DATETIME,
    PRIMARY KEY (id),
    CONSTRAINT fk_transfer_case FOREIGN KEY (case_id) REFERENCES hotline_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_transfer_case ON case_transfer (case_id, id);
CREATE INDEX ix_transfer_from ON case_transfer (from_region, transferred_at);
CREATE INDEX ix_transfer_to ON case_transfer (to_region, transferred_at);
