-- Near-duplicate detection: LSH band hashes per article version, the similarity of each match,
-- and the settings every run must agree on (written by `articlewatch dedup --rebuild`).
ALTER TABLE articles ADD COLUMN duplicate_similarity DOUBLE;

-- Load order: rebuilds revisit articles in the order they were first loaded.
CREATE SEQUENCE article_load_seq;
ALTER TABLE articles ADD COLUMN load_seq BIGINT DEFAULT nextval('article_load_seq');

-- Two numeric columns only: a candidate lookup scans band_key alone (see warehouse/dedup.py).
CREATE TABLE article_bands (
    band_key    BIGINT NOT NULL,   -- LSH band hash with the band number mixed in
    version_key BIGINT NOT NULL    -- the version: int of the first 15 hex digits of version_id
);

CREATE TABLE settings (
    name  VARCHAR NOT NULL,   -- e.g. 'dedup'
    value JSON NOT NULL
);
