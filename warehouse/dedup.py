"""Near-duplicate storage: band hashes in DuckDB, candidate lookup, settings and rebuilds.

Similarity decisions are pipeline.neardup's; this module only finds candidates and stores results,
so a new article is checked against everything loaded before without loading all signatures.
"""

import json
from collections import Counter

import duckdb
import pyarrow as pa

from pipeline.neardup import DedupConfig, band_hashes, matches

BAND_SCHEMA = pa.schema([("band_key", pa.int64()), ("version_key", pa.int64())])
REBUILD_CHUNK = 2000
MAX_CANDIDATES = 10  # per article, most shared bands first: a true copy shares the most


def load_config(con: duckdb.DuckDBPyConnection) -> DedupConfig:
    rows = con.execute("SELECT value FROM settings WHERE name = 'dedup'").fetchall()
    return DedupConfig.from_dict(json.loads(rows[0][0])) if rows else DedupConfig()


def save_config(con: duckdb.DuckDBPyConnection, config: DedupConfig) -> None:
    con.execute("DELETE FROM settings WHERE name = 'dedup'")
    con.execute("INSERT INTO settings VALUES ('dedup', ?)", [json.dumps(config.as_dict())])


def version_key(version_id: str) -> int:
    """A version id (16 hex digits) as a signed 64-bit integer, for the band table's numeric column."""
    value = int(version_id, 16)
    return value - (1 << 64) if value >= 1 << 63 else value


def version_id_of(key: int) -> str:
    return f"{key & ((1 << 64) - 1):016x}"


def band_rows(article_id: str, version_id: str, hashes: list[int]) -> list[dict]:
    key = version_key(version_id)
    return [{"band_key": h, "version_key": key} for h in hashes]


def insert_bands(con, rows: list[dict]) -> None:
    if not rows:
        return
    con.register("_bands", pa.Table.from_pylist(rows, schema=BAND_SCHEMA))
    try:
        con.execute("INSERT INTO article_bands SELECT band_key, version_key FROM _bands")
    finally:
        con.unregister("_bands")


def stored_candidates(con, queries: dict[int, list[int]], min_shared: int = 1) -> dict[int, list[tuple[str, str | None, str]]]:
    """For each query (batch index -> band hashes): stored articles sharing a band.

    Returns (article_id, duplicate_of, text of the matching version) per candidate, in one query.
    """
    rows = [{"query": q, "band_key": h} for q, hashes in queries.items() for h in hashes]
    if not rows:
        return {}
    table = pa.Table.from_pylist(rows, schema=pa.schema([("query", pa.int32()), ("band_key", pa.int64())]))
    con.register("_query_bands", table)
    try:
        # Step 1 scans one numeric column; step 2 reads text only for the few versions found.
        hits = con.execute("""
            SELECT q.query, b.version_key
            FROM _query_bands q JOIN article_bands b USING (band_key)
            GROUP BY q.query, b.version_key HAVING count(*) >= $min_shared
            QUALIFY row_number() OVER (PARTITION BY q.query ORDER BY count(*) DESC, b.version_key) <= $limit
        """, {"min_shared": min_shared, "limit": MAX_CANDIDATES}).fetchall()
    finally:
        con.unregister("_query_bands")
    if not hits:
        return {}
    # Point lookups (UNION ALL of equalities) are pushed into the scan; an IN list becomes a join
    # that reads every stored text. Version ids are hex digits, so inlining them is safe.
    wanted = sorted({version_id_of(key) for _, key in hits})
    points = " UNION ALL ".join(
        f"SELECT version_id, article_id, text, version_no FROM article_versions WHERE version_id = '{v}'"
        for v in wanted)
    versions = {}
    for version_id, article_id, duplicate_of, text, first_seen, order_key, version_no in con.execute(f"""
            WITH v AS ({points})
            SELECT v.version_id, v.article_id, a.duplicate_of, v.text, a.first_seen_at, a.order_key, v.version_no
            FROM v JOIN articles a USING (article_id)""").fetchall():
        versions[version_key(version_id)] = (article_id, duplicate_of, text, (first_seen, order_key, version_no))
    out: dict[int, list] = {}
    for query, key in hits:
        if key in versions:
            article_id, duplicate_of, text, order = versions[key]
            out.setdefault(query, []).append((order, article_id, duplicate_of, text))
    return {query: [c[1:] for c in sorted(found)] for query, found in out.items()}


class BatchIndex:
    """Band index of the articles loaded earlier in the same batch (not yet queryable in SQL)."""

    def __init__(self, min_shared: int = 1):
        self._by_band: dict[int, list[int]] = {}
        self._entries: list[tuple[str, str]] = []
        self._min_shared = min_shared

    def candidates(self, hashes: list[int]) -> list[tuple[str, str]]:
        shared = Counter(i for h in hashes for i in self._by_band.get(h, ()))
        best = [i for i, n in shared.most_common(MAX_CANDIDATES) if n >= self._min_shared]
        return [self._entries[i] for i in sorted(best)]

    def add(self, article_id: str, text: str, hashes: list[int]) -> None:
        self._entries.append((article_id, text))
        for h in hashes:
            self._by_band.setdefault(h, []).append(len(self._entries) - 1)


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
