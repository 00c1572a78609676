-- A change is a report whose value differs from the report before it on the same kind+key.
-- 20 -> 26 -> 26 is one change; the first report of a key is not a change.
CREATE OR REPLACE VIEW position_changes AS
WITH ordered AS (
    SELECT
        *,
        lag(value)        OVER w AS previous_value,
        lag(value_num)    OVER w AS previous_value_num,
        lag(article_id)   OVER w AS previous_article_id,
        lag(version_id)   OVER w AS previous_version_id,
        lag(outlet)       OVER w AS previous_outlet,
        lag(effective_at) OVER w AS previous_effective_at
    FROM story_positions
    WINDOW w AS (PARTITION BY kind, key ORDER BY effective_at, order_key, version_no)
)
SELECT
    kind, key, previous_value, value AS new_value,
    previous_article_id, article_id, previous_effective_at, effective_at,
    CASE
        WHEN value_num IS NOT NULL AND previous_value_num IS NOT NULL AND value_num > previous_value_num
            THEN 'increased by ' || format('{:g}', value_num - previous_value_num)
        WHEN value_num IS NOT NULL AND previous_value_num IS NOT NULL AND value_num < previous_value_num
            THEN 'decreased by ' || format('{:g}', previous_value_num - value_num)
        ELSE 'changed'
    END AS change,
    value_num - previous_value_num AS delta,
    previous_outlet, outlet, previous_version_id, version_id, carried_by, evidence
FROM ordered
WHERE previous_value IS NOT NULL AND value IS DISTINCT FROM previous_value
ORDER BY kind, key, effective_at, order_key, version_no;
