-- Which position extractor last processed each version (also when it found nothing), so
-- `articlewatch reprocess` knows what is stale.
ALTER TABLE article_versions ADD COLUMN positions_version VARCHAR;

UPDATE article_versions
SET positions_version = (SELECT any_value(p.extractor_version) FROM positions p
                         WHERE p.version_id = article_versions.version_id);
