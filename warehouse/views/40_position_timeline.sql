-- Every position in effective order (published date, else first seen; ties by source order),
-- counted once per copy group (see story_positions), with the sources that carried it.
CREATE OR REPLACE VIEW position_timeline AS
SELECT
    r.kind, r.key,
    CASE WHEN r.value_num IS NOT NULL
         THEN trim(concat_ws(' ', r.qualifier, format('{:g}', r.value_num), r.unit))
         ELSE r.value_text END AS value,
    r.value_num, r.value_text, r.unit, r.qualifier, r.speaker, r.place, r.outcome, r.holder, r.detail,
    r.indirect, r.effective_at, r.outlet, r.title, r.article_id, r.version_id, r.version_no, r.story_id,
    s.carried_by, r.evidence, r.char_start, r.char_end, r.extractor_version,
    row_number() OVER (PARTITION BY r.kind, r.key
                       ORDER BY r.effective_at, r.order_key, r.version_no, r.char_start) AS report_no
FROM reports r
SEMI JOIN story_positions sp ON sp.version_id = r.version_id AND sp.kind = r.kind AND sp.key = r.key
JOIN story_copies s ON s.story_id = r.story_id
ORDER BY r.kind, r.key, r.effective_at, r.order_key, r.version_no, r.char_start;
