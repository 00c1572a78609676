-- The most recent report on each kind+key, and how many reports there have been.
CREATE OR REPLACE VIEW latest_positions AS
SELECT
    kind, key,
    arg_max(value, (effective_at, order_key, version_no)) AS value,
    arg_max(value_num, (effective_at, order_key, version_no)) AS value_num,
    arg_max(article_id, (effective_at, order_key, version_no)) AS article_id,
    arg_max(outlet, (effective_at, order_key, version_no)) AS outlet,
    max(effective_at) AS effective_at,
    arg_max(evidence, (effective_at, order_key, version_no)) AS evidence,
    arg_max(carried_by, (effective_at, order_key, version_no)) AS carried_by,
    count(*) AS reports
FROM story_positions
GROUP BY kind, key
ORDER BY kind, key;
