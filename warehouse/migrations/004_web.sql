-- Watching the web: the feeds followed, every entry seen, conditional-GET validators per URL,
-- readable diffs between versions and where each version's raw response is archived.
CREATE TABLE feeds (
    url            VARCHAR NOT NULL,
    name           VARCHAR,
    outlet         VARCHAR,
    interval_min   INTEGER,
    title          VARCHAR,
    last_polled_at TIMESTAMP,
    last_status    VARCHAR,          -- ok | not_modified | error
    last_error     VARCHAR,
    entries_seen   INTEGER
);

CREATE TABLE feed_entries (
    feed_url      VARCHAR NOT NULL,
    entry_id      VARCHAR NOT NULL,
    url           VARCHAR,
    title         VARCHAR,
    published_at  TIMESTAMP,
    author        VARCHAR,
    summary       VARCHAR,
    first_seen_at TIMESTAMP NOT NULL
);

CREATE TABLE http_cache (
    url             VARCHAR NOT NULL,
    etag            VARCHAR,
    last_modified   VARCHAR,
    status          INTEGER,
    bytes           BIGINT,
    checked_at      TIMESTAMP NOT NULL,
    changed_at      TIMESTAMP
);

ALTER TABLE articles ADD COLUMN last_checked_at TIMESTAMP;
ALTER TABLE article_versions ADD COLUMN diff VARCHAR;           -- unified diff against the previous version
ALTER TABLE article_versions ADD COLUMN diff_chars INTEGER;     -- characters added + removed
ALTER TABLE article_versions ADD COLUMN source_url VARCHAR;     -- the URL this version was fetched from
ALTER TABLE article_versions ADD COLUMN raw_ref VARCHAR;        -- '<warc file>#<offset>' of the archived response
