"""Near-duplicate storage: band hashes in DuckDB, candidate lookup, settings and rebuilds.

Similarity decisions are pipeline.neardup's; this module only finds candidates and stores results,
so a new article is checked against everything loaded before without loading all signatures.
"""

import json
from collections import Counter

import duckdb
import pyarrow as pa

from pipeline.neardup import DedupConfig, band_hashes, matches

BAND_SCHEMA = pa.schema([("article_id", pa.string()), ("version_id", pa.string()),
                         ("band_no", pa.int16()), ("band_hash", pa.int64())])
REBUILD_CHUNK = 2000


def load_config(con: duckdb.DuckDBPyConnection) -> DedupConfig:
    rows = con.execute("SELECT value FROM settings WHERE name = 'dedup'").fetchall()
    return DedupConfig.from_dict(json.loads(rows[0][0])) if rows else DedupConfig()


def save_config(con: duckdb.DuckDBPyConnection, config: DedupConfig) -> None:
    con.execute("DELETE FROM settings WHERE name = 'dedup'")
    con.execute("INSERT INTO settings VALUES ('dedup', ?)", [json.dumps(config.as_dict())])


def band_rows(article_id: str, version_id: str, hashes: list[int]) -> list[dict]:
    return [{"article_id": article_id, "version_id": version_id, "band_no": no, "band_hash": h}
            for no, h in enumerate(hashes)]


def insert_bands(con, rows: list[dict]) -> None:
    if not rows:
        return
    con.register("_bands", pa.Table.from_pylist(rows, schema=BAND_SCHEMA))
    try:
        con.execute("INSERT INTO article_bands SELECT article_id, version_id, band_no, band_hash FROM _bands")
    finally:
        con.unregister("_bands")


def stored_candidates(con, queries: dict[int, list[int]], min_shared: int = 1) -> dict[int, list[tuple[str, str | None, str]]]:
    """For each query (batch index -> band hashes): stored articles sharing a band.

    Returns (article_id, duplicate_of, text of the matching version) per candidate, in one query.
    """
    rows = [{"query": q, "band_no": no, "band_hash": h} for q, hashes in queries.items() for no, h in enumerate(hashes)]
    if not rows:
        return {}
    table = pa.Table.from_pylist(rows, schema=pa.schema([("query", pa.int32()), ("band_no", pa.int16()),
                                                         ("band_hash", pa.int64())]))
    con.register("_query_bands", table)
    try:
        found = con.execute("""
            WITH hits AS (
                SELECT q.query, b.article_id, b.version_id
                FROM _query_bands q JOIN article_bands b USING (band_no, band_hash)
                GROUP BY ALL HAVING count(*) >= $min_shared
            )
            SELECT h.query, h.article_id, a.duplicate_of, v.text
            FROM hits h
            JOIN articles a USING (article_id)
            JOIN article_versions v ON v.version_id = h.version_id
            ORDER BY h.query, a.first_seen_at, a.order_key, v.version_no
        """, {"min_shared": min_shared}).fetchall()
    finally:
        con.unregister("_query_bands")
    out: dict[int, list] = {}
    for query, article_id, duplicate_of, text in found:
        out.setdefault(query, []).append((article_id, duplicate_of, text))
    return out


class BatchIndex:
    """Band index of the articles loaded earlier in the same batch (not yet queryable in SQL)."""

    def __init__(self, min_shared: int = 1):
        self._by_band: dict[tuple[int, int], list[int]] = {}
        self._entries: list[tuple[str, str]] = []
        self._min_shared = min_shared

    def candidates(self, hashes: list[int]) -> list[tuple[str, str]]:
        shared = Counter(i for no, h in enumerate(hashes) for i in self._by_band.get((no, h), ()))
        return [self._entries[i] for i in sorted(shared) if shared[i] >= self._min_shared]

    def add(self, article_id: str, text: str, hashes: list[int]) -> None:
        self._entries.append((article_id, text))
        for no, h in enumerate(hashes):
            self._by_band.setdefault((no, h), []).append(len(self._entries) - 1)


def find_near_duplicates(text, stored, batch_index: BatchIndex, hashes, root_of, config: DedupConfig):
    """Confirmed matches among stored and same-batch candidates, one per story: [(root, similarity)], best first.

    More than one story means this article bridges copies that were loaded apart: the caller merges them.
    """
    candidates = [(article_id, candidate_text) for article_id, _, candidate_text in stored]
    candidates += batch_index.candidates(hashes)
    by_root = {}
    for article_id, found in matches(text, candidates, config):
        by_root.setdefault(root_of(article_id), found)
    return list(by_root.items())


def merge_stories(con, merges: list[tuple[str, str, float]]) -> None:
    """Fold story `other` into story `primary`: its root and near copies now point at `primary`."""
    for other, primary, score in merges:
        con.execute("""
            UPDATE articles
            SET duplicate_of = $primary,
                duplicate_method = coalesce(duplicate_method, 'near'),
                duplicate_similarity = coalesce(duplicate_similarity, $score)
            WHERE article_id = $other OR (duplicate_of = $other AND duplicate_method = 'near')""",
            {"primary": primary, "other": other, "score": score})


def rebuild(con: duckdb.DuckDBPyConnection, config: DedupConfig) -> dict:
    """Recompute every band hash and every near-duplicate mark with `config`, in one transaction.

    Exact duplicates stay as they are. Articles are revisited in first-seen order, each checked
    against the ones before it, exactly as incremental loads would have done. Idempotent.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        save_config(con, config)
        con.execute("DELETE FROM article_bands")
        con.execute("""UPDATE articles SET duplicate_of = NULL, duplicate_method = NULL, duplicate_similarity = NULL
                       WHERE duplicate_method = 'near'""")
        versions = con.execute("""
            SELECT a.article_id, v.version_id, v.version_no, v.text
            FROM articles a JOIN article_versions v USING (article_id)
            ORDER BY a.load_seq, v.version_no""").fetchall()
        first_text, marks = {}, {}
        roots: dict[str, str] = {}
        for start in range(0, len(versions), REBUILD_CHUNK):
            rows = []
            for article_id, version_id, version_no, text in versions[start:start + REBUILD_CHUNK]:
                hashes = band_hashes(text, config)
                rows += band_rows(article_id, version_id, hashes)
                first_text.setdefault(article_id, (text, hashes))
            insert_bands(con, rows)
        batch_index = BatchIndex(config.min_shared_bands)
        for article_id, (text, hashes) in first_text.items():
            found = find_near_duplicates(text, [], batch_index, hashes, lambda a: roots.get(a, a), config)
            found = [(root, sim) for root, sim in found if root != article_id]
            if found:
                primary, best = found[0]
                roots[article_id] = primary
                marks[article_id] = (primary, best.score)
                for other, sim in found[1:]:
                    for member, root in list(roots.items()):
                        if root == other:
                            roots[member] = primary
                            marks[member] = (primary, marks[member][1])
                    roots[other] = primary
                    marks[other] = (primary, sim.score)
            batch_index.add(article_id, text, hashes)
        if marks:
            table = pa.Table.from_pylist(
                [{"article_id": a, "root": r, "score": s} for a, (r, s) in marks.items()],
                schema=pa.schema([("article_id", pa.string()), ("root", pa.string()), ("score", pa.float64())]))
            con.register("_marks", table)
            con.execute("""UPDATE articles SET duplicate_of = m.root, duplicate_method = 'near',
                                               duplicate_similarity = m.score
                           FROM _marks m WHERE articles.article_id = m.article_id""")
            con.unregister("_marks")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"articles": len(first_text), "near_duplicates": len(marks)}
