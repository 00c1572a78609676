"""Re-extraction storage: which versions are stale, and replacing their positions atomically."""

import duckdb

from .load import POSITION_SCHEMA, insert_rows, position_rows


def stale_versions(con: duckdb.DuckDBPyConnection, current: str, *, after: str = "", limit: int = 500,
                   everything: bool = False) -> list[tuple]:
    """Versions whose positions came from another extractor version (all, with `everything`).

    Keyset-paginated on version_id. Returns (version_id, article_id, effective_at, title, text).
    """
    return con.execute(
        """
        SELECT version_id, article_id, effective_at, title, text
        FROM article_versions
        WHERE version_id > $after AND ($everything OR positions_version IS DISTINCT FROM $current)
        ORDER BY version_id
        LIMIT $limit
        """,
        {"after": after, "current": current, "everything": everything, "limit": limit},
    ).fetchall()


def replace_positions(con: duckdb.DuckDBPyConnection, extracted: list[tuple], extractor_version: str) -> int:
    """Replace the positions of each (version_id, article_id, effective_at, positions) in one transaction."""
    rows = []
    for version_id, article_id, effective_at, found in extracted:
        rows += position_rows(found, extractor_version, version_id, article_id, effective_at)
    ids = [version_id for version_id, *_ in extracted]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM positions WHERE version_id IN (SELECT unnest($ids))", {"ids": ids})
        insert_rows(con, "positions", rows, POSITION_SCHEMA)
        con.execute("UPDATE article_versions SET positions_version = $v WHERE version_id IN (SELECT unnest($ids))",
                    {"v": extractor_version, "ids": ids})
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(rows)
