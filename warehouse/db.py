"""The one way to open the warehouse: path resolution, lock waits, migrations and views."""

import hashlib
import os
import re
import time
from pathlib import Path

import duckdb

DEFAULT_DB = Path("warehouse") / "articlewatch.duckdb"
# Files written by duckdb 2.x are unreadable by older DuckDB CLIs unless written in this format.
STORAGE_COMPATIBILITY = "v1.4.0"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VIEWS_DIR = Path(__file__).with_name("views")
DEFAULT_LOCK_WAIT = 10.0
_LOCK_MESSAGE = re.compile(r"Could not set lock|Conflicting lock", re.I)
_PID = re.compile(r"PID (\d+)")


class WarehouseError(Exception):
    """A warehouse problem worth one clear line to the user."""


class WarehouseMissing(WarehouseError):
    pass


class WarehouseLocked(WarehouseError):
    pass


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The warehouse file: the argument, else $ARTICLEWATCH_DB, else warehouse/articlewatch.duckdb."""
    return Path(path or os.environ.get("ARTICLEWATCH_DB") or DEFAULT_DB)


def connect(path=None, *, read_only: bool = False, lock_wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse. Writers get the schema migrated and the views refreshed.

    DuckDB lets one process hold a file at a time, so both sides retry for ``lock_wait`` seconds
    ($ARTICLEWATCH_LOCK_WAIT, default 10) before raising WarehouseLocked.
    """
    file = db_path(path)
    if lock_wait is None:
        lock_wait = float(os.environ.get("ARTICLEWATCH_LOCK_WAIT", DEFAULT_LOCK_WAIT))
    if read_only and not file.exists():
        raise WarehouseMissing(f"no warehouse at {file}: run `articlewatch backfill` first (or pass --db)")
    if not read_only:
        file.parent.mkdir(parents=True, exist_ok=True)
    config = {} if read_only else {"storage_compatibility_version": STORAGE_COMPATIBILITY}
    deadline = time.monotonic() + lock_wait
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(file), read_only=read_only, config=config)
            break
        except duckdb.IOException as exc:
            message = str(exc)
            if not _LOCK_MESSAGE.search(message):
                raise WarehouseError(f"cannot open {file}: {_first_line(message)}") from None
            if time.monotonic() >= deadline:
                holder = _PID.search(message)
                who = f" (process {holder.group(1)})" if holder else ""
                raise WarehouseLocked(
                    f"{file} is locked by another process{who}; waited {lock_wait:g}s. "
                    "Retry when that run has finished."
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open {file}: {_first_line(str(exc))}") from None
    if not read_only:
        migrate(con)
    elif pending_migrations(con):
        # A warehouse written by an older articlewatch: upgrade it once, then read.
        con.close()
        connect(file, lock_wait=lock_wait).close()
        return connect(file, read_only=True, lock_wait=lock_wait)
    return con


def pending_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    try:
        done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
    except duckdb.CatalogException:
        done = set()
    return [f.name for f in sorted(MIGRATIONS_DIR.glob("*.sql")) if f.name not in done]



def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migration files in order, then (re)create the views. Returns applied names."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    applied = []
    for name in pending_migrations(con):
        file = MIGRATIONS_DIR / name
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(file.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, now()::TIMESTAMP)", [file.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(file.name)
    # Views are recreated only when their SQL changed (recreating them on every short write
    # transaction cost more than the write itself).
    views = [file.read_text(encoding="utf-8") for file in sorted(VIEWS_DIR.glob("*.sql"))]
    marker = "views:" + hashlib.sha256("\n".join(views).encode()).hexdigest()[:16]
    if applied or not con.execute("SELECT 1 FROM schema_migrations WHERE name = ?", [marker]).fetchall():
        con.execute("BEGIN TRANSACTION")
        for sql in views:
            con.execute(sql)
        con.execute("DELETE FROM schema_migrations WHERE name LIKE 'views:%'")
        con.execute("INSERT INTO schema_migrations VALUES (?, now()::TIMESTAMP)", [marker])
        con.execute("COMMIT")
    return applied


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
