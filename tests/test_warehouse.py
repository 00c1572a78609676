"""The warehouse on a real DuckDB file: loads, dedup, versions, idempotency and the views."""

from datetime import datetime, timedelta

import duckdb
import pytest

from pipeline.documents import Article, ItemFailure
from pipeline.identity import text_sha256
from pipeline.positions import Position
from warehouse.db import WarehouseMissing, connect
from warehouse.load import load_batch

T0 = datetime(2025, 11, 20, 8, 0)
RUN = datetime(2025, 11, 25, 12, 0)


def casualty(text: str, number: float, place="Ternopil", outcome="killed") -> Position:
    """A casualty position whose evidence is the whole of `text` (which must state the number)."""
    assert str(int(number)) in text
    return Position(kind="casualty_count", key=f"{place}|{outcome}", value_num=number, value_text=None,
                    unit="people", qualifier="at least", speaker=None, evidence=text, char_start=0,
                    char_end=len(text), place=place, outcome=outcome)


def article(identity, text, *, outlet=None, at=None, positions=None) -> Article:
    return Article(source="file", item=identity, identity=identity, canonical_url=None, order_key=identity,
                   outlet=outlet, title=None, author=None, published_at=at, text=text, original_text=None,
                   text_sha256=text_sha256(text), extractor_version="text/1", raw_sha256=None,
                   positions=positions or [], positions_version="test-1")


WORDS = ("officials rescuers families city regional council hospital shelter windows block morning night "
         "street district mayor volunteers power water trains schools sirens drones missiles ministry").split()


def filler(identity: str, sentences: int = 6) -> str:
    """Distinct prose per identity, so separate reports are not near-duplicates of each other."""
    import random

    rng = random.Random(identity)
    return " ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(sentences))


def report(identity, number, *, outlet, at, place="Ternopil", extra=""):
    text = f"At least {number:g} people were killed in {place}.{extra} {filler(identity)}"
    return article(identity, text, outlet=outlet, at=at, positions=[casualty(text, number, place)])


def load(db, articles, failures=(), run="run-1"):
    con = connect(db)
    try:
        return load_batch(con, list(articles), list(failures), run_id=run, seen_at=RUN)
    finally:
        con.close()


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def counts(db):
    return {t: rows(db, f"SELECT count(*) FROM {t}")[0][0]
            for t in ("articles", "article_versions", "positions", "ingest_log")}


def test_twenty_then_twenty_six_twice_is_one_change(db_file):
    load(db_file, [report("a", 20, outlet="A", at=T0),
                   report("b", 26, outlet="B", at=T0 + timedelta(hours=1)),
                   report("c", 26, outlet="C", at=T0 + timedelta(hours=2), extra=" Rescuers searched.")])
    changes = rows(db_file, "SELECT key, previous_value, new_value, change, previous_article_id, article_id "
                            "FROM position_changes")
    assert len(changes) == 1
    key, previous, new, change, prev_id, new_id = changes[0]
    assert (key, previous, new, change) == ("Ternopil|killed", "20 people", "26 people", "increased by 6")
    assert rows(db_file, "SELECT count(*) FROM position_timeline")[0][0] == 3
    assert rows(db_file, "SELECT value, outlet, reports FROM latest_positions") == [("26 people", "C", 3)]


def test_same_time_different_values_is_a_disagreement(db_file):
    load(db_file, [report("a", 26, outlet="A", at=T0), report("b", 30, outlet="B", at=T0),
                   report("c", 26, outlet="C", at=T0, extra=" Officials said.")])
    found = rows(db_file, "SELECT outlet_a, value_a, outlet_b, value_b, current FROM source_disagreements "
                          "ORDER BY outlet_a, outlet_b")
    assert found == [("A", "26 people", "B", "30 people", True), ("B", "30 people", "C", "26 people", True)]


def test_a_source_revising_its_own_figure_is_not_a_disagreement(db_file):
    load(db_file, [report("a1", 26, outlet="A", at=T0), report("a2", 30, outlet="A", at=T0 + timedelta(hours=1))])
    assert rows(db_file, "SELECT count(*) FROM source_disagreements") == [(0,)]
    assert rows(db_file, "SELECT count(*) FROM position_changes") == [(1,)]


def test_disagreement_needs_overlapping_time(db_file):
    # B's 30 replaced its own 26 before A reported 30: no overlap between different values.
    load(db_file, [report("b1", 26, outlet="B", at=T0), report("b2", 30, outlet="B", at=T0 + timedelta(hours=1)),
                   report("a1", 30, outlet="A", at=T0 + timedelta(hours=2))])
    assert rows(db_file, "SELECT count(*) FROM source_disagreements") == [(0,)]


def test_duplicate_copy_is_not_a_second_report(db_file):
    first = report("https://a.example/1", 26, outlet="A", at=T0)
    copy = article("https://b.example/copy", first.text, outlet="B", at=T0 + timedelta(hours=1),
                   positions=first.positions)
    result = load(db_file, [first, copy])
    assert result.statuses == {"loaded": 1, "duplicate": 1}
    dup = rows(db_file, "SELECT a.identity, o.identity, a.duplicate_method FROM articles a "
                        "JOIN articles o ON o.article_id = a.duplicate_of")
    assert dup == [("https://b.example/copy", "https://a.example/1", "exact")]
    assert rows(db_file, "SELECT count(*) FROM article_versions") == [(1,)]
    assert rows(db_file, "SELECT count(*) FROM position_timeline") == [(1,)]
    assert rows(db_file, "SELECT status, error LIKE 'same text as article %' FROM ingest_log "
                         "WHERE item = 'https://b.example/copy'") == [("duplicate", True)]


def test_changed_text_adds_a_version_and_the_change_shows(db_file):
    load(db_file, [report("https://a.example/1", 26, outlet="A", at=None)])
    updated = report("https://a.example/1", 32, outlet="A", at=None)
    con = connect(db_file)
    result = load_batch(con, [updated], [], run_id="run-2", seen_at=RUN + timedelta(hours=3))
    con.close()
    assert result.statuses == {"new_version": 1}
    assert rows(db_file, "SELECT version_no, effective_at FROM article_versions ORDER BY 1") == [
        (1, RUN), (2, RUN + timedelta(hours=3))]
    [(diff, diff_chars)] = rows(db_file, "SELECT diff, diff_chars FROM article_versions WHERE version_no = 2")
    assert "-At least 26 people were killed in Ternopil." in diff and "+At least 32 people" in diff
    assert diff_chars == 2  # "26" -> "32": one character inserted, one removed
    assert rows(db_file, "SELECT previous_value, new_value FROM position_changes") == [("26 people", "32 people")]


def test_reloading_adds_nothing_and_repeated_errors_bump_attempts(db_file):
    batch = [report("a", 20, outlet="A", at=T0), report("b", 26, outlet="B", at=T0)]
    failure = ItemFailure("file", "bad.txt", "read", "empty file")
    load(db_file, batch, [failure])
    before = counts(db_file)
    result = load(db_file, batch, [failure], run="run-2")
    assert result.statuses == {"unchanged": 2, "error": 1}
    assert counts(db_file) == before
    assert rows(db_file, "SELECT attempts, run_id, last_run_id FROM ingest_log WHERE status = 'error'") == [
        (2, "run-1", "run-2")]


def test_positions_keep_their_evidence_offsets(db_file):
    load(db_file, [report("a", 20, outlet="A", at=T0)])
    [(text, evidence, start, end)] = rows(db_file, "SELECT v.text, p.evidence, p.char_start, p.char_end "
                                                   "FROM positions p JOIN article_versions v USING (version_id)")
    assert text[start:end] == evidence


def test_file_opens_in_the_duckdb_cli_from_pypi(db_file):
    """duckdb-cli (1.5.x on PyPI) cannot open files written in duckdb 2.x's default storage format."""
    import shutil, subprocess, sys
    from pathlib import Path

    cli = Path(sys.executable).with_name("duckdb")
    cli = str(cli) if cli.exists() else shutil.which("duckdb")
    assert cli, "duckdb-cli is a dev dependency and must be installed"
    load(db_file, [report("a", 20, outlet="A", at=T0)])
    out = subprocess.run([cli, str(db_file), "-readonly", "-csv", "-c",
                          "select kind, count(*) from positions group by 1; select count(*) from position_changes"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "casualty_count,1" in out.stdout


def test_missing_and_locked_warehouse_errors(tmp_path):
    with pytest.raises(WarehouseMissing, match="no warehouse at"):
        connect(tmp_path / "none.duckdb", read_only=True)
    holder = connect(tmp_path / "held.duckdb")
    try:
        import subprocess, sys, textwrap
        code = textwrap.dedent(f"""
            from warehouse.db import connect, WarehouseLocked
            try:
                connect({str(tmp_path / 'held.duckdb')!r}, read_only=True, lock_wait=0.3)
            except WarehouseLocked as exc:
                print(exc)
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=str(__import__("conftest").ROOT)).stdout
        assert "is locked by another process" in out and "waited 0.3s" in out
    finally:
        holder.close()


def test_an_older_warehouse_is_upgraded_on_open(db_file):
    from warehouse.db import MIGRATIONS_DIR
    from warehouse.query import run_readonly

    con = duckdb.connect(str(db_file), config={"storage_compatibility_version": "v1.4.0"})
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    con.execute((MIGRATIONS_DIR / "001_init.sql").read_text())
    con.execute("INSERT INTO schema_migrations VALUES ('001_init.sql', now()::TIMESTAMP)")
    con.close()
    columns, result = run_readonly("SELECT count(*) AS bands FROM article_bands", db_file)
    assert (columns, result) == (["bands"], [(0,)])
    assert [r[0] for r in rows(db_file, "SELECT name FROM schema_migrations WHERE name LIKE '%.sql' ORDER BY 1")] == [
        f.name for f in sorted(MIGRATIONS_DIR.glob("*.sql"))]
