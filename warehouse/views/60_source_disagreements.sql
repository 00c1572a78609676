-- Two sources disagree when they report different values on the same kind+key at overlapping
-- times. A source's report holds from its effective_at until that source's next report on the
-- key (open-ended if none). Statements are excluded: two different quotes do not contradict.
CREATE OR REPLACE VIEW source_disagreements AS
WITH held AS (
    SELECT
        kind, key, source_name, outlet, article_id, value, value_num, effective_at AS valid_from,
        lead(effective_at) OVER (PARTITION BY kind, key, source_name
                                 ORDER BY effective_at, order_key, version_no) AS valid_until
    FROM story_positions
    WHERE kind <> 'statement'
)
SELECT
    a.kind, a.key,
    a.source_name AS source_a, b.source_name AS source_b,
    a.outlet AS outlet_a, a.value AS value_a, a.article_id AS article_a, a.valid_from AS effective_at_a,
    b.outlet AS outlet_b, b.value AS value_b, b.article_id AS article_b, b.valid_from AS effective_at_b,
    greatest(a.valid_from, b.valid_from) AS overlap_from,
    CASE WHEN a.valid_until IS NULL THEN b.valid_until
         WHEN b.valid_until IS NULL THEN a.valid_until
         ELSE least(a.valid_until, b.valid_until) END AS overlap_until,
    a.valid_until IS NULL AND b.valid_until IS NULL AS current
FROM held a
JOIN held b
  ON a.kind = b.kind AND a.key = b.key
 AND a.source_name < b.source_name
 AND a.value IS DISTINCT FROM b.value
 AND a.valid_from < coalesce(b.valid_until, 'infinity'::TIMESTAMP)
 AND b.valid_from < coalesce(a.valid_until, 'infinity'::TIMESTAMP)
ORDER BY a.kind, a.key, overlap_from;
