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
