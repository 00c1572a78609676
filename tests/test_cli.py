"""The `articlewatch` CLI as a user runs it: real subprocesses, a real warehouse file."""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import ROOT, SEEDS, assert_natural_keys_unique


def run(env, *args, timeout=300):
    return subprocess.run([sys.executable, "-m", "flows", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def seeded(prefect_api, tmp_path_factory):
    """A warehouse backfilled from seeds/ by the CLI, shared by the read-only tests."""
    env = dict(os.environ, PREFECT_API_URL=prefect_api, PYTHONPATH=str(ROOT),
               ARTICLEWATCH_DB=str(tmp_path_factory.mktemp("cli") / "seeded.duckdb"))
    done = run(env, "backfill", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert "2 loaded" in done.stdout
    return env


def test_changes_lists_the_security_guarantees_change(seeded):
    out = run(seeded, "changes", "--kind", "plan_term", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert any(r["key"] == "security_guarantees" and r["previous_value"] != r["new_value"] for r in rows)
    table = run(seeded, "changes")
    assert "security_guarantees" in table.stdout and "rows" in table.stdout.splitlines()[-1] or "row" in table.stdout


def test_sql_formats(seeded):
    out = run(seeded, "sql", "SELECT kind, count(*) AS n FROM positions GROUP BY 1 ORDER BY 1", "--format", "csv")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "kind,n"
    assert [line.split(",")[0] for line in lines[1:]] == ["casualty_count", "plan_term", "statement"]


@pytest.mark.parametrize("statement", [
    "DELETE FROM positions",
    "CREATE TABLE x AS SELECT 1",
    "COPY positions TO '/tmp/x.csv'",
    "SELECT 1; DROP TABLE positions",
])
def test_sql_refuses_writes_with_one_clear_line(seeded, statement):
    out = run(seeded, "sql", statement)
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0, out.stderr
    assert "read-only" in out.stderr and "Traceback" not in out.stderr
    con = duckdb.connect(seeded["ARTICLEWATCH_DB"], read_only=True)
    assert con.execute("SELECT count(*) FROM positions").fetchone()[0] > 0
    con.close()


def test_sql_bad_query_is_one_line(seeded):
    out = run(seeded, "sql", "SELECT nope FROM positions")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "nope" in out.stderr and out.stderr.strip().count("\n") == 0


def test_user_mistakes_print_one_line(cli_env, tmp_path):
    missing = run(cli_env, "backfill", str(tmp_path / "no-such-folder"))
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"articlewatch: error: no such file or folder: {tmp_path / 'no-such-folder'}"
    no_db = run(cli_env, "sql", "SELECT 1", "--db", str(tmp_path / "absent.duckdb"))
    assert no_db.returncode == 1 and "no warehouse at" in no_db.stderr and "Traceback" not in no_db.stderr
    not_a_db = tmp_path / "text.duckdb"
    not_a_db.write_text("hello, I am not a database")
    bad = run(cli_env, "sql", "SELECT 1", "--db", str(not_a_db))
    assert bad.returncode == 1 and "cannot open" in bad.stderr and "Traceback" not in bad.stderr


def test_locked_warehouse_is_one_line(seeded):
    holder = duckdb.connect(seeded["ARTICLEWATCH_DB"])  # a writer holding the file
    try:
        out = run(dict(seeded, ARTICLEWATCH_LOCK_WAIT="0.5"), "sql", "SELECT 1")
    finally:
        holder.close()
    assert out.returncode == 1
    assert "is locked by another process" in out.stderr and out.stderr.strip().count("\n") == 0


def test_read_only_commands_do_not_import_prefect_or_trafilatura(seeded):
    code = ("import sys; from flows.cli import main; sys.argv = ['articlewatch', 'sql', 'SELECT 1'];\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', sorted(m for m in ('prefect', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=seeded, capture_output=True, text=True)
    assert "LOADED []" in out.stdout, out.stdout + out.stderr


def test_crash_mid_backfill_leaves_a_consistent_warehouse(cli_env, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(120):
        (folder / f"{n:03d}.txt").write_text(
            f"Report {n}\nAt least {n + 1} people were killed in Kharkiv on day {n}, officials said. "
            f'"We will not give up," the mayor said in statement number {n}.\n')
    env = dict(cli_env, ARTICLEWATCH_DB=str(tmp_path / "crash.duckdb"))
    proc = subprocess.Popen([sys.executable, "-m", "flows", "backfill", str(folder), "--batch-size", "10"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    for line in proc.stderr:
        if line.startswith("batch 3/"):
            proc.send_signal(signal.SIGKILL)
            break
        assert time.monotonic() < deadline
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    con = duckdb.connect(env["ARTICLEWATCH_DB"], read_only=True)
    articles, versions, loaded, orphans = con.execute("""
        SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_versions),
               (SELECT count(*) FROM ingest_log WHERE status = 'loaded'),
               (SELECT count(*) FROM positions p WHERE NOT EXISTS
                   (SELECT 1 FROM article_versions v WHERE v.version_id = p.version_id))""").fetchone()
    con.close()
    assert 30 <= articles < 120 and articles % 10 == 0  # whole batches only
    assert versions == articles == loaded and orphans == 0

    rerun = run(env, "backfill", str(folder), "--batch-size", "10")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{articles} unchanged" in rerun.stdout and f"{120 - articles} loaded" in rerun.stdout
    con = duckdb.connect(env["ARTICLEWATCH_DB"], read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT identity) FROM articles").fetchone() == (120, 120)
    con.close()
    assert_natural_keys_unique(env["ARTICLEWATCH_DB"])


def test_dedup_shows_counts_and_rebuilds_with_new_settings(seeded):
    shown = run(seeded, "dedup")
    assert shown.returncode == 0 and "original" in shown.stdout
    mistake = run(seeded, "dedup", "--jaccard", "0.6")
    assert mistake.returncode != 0 and "--rebuild" in mistake.stderr and "Traceback" not in mistake.stderr
    rebuilt = run(seeded, "dedup", "--rebuild", "--jaccard", "0.6")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "rebuilt near-duplicates over 2 article(s): 0 near-duplicate(s)" in rebuilt.stdout
    con = duckdb.connect(seeded["ARTICLEWATCH_DB"], read_only=True)
    assert json.loads(con.execute("SELECT value FROM settings WHERE name = 'dedup'").fetchall()[0][0])["jaccard"] == 0.6
    con.close()


def test_feeds_import_and_watch_once_from_the_cli(cli_env, tmp_path, httpserver):
    opml = tmp_path / "subs.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="News"><outline text="Gazette" type="rss" xmlUrl="{httpserver.url_for('/feed.xml')}"/></outline>
    </body></opml>""")
    feeds = tmp_path / "feeds.toml"
    added = run(cli_env, "feeds", "import", str(opml), "--feeds", str(feeds))
    assert added.returncode == 0 and "added 1 feed(s)" in added.stdout, added.stderr
    again = run(cli_env, "feeds", "import", str(opml), "--feeds", str(feeds))
    assert "added 0 feed(s)" in again.stdout

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<rss version="2.0"><channel><title>G</title><item><title>T</title><link>/a</link>'
        '<description>At least 4 people were injured in Dnipro on Monday, officials said.</description>'
        '</item></channel></rss>', content_type="application/rss+xml")
    httpserver.expect_request("/a").respond_with_data("", status=500)
    env = dict(cli_env, ARTICLEWATCH_ALLOW_PRIVATE_HOSTS="1", ARTICLEWATCH_HOST_DELAY="0",
               ARTICLEWATCH_DATA=str(tmp_path / "raw"))
    out = run(env, "watch", "--feeds", str(feeds), "--once")
    assert out.returncode == 0, out.stderr
    assert "watched 1 feed(s): 1 error, 1 loaded" in out.stdout
    rows = duckdb.connect(env["ARTICLEWATCH_DB"], read_only=True).execute(
        "SELECT item, error FROM ingest_log WHERE status = 'error'").fetchall()
    assert len(rows) == 1 and "500" in rows[0][1]

    guarded = run(dict(env, ARTICLEWATCH_ALLOW_PRIVATE_HOSTS="0"), "watch", "--feeds", str(feeds), "--once")
    assert guarded.returncode == 0 and "1 error" in guarded.stdout  # the feed on 127.0.0.1 is refused


def test_watch_with_a_missing_feed_list_is_one_line(cli_env, tmp_path):
    out = run(cli_env, "watch", "--feeds", str(tmp_path / "nope.toml"), "--once")
    assert out.returncode == 1 and "feed list not found" in out.stderr and "Traceback" not in out.stderr


def test_serve_builds_scheduled_deployments(tmp_path):
    from flows.serve import NIGHTLY, build_deployments

    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nname = "a"\nurl = "https://a.example/feed"\ninterval = 20\n\n'
                     '[[feed]]\nname = "b"\nurl = "https://b.example/feed"\ninterval = 5\n')
    deployments = {d.name: d for d in build_deployments(str(feeds), str(tmp_path / "wh.duckdb"))}
    assert set(deployments) == {"watch-feeds", "nightly-reprocess", "backfill"}
    watch_schedule = deployments["watch-feeds"].schedules[0].schedule
    assert watch_schedule.interval.total_seconds() == 5 * 60
    assert deployments["watch-feeds"].parameters["only_due"] is True
    assert deployments["nightly-reprocess"].schedules[0].schedule.cron == NIGHTLY
    assert not deployments["backfill"].schedules
