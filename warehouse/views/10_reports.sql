-- Staging: every position of every stored article version, with its article's context and story.
-- Exact copies have no versions of their own; near copies do, and share their original's story_id.
CREATE OR REPLACE VIEW reports AS
SELECT
    p.position_id, p.kind, p.key,
    p.value_num, p.value_text, p.unit, p.qualifier, p.speaker,
    p.place, p.outcome, p.holder, p.detail, p.indirect,
    p.evidence, p.char_start, p.char_end,
    p.article_id, p.version_id, v.version_no, s.story_id,
    a.outlet, a.canonical_url, a.identity, v.title,
    v.effective_at, a.order_key, p.extractor_version,
    coalesce(a.outlet, a.identity) AS source_name
FROM positions p
JOIN article_versions v USING (version_id)
JOIN articles a ON a.article_id = p.article_id
JOIN article_stories s ON s.article_id = p.article_id;
