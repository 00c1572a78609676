import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))

import flows  # noqa: E402,F401  (quiet Prefect defaults for every test)


@pytest.fixture(scope="session")
def prefect_api():
    """One real Prefect API server for the whole test session (Prefect's own test harness).

    Yields its URL so subprocesses (the CLI) can use the same server instead of each starting
    an ephemeral one.
    """
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    # None: use PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (raised in flows/__init__),
    # since the first migration of a fresh database is slow on CI machines.
    with prefect_test_harness(server_startup_timeout=None):
        yield PREFECT_API_URL.value()


@pytest.fixture(scope="module")
def _server():
    """A threaded HTTP server on 127.0.0.1 (threaded: stalls and concurrency tests need it)."""
    from pytest_httpserver import HTTPServer

    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def server(_server):
    _server.clear()
    yield _server
    _server.clear()


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "wh.duckdb"


@pytest.fixture
def cli_env(prefect_api, tmp_path):
    env = dict(os.environ)
    env["PREFECT_API_URL"] = prefect_api
    env["ARTICLEWATCH_DB"] = str(tmp_path / "cli.duckdb")
    env["PYTHONPATH"] = str(ROOT)
    return env


NATURAL_KEYS = {
    "articles": ["article_id", "identity"],
    "article_versions": ["version_id", "article_id, version_no"],
    "positions": ["position_id"],
}


def assert_natural_keys_unique(db) -> None:
    """The warehouse has no index-backed constraints: the loaders keep these keys unique."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        for table, keys in NATURAL_KEYS.items():
            for key in keys:
                dupes = con.execute(f"SELECT {key}, count(*) FROM {table} GROUP BY ALL HAVING count(*) > 1").fetchall()
                assert dupes == [], f"{table}({key}) not unique: {dupes[:3]}"
    finally:
        con.close()


def query(db, sql: str) -> list[tuple]:
    """Rows of `sql` on a read-only connection to the warehouse file (closed again at once)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def table_counts(db, tables=("articles", "article_versions", "positions", "ingest_log")) -> dict[str, int]:
    return {t: query(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}
