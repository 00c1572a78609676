"""Storage for watching the web: feed state, entries seen, conditional-GET validators."""

from datetime import datetime

import duckdb
import pyarrow as pa


HTTP_SCHEMA = pa.schema([("url", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
                         ("status", pa.int32()), ("bytes", pa.int64()), ("checked_at", pa.timestamp("us")),
                         ("changed_at", pa.timestamp("us"))])
ENTRY_SCHEMA = pa.schema([("feed_url", pa.string()), ("entry_id", pa.string()), ("url", pa.string()),
                          ("title", pa.string()), ("published_at", pa.timestamp("us")), ("author", pa.string()),
                          ("summary", pa.string()), ("first_seen_at", pa.timestamp("us"))])


def validators_for(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Stored (etag, last_modified) per URL, for conditional GETs."""
    if not urls:
        return {}
    rows = con.execute("SELECT url, etag, last_modified FROM http_cache WHERE url IN (SELECT unnest($u))",
                       {"u": urls}).fetchall()
    return {url: (etag, modified) for url, etag, modified in rows}


def record_http(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Upsert validators per URL. A 304 keeps the stored validators and moves only checked_at."""
    if not rows:
        return
    con.register("_http", pa.Table.from_pylist(rows, schema=HTTP_SCHEMA))
    try:
        con.execute("""
            UPDATE http_cache h SET checked_at = n.checked_at, status = n.status,
                   etag = CASE WHEN n.status = 304 THEN h.etag ELSE n.etag END,
                   last_modified = CASE WHEN n.status = 304 THEN h.last_modified ELSE n.last_modified END,
                   bytes = CASE WHEN n.status = 304 THEN h.bytes ELSE n.bytes END,
                   changed_at = coalesce(n.changed_at, h.changed_at)
            FROM _http n WHERE h.url = n.url""")
        con.execute("INSERT INTO http_cache SELECT * FROM _http n WHERE n.url NOT IN (SELECT url FROM http_cache)")
    finally:
        con.unregister("_http")


def record_entries(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Insert entries not seen before (by feed URL + entry id); returns how many were new."""
    if not rows:
        return 0
    con.register("_entries", pa.Table.from_pylist(rows, schema=ENTRY_SCHEMA))
    try:
        before = con.execute("SELECT count(*) FROM feed_entries").fetchall()[0][0]
        con.execute("""
            INSERT INTO feed_entries SELECT DISTINCT ON (feed_url, entry_id) * FROM _entries n
            WHERE NOT EXISTS (SELECT 1 FROM feed_entries e WHERE e.feed_url = n.feed_url AND e.entry_id = n.entry_id)""")
        return con.execute("SELECT count(*) FROM feed_entries").fetchall()[0][0] - before
    finally:
        con.unregister("_entries")


def recent_entries(con: duckdb.DuckDBPyConnection, feed_url: str, since: datetime) -> list[tuple]:
    """(entry_id, url, title, published_at, author, summary) of a feed's entries first seen since `since`."""
    return con.execute(
        """SELECT entry_id, url, title, published_at, author, summary FROM feed_entries
           WHERE feed_url = ? AND first_seen_at >= ? ORDER BY first_seen_at, entry_id""",
        [feed_url, since]).fetchall()


def last_polls(con: duckdb.DuckDBPyConnection) -> dict[str, datetime]:
    return dict(con.execute("SELECT url, last_polled_at FROM feeds WHERE last_polled_at IS NOT NULL").fetchall())


def record_feed_poll(con: duckdb.DuckDBPyConnection, feed, *, at: datetime, status: str, error: str | None,
                     title: str | None, entries: int) -> None:
    """One row per feed URL with its latest poll; a 304 keeps the title seen before."""
    previous = con.execute("SELECT title FROM feeds WHERE url = ?", [feed.url]).fetchall()
    title = title or (previous[0][0] if previous else None)
    con.execute("DELETE FROM feeds WHERE url = ?", [feed.url])
    con.execute("INSERT INTO feeds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [feed.url, feed.name, feed.outlet, feed.interval, title, at, status, error, entries])
