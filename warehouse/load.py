"""Bulk, idempotent loads: one transaction per batch, decisions by natural keys and hashes."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pyarrow as pa

from pipeline.diffs import text_diff
from pipeline.documents import Article, ItemFailure
from pipeline.identity import article_id_for, version_id_for
from pipeline.neardup import fingerprint

from .dedup import (BatchIndex, band_rows, find_near_duplicates, insert_bands, load_config, merge_stories,
                    stored_candidates)

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("identity", pa.string()), ("canonical_url", pa.string()),
    ("source", pa.string()), ("item", pa.string()), ("outlet", pa.string()), ("order_key", pa.string()),
    ("first_seen_at", pa.timestamp("us")), ("duplicate_of", pa.string()), ("duplicate_method", pa.string()),
    ("duplicate_similarity", pa.float64()), ("last_checked_at", pa.timestamp("us")),
])
VERSION_SCHEMA = pa.schema([
    ("version_id", pa.string()), ("article_id", pa.string()), ("version_no", pa.int32()),
    ("title", pa.string()), ("author", pa.string()), ("published_at", pa.timestamp("us")),
    ("fetched_at", pa.timestamp("us")), ("effective_at", pa.timestamp("us")), ("text", pa.string()),
    ("original_text", pa.string()), ("text_sha256", pa.string()), ("raw_sha256", pa.string()),
    ("extractor_version", pa.string()), ("run_id", pa.string()), ("positions_version", pa.string()),
    ("diff", pa.string()), ("diff_chars", pa.int32()), ("source_url", pa.string()), ("raw_ref", pa.string()),
])
POSITION_SCHEMA = pa.schema([
    ("position_id", pa.string()), ("version_id", pa.string()), ("article_id", pa.string()),
    ("kind", pa.string()), ("key", pa.string()), ("value_num", pa.float64()), ("value_text", pa.string()),
    ("unit", pa.string()), ("qualifier", pa.string()), ("speaker", pa.string()), ("evidence", pa.string()),
    ("char_start", pa.int32()), ("char_end", pa.int32()), ("effective_at", pa.timestamp("us")),
    ("extractor_version", pa.string()), ("place", pa.string()), ("outcome", pa.string()),
    ("holder", pa.string()), ("detail", pa.string()), ("indirect", pa.bool_()),
])
LOG_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("source", pa.string()), ("item", pa.string()), ("stage", pa.string()),
    ("status", pa.string()), ("error", pa.string()), ("at", pa.timestamp("us")),
    ("article_id", pa.string()), ("version_id", pa.string()),
])


@dataclass
class LoadResult:
    """What one batch did; `statuses` counts loaded / new_version / unchanged / duplicate / error."""

    statuses: Counter = field(default_factory=Counter)
    positions: int = 0

    def add(self, other: "LoadResult") -> None:
        self.statuses.update(other.statuses)
        self.positions += other.positions


def load_batch(
    con: duckdb.DuckDBPyConnection,
    articles: list[Article],
    failures: list[ItemFailure],
    *,
    run_id: str,
    seen_at: datetime,
) -> LoadResult:
    """Load a batch in one transaction.

    Per article, in order: a known identity whose latest text hash is unchanged adds nothing; a
    changed one adds a version; a new identity whose text is already stored under another
    identity is recorded as ``duplicate_of`` that article (no second copy of text or positions);
    a new identity whose text is a near-duplicate of a stored (or earlier in the batch) article is
    loaded with ``duplicate_of`` its story's first article; anything else is a new article with
    version 1. Failures go to ingest_log.
    """
    result = LoadResult()
    con.execute("BEGIN TRANSACTION")
    try:
        state = _current_state(con, articles)
        state["dedup"] = config = load_config(con)
        for article in articles:  # signatures made with other settings than the stored ones
            fingerprint(article, config)
        state["stored"] = stored_candidates(con, {i: a.band_hashes for i, a in enumerate(articles)
                                                  if article_id_for(a.identity) not in state["known"]},
                                           config.min_shared_bands)
        state["batch_index"] = BatchIndex(config.min_shared_bands)
        state["merges"] = []
        state["checked"] = []
        new_articles, versions, positions, log, bands = [], [], [], [], []
        for index, article in enumerate(articles):
            _decide(index, article, state, run_id, seen_at, new_articles, versions, positions, log, bands, result)
        _fill_diffs(con, versions)
        for failure in failures:
            log.append(_log_row(run_id, failure.source, failure.item, failure.stage, "error", seen_at,
                                error=failure.error))
            result.statuses["error"] += 1
        insert_rows(con, "articles", new_articles, ARTICLE_SCHEMA)
        insert_rows(con, "article_versions", versions, VERSION_SCHEMA)
        insert_rows(con, "positions", positions, POSITION_SCHEMA)
        insert_bands(con, bands)
        merge_stories(con, state["merges"])
        _mark_checked(con, state["checked"], seen_at)
        _upsert_log(con, log)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    result.positions = len(positions)
    return result


def _current_state(con, articles: list[Article]) -> dict:
    """What the warehouse already knows about this batch's identities and text hashes."""
    ids = sorted({article_id_for(a.identity) for a in articles})
    shas = sorted({a.text_sha256 for a in articles})
    known = {}
    if ids:
        rows = con.execute(
            """
            SELECT a.article_id, a.duplicate_of, max(v.version_no), arg_max(v.text_sha256, v.version_no)
            FROM articles a LEFT JOIN article_versions v USING (article_id)
            WHERE a.article_id IN (SELECT unnest($ids))
            GROUP BY a.article_id, a.duplicate_of
            """,
            {"ids": ids},
        ).fetchall()
        known = {r[0]: {"duplicate_of": r[1], "version_no": r[2] or 0, "sha": r[3]} for r in rows}
    owners = {}
    if shas:
        rows = con.execute(
            """
            SELECT v.text_sha256, arg_min(v.article_id, (a.first_seen_at, a.order_key))
            FROM article_versions v JOIN articles a USING (article_id)
            WHERE v.text_sha256 IN (SELECT unnest($shas))
            GROUP BY v.text_sha256
            """,
            {"shas": shas},
        ).fetchall()
        owners = dict(rows)
    return {"known": known, "owners": owners}


def _decide(index, article, state, run_id, seen_at, new_articles, versions, positions, log, bands, result) -> None:
    known, owners = state["known"], state["owners"]
    article_id = article_id_for(article.identity)
    existing = known.get(article_id)
    owner = owners.get(article.text_sha256)
    near = None
    if existing is not None:
        same_as_latest = existing["sha"] == article.text_sha256
        same_as_original = existing["duplicate_of"] is not None and existing["sha"] is None and owner == existing["duplicate_of"]
        if same_as_latest or same_as_original:
            state["checked"].append(article_id)
            result.statuses["unchanged"] += 1
            return
        version_no = existing["version_no"] + 1
        status = "new_version"
    elif owner is not None and owner != article_id:
        new_articles.append(_article_row(article, article_id, seen_at, duplicate_of=owner))
        known[article_id] = {"duplicate_of": owner, "version_no": 0, "sha": None}
        log.append(_log_row(run_id, article.source, article.item, "load", "duplicate", seen_at,
                            article_id=article_id, error=f"same text as article {owner}"))
        result.statuses["duplicate"] += 1
        return
    else:
        near = _near_match(index, article, article_id, state)
        if near:
            new_articles.append(_article_row(article, article_id, seen_at, duplicate_of=near[0],
                                             method="near", similarity=near[1].score))
        else:
            new_articles.append(_article_row(article, article_id, seen_at))
        version_no = 1
        status = "loaded"
    version_id = version_id_for(article_id, version_no)
    fetched_at = article.fetched_at or seen_at
    effective_at = article.published_at if article.published_at and version_no == 1 else None
    effective_at = effective_at or (fetched_at if version_no > 1 else seen_at)
    versions.append({
        "version_id": version_id, "article_id": article_id, "version_no": version_no,
        "title": article.title, "author": article.author, "published_at": article.published_at,
        "fetched_at": fetched_at, "effective_at": effective_at, "text": article.text,
        "original_text": article.original_text, "text_sha256": article.text_sha256,
        "raw_sha256": article.raw_sha256, "extractor_version": article.extractor_version, "run_id": run_id,
        "positions_version": article.positions_version, "source_url": article.source_url,
        "raw_ref": article.raw_ref, "diff": None, "diff_chars": None,
    })
    positions.extend(position_rows(article.positions, article.positions_version, version_id, article_id, effective_at))
    bands.extend(band_rows(article_id, version_id, article.band_hashes))
    duplicate_of = near[0] if near else (existing or {}).get("duplicate_of")
    known[article_id] = {"duplicate_of": duplicate_of, "version_no": version_no, "sha": article.text_sha256}
    owners.setdefault(article.text_sha256, article_id)
    state["batch_index"].add(article_id, article.text, article.band_hashes)
    if near:
        status = "near_duplicate"
    log.append(_log_row(run_id, article.source, article.item, "load", status, seen_at,
                        article_id=article_id, version_id=version_id,
                        error=f"near-duplicate of article {near[0]} (similarity {near[1].score:.2f})" if near else None))
    result.statuses[status] += 1


def _near_match(index: int, article: Article, article_id: str, state: dict):
    """The story (root article id, similarity) this new article is a near copy of, or None.

    A copy that matches two stories loaded apart bridges them: they are merged into the first.
    """
    known = state["known"]
    stored = [(a, d, t) for a, d, t in state["stored"].get(index, []) if a != article_id]
    for candidate_id, duplicate_of, _ in stored:
        known.setdefault(candidate_id, {"duplicate_of": duplicate_of, "version_no": None, "sha": None})

    def root_of(other: str) -> str:
        return (known.get(other) or {}).get("duplicate_of") or other

    found = find_near_duplicates(article.text, stored, state["batch_index"], article.band_hashes, root_of,
                                 state["dedup"])
    if not found:
        return None
    root = found[0][0]
    for other, similarity in found[1:]:
        state["merges"].append((other, root, similarity.score))
        for entry in known.values():
            if entry.get("duplicate_of") == other:
                entry["duplicate_of"] = root
        known.setdefault(other, {"version_no": None, "sha": None})["duplicate_of"] = root
    return found[0]


def _fill_diffs(con, versions: list[dict]) -> None:
    """A readable diff against the previous version, for every new version after the first."""
    later = [v for v in versions if v["version_no"] > 1]
    if not later:
        return
    wanted = [[v["article_id"], v["version_no"] - 1] for v in later]
    previous = {}
    for article_id, version_no, text in con.execute(
        """SELECT article_id, version_no, text FROM article_versions
           WHERE (article_id, version_no) IN (SELECT (w[1]::VARCHAR, w[2]::INTEGER) FROM (SELECT unnest($w) AS w))""",
        {"w": wanted},
    ).fetchall():
        previous[(article_id, version_no)] = text
    in_batch = {(v["article_id"], v["version_no"]): v["text"] for v in versions}
    for version in later:
        key = (version["article_id"], version["version_no"] - 1)
        old = previous.get(key, in_batch.get(key))
        if old is not None:
            version["diff"], version["diff_chars"] = text_diff(old, version["text"])


def _mark_checked(con, article_ids: list[str], at) -> None:
    """Unchanged articles: only their check time moves."""
    if article_ids:
        con.execute("UPDATE articles SET last_checked_at = $at WHERE article_id IN (SELECT unnest($ids))",
                    {"at": at, "ids": article_ids})


def position_rows(found, extractor_version: str, version_id: str, article_id: str, effective_at) -> list[dict]:
    """Warehouse rows for a version's positions, with deterministic ids (repeats collapse)."""
    rows = {}
    for pos in found:
        row = {name: getattr(pos, name) for name in (
            "kind", "key", "value_num", "value_text", "unit", "qualifier", "speaker", "evidence",
            "char_start", "char_end", "place", "outcome", "holder", "detail", "indirect")}
        fingerprint = "|".join(str(row[k]) for k in ("kind", "key", "value_num", "value_text", "speaker",
                                                      "char_start", "char_end"))
        position_id = hashlib.sha256(f"{version_id}|{extractor_version}|{fingerprint}".encode()).hexdigest()[:20]
        rows[position_id] = {"position_id": position_id, "version_id": version_id, "article_id": article_id,
                             "effective_at": effective_at, "extractor_version": extractor_version, **row}
    return list(rows.values())


def _article_row(article: Article, article_id: str, seen_at, duplicate_of=None, method="exact",
                 similarity=1.0) -> dict:
    return {
        "article_id": article_id, "identity": article.identity, "canonical_url": article.canonical_url,
        "source": article.source, "item": article.item, "outlet": article.outlet,
        "order_key": article.order_key, "first_seen_at": seen_at, "duplicate_of": duplicate_of,
        "duplicate_method": method if duplicate_of else None,
        "duplicate_similarity": similarity if duplicate_of else None,
        "last_checked_at": article.fetched_at or seen_at,
    }


def _log_row(run_id, source, item, stage, status, at, *, error=None, article_id=None, version_id=None) -> dict:
    return {"run_id": run_id, "source": source, "item": item, "stage": stage, "status": status,
            "error": error, "at": at, "article_id": article_id, "version_id": version_id}


def insert_rows(con, table: str, rows: list[dict], schema: pa.Schema) -> None:
    """Bulk insert through Arrow (never row by row)."""
    if not rows:
        return
    batch = pa.Table.from_pylist(rows, schema=schema)
    con.register("_batch", batch)
    try:
        columns = ", ".join(f'"{name}"' for name in schema.names)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _batch")
    finally:
        con.unregister("_batch")


def _upsert_log(con, rows: list[dict]) -> None:
    """A repeated (source, item, stage, status, error) bumps attempts and last_at; new ones insert."""
    if not rows:
        return
    batch = pa.Table.from_pylist(rows, schema=LOG_SCHEMA)
    con.register("_log", batch)
    try:
        key = """l.source = n.source AND l.item = n.item AND l.stage = n.stage AND l.status = n.status
                 AND l.error IS NOT DISTINCT FROM n.error"""
        con.execute(f"""
            UPDATE ingest_log l SET attempts = l.attempts + 1, last_run_id = n.run_id, last_at = n."at"
            FROM _log n WHERE {key}""")
        con.execute(f"""
            INSERT INTO ingest_log (run_id, source, item, stage, status, error, "at", article_id, version_id,
                                    attempts, last_run_id, last_at)
            SELECT run_id, source, item, stage, status, error, "at", article_id, version_id, 1, run_id, "at"
            FROM _log n WHERE NOT EXISTS (SELECT 1 FROM ingest_log l WHERE {key})""")
    finally:
        con.unregister("_log")
