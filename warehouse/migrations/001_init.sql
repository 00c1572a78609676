-- Base tables. Natural keys decide idempotency: article_id = hash(identity),
-- version_id = hash(article_id, version_no), position_id = hash(version_id, extractor, span, key, value).
-- The loaders enforce them (and tests check them); there are no index-backed PRIMARY KEY / UNIQUE
-- constraints because DuckDB rewrites such indexes on every checkpoint, which made each small write
-- transaction cost time in proportion to the whole warehouse.

CREATE TABLE articles (
    article_id     VARCHAR NOT NULL,
    identity       VARCHAR NOT NULL,  -- canonical URL, else 'file:<path relative to the backfilled folder>'
    canonical_url  VARCHAR,
    source         VARCHAR NOT NULL,         -- file | feed | web | warc
    item           VARCHAR,                  -- where it was first read from
    outlet         VARCHAR,
    order_key      VARCHAR NOT NULL,         -- tie-break for ordering: relative path / record number
    first_seen_at  TIMESTAMP NOT NULL,
    duplicate_of   VARCHAR,                  -- article_id of the article first seen with the same text
    duplicate_method VARCHAR                 -- exact (later: near)
);

CREATE TABLE article_versions (
    version_id        VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    version_no        INTEGER NOT NULL,
    title             VARCHAR,
    author            VARCHAR,
    published_at      TIMESTAMP,
    fetched_at        TIMESTAMP NOT NULL,
    effective_at      TIMESTAMP NOT NULL,    -- published_at, else first-seen time
    text              VARCHAR NOT NULL,      -- normalised text; position offsets point into it
    original_text     VARCHAR,               -- extracted text before normalisation, when different
    text_sha256       VARCHAR NOT NULL,
    raw_sha256        VARCHAR,
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR
);

CREATE TABLE positions (
    position_id       VARCHAR NOT NULL,
    version_id        VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,      -- casualty_count | plan_term | statement
    key               VARCHAR NOT NULL,
    value_num         DOUBLE,
    value_text        VARCHAR,
    unit              VARCHAR,
    qualifier         VARCHAR,
    speaker           VARCHAR,
    evidence          VARCHAR NOT NULL,
    char_start        INTEGER NOT NULL,      -- text[char_start:char_end] = evidence (Python slicing)
    char_end          INTEGER NOT NULL,
    effective_at      TIMESTAMP NOT NULL,
    extractor_version VARCHAR NOT NULL,
    place             VARCHAR,
    outcome           VARCHAR,
    holder            VARCHAR,
    detail            VARCHAR,
    indirect          BOOLEAN NOT NULL DEFAULT false
);

-- One row per (source, item, stage, status, error): a repeated outcome bumps attempts/last_at
-- instead of adding rows, so re-running a backfill changes no row count.
CREATE TABLE ingest_log (
    run_id       VARCHAR NOT NULL,           -- run that first recorded this outcome
    source       VARCHAR NOT NULL,
    item         VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,           -- read | extract | load
    status       VARCHAR NOT NULL,           -- loaded | new_version | duplicate | error | skipped
    error        VARCHAR,
    "at"         TIMESTAMP NOT NULL,       -- quoted: AT is a keyword in DuckDB
    article_id   VARCHAR,
    version_id   VARCHAR,
    attempts     INTEGER NOT NULL DEFAULT 1,
    last_run_id  VARCHAR,
    last_at      TIMESTAMP
);
