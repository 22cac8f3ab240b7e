-- Open311 GeoReport v2 requests: what the standard carries and a case has no column for (exact
-- coordinates, the client's address and media link). The token is also the contact's message id
-- on channel OPEN311, so a case finds its row through intake_contact. Nothing personal is kept
-- here: name, phone and email travel with the contact into the case.
CREATE TABLE open311_request (
    token          VARCHAR(64)   NOT NULL,
    service_code   VARCHAR(64)   NOT NULL,
    latitude       DECIMAL(9,6),
    longitude      DECIMAL(9,6),
    address_string VARCHAR(400),
    address_id     VARCHAR(200),
    media_url      VARCHAR(500),
    submitted_at   DATETIME      NOT NULL,
    PRIMARY KEY (token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
