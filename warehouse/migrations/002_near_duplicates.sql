-- Near-duplicate detection: LSH band hashes per article version, the similarity of each match,
-- and the settings every run must agree on (written by `articlewatch dedup --rebuild`).
ALTER TABLE articles ADD COLUMN duplicate_similarity DOUBLE;

-- Load order: rebuilds revisit articles in the order they were first loaded.
CREATE SEQUENCE article_load_seq;
ALTER TABLE articles ADD COLUMN load_seq BIGINT DEFAULT nextval('article_load_seq');

CREATE TABLE article_bands (
    article_id VARCHAR NOT NULL,
    version_id VARCHAR NOT NULL,
    band_no    SMALLINT NOT NULL,
    band_hash  BIGINT NOT NULL
);

CREATE TABLE settings (
    name  VARCHAR NOT NULL,   -- e.g. 'dedup'
    value JSON NOT NULL
);
