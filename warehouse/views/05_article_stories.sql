-- Copy groups ("stories"): an article and its exact and near duplicates share a story_id, the
-- article first seen with that text. An exact copy points at the article that owns the text, which
-- may itself be a near copy, hence the second hop.
CREATE OR REPLACE VIEW article_stories AS
SELECT
    a.article_id,
    coalesce(d.duplicate_of, a.duplicate_of, a.article_id) AS story_id,
    a.duplicate_method,
    a.duplicate_similarity
FROM articles a
LEFT JOIN articles d ON d.article_id = a.duplicate_of;

-- Which sources carried each story, and how many copies there are.
CREATE OR REPLACE VIEW story_copies AS
SELECT
    s.story_id,
    count(*) AS copies,
    list(DISTINCT coalesce(a.outlet, a.identity) ORDER BY coalesce(a.outlet, a.identity)) AS carried_by
FROM article_stories s
JOIN articles a USING (article_id)
GROUP BY s.story_id;
