-- How far the microblog channel has read each feed of each platform (its since_id), so that a
-- restart goes on from there instead of spending API quota on posts already queued.
-- feed is e.g. 'weibo:mentions', 'weibo:comments', 'mastodon:notifications'.
CREATE TABLE microblog_read_position (
    feed       VARCHAR(40)  NOT NULL,
    since_id   VARCHAR(64)  NOT NULL,
    updated_at DATETIME     NOT NULL,
    PRIMARY KEY (feed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
