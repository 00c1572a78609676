-- Every position in effective order (published date, else first seen; ties by source order).
CREATE OR REPLACE VIEW position_timeline AS
SELECT
    kind, key,
    CASE WHEN value_num IS NOT NULL
         THEN trim(concat_ws(' ', qualifier, format('{:g}', value_num), unit))
         ELSE value_text END AS value,
    value_num, value_text, unit, qualifier, speaker, place, outcome, holder, detail, indirect,
    effective_at, outlet, title, article_id, version_id, version_no, evidence, char_start, char_end,
    extractor_version,
    row_number() OVER (PARTITION BY kind, key
                       ORDER BY effective_at, order_key, version_no, char_start) AS report_no
FROM reports
ORDER BY kind, key, effective_at, order_key, version_no, char_start;
