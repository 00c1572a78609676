-- One value per (kind, key, article version): what that version reports.
-- Numbers: the highest figure the version gives (tolls are revised upwards within a story).
-- Text: the distinct stances / quotes, sorted, so repeats within an article are one value.
CREATE OR REPLACE VIEW article_positions AS
SELECT
    kind, key, article_id, version_id, version_no, story_id,
    any_value(outlet) AS outlet, any_value(source_name) AS source_name,
    any_value(title) AS title,
    any_value(effective_at) AS effective_at, any_value(order_key) AS order_key,
    max(value_num) AS value_num,
    arg_max(unit, value_num) AS unit,
    CASE WHEN max(value_num) IS NOT NULL
         THEN format('{:g}', max(value_num)) || coalesce(' ' || arg_max(unit, value_num), '')
         ELSE string_agg(DISTINCT value_text, ' | ' ORDER BY value_text) END AS value,
    CASE WHEN max(value_num) IS NOT NULL THEN arg_max(evidence, value_num)
         ELSE min_by(evidence, char_start) END AS evidence,
    count(*) AS mentions
FROM reports
GROUP BY kind, key, article_id, version_id, version_no, story_id;

-- Reports counted once per copy group: a syndicated copy repeating its original's value is not a
-- second report. The first copy (in effective order) stands for the group; carried_by lists every
-- source that carried the story.
CREATE OR REPLACE VIEW story_positions AS
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY story_id, kind, key, value
                                 ORDER BY effective_at, order_key, version_no) AS copy_rank
    FROM article_positions
)
SELECT r.* EXCLUDE (copy_rank), c.copies, c.carried_by
FROM ranked r JOIN story_copies c USING (story_id)
WHERE copy_rank = 1;
