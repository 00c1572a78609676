"""Real Prefect flow runs of the backfill over real files into a real DuckDB file."""

import json
import shutil


from flows.backfill import backfill
from conftest import SEEDS, assert_natural_keys_unique, query, table_counts as counts


def test_seeds_backfill_end_to_end_and_rerun_adds_nothing(prefect_api, db_file):
    summary = backfill(paths=[str(SEEDS)], db=str(db_file))
    assert summary["statuses"] == {"loaded": 2}
    assert query(db_file, "SELECT count(*) FROM articles") == [(2,)]
    kinds = dict(query(db_file, "SELECT kind, count(*) FROM positions GROUP BY 1"))
    assert set(kinds) == {"casualty_count", "plan_term", "statement"}
    keys = {(k, key) for k, key in query(db_file, "SELECT kind, key FROM positions")}
    for expected in [("casualty_count", "Ternopil|killed"), ("casualty_count", "Ternopil|missing"),
                     ("casualty_count", "Zaporizhzhia|killed"), ("plan_term", "military_size_cap"),
                     ("plan_term", "nato_membership"), ("plan_term", "territory"),
                     ("plan_term", "security_guarantees"), ("plan_term", "sanctions"),
                     ("plan_term", "g8_membership"), ("statement", "Volodymyr Zelensky"),
                     ("statement", "Donald Trump"), ("statement", "Karoline Leavitt")]:
        assert expected in keys
    assert query(db_file, "SELECT value_num, qualifier FROM positions WHERE key = 'Ternopil|killed'") == [(26.0, "at least")]
    assert query(db_file, "SELECT value_num FROM positions WHERE key = 'Ternopil|missing'") == [(17.0,)]
    assert query(db_file, "SELECT value_num FROM positions WHERE key = 'military_size_cap'") == [(600000.0,)]
    assert not query(db_file, "SELECT * FROM positions WHERE kind = 'casualty_count' AND value_num = 33")
    # Zelensky is quoted in both seeds; security guarantees change between them.
    assert query(db_file, "SELECT count(DISTINCT article_id) FROM positions WHERE key = 'Volodymyr Zelensky'") == [(2,)]
    assert query(db_file, "SELECT count(*) FROM position_changes WHERE key = 'security_guarantees'") == [(1,)]
    # Undated seeds are ordered by file name: 000 before 003.
    [(first,)] = query(db_file, "SELECT identity FROM articles WHERE article_id = "
                                "(SELECT previous_article_id FROM position_changes WHERE key = 'security_guarantees')")
    assert first == "file:000_f042ae69e39f5617.txt"

    before = counts(db_file)
    again = backfill(paths=[str(SEEDS)], db=str(db_file))
    assert again["statuses"] == {"unchanged": 2}
    assert counts(db_file) == before
    assert_natural_keys_unique(db_file)


def test_bad_files_are_logged_and_the_rest_loads(prefect_api, db_file, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "003_f368b5dcf289ebe5.txt", folder / "good.txt")
    shutil.copy(SEEDS / "003_f368b5dcf289ebe5.txt", folder / "syndicated-copy.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02GIF89a")
    (folder / "mojibake.txt").write_bytes(bytes(range(128, 256)) * 4)
    (folder / "huge.txt").write_text("word " * 50_000)
    (folder / "broken.json").write_text('{"text": "unterminated')
    (folder / "records.jsonl").write_text(json.dumps({"text": "Talks resumed in Geneva on Monday.",
                                                      "url": "https://wire.example/geneva"}) + "\n{oops\n")
    monkeypatch.setenv("ARTICLEWATCH_MAX_BYTES", "100000")
    summary = backfill(paths=[str(folder)], db=str(db_file), batch_size=3)
    assert summary["statuses"] == {"loaded": 2, "duplicate": 1, "error": 6}
    errors = dict(query(db_file, "SELECT item, error FROM ingest_log WHERE status = 'error'"))
    by_name = {item.rsplit("/", 1)[-1]: error for item, error in errors.items()}
    assert by_name["empty.txt"] == "empty file"
    assert "binary" in by_name["binary.txt"]
    assert "cannot decode" in by_name["mojibake.txt"]
    assert "cap" in by_name["huge.txt"]
    assert "not valid JSON" in by_name["broken.json"]
    assert "not valid JSON" in by_name["records.jsonl#2"]
    assert query(db_file, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(1,)]

    before = counts(db_file)
    again = backfill(paths=[str(folder)], db=str(db_file), batch_size=3)
    assert again["statuses"] == {"unchanged": 3, "error": 6}
    assert counts(db_file) == before
    assert query(db_file, "SELECT min(attempts), max(attempts) FROM ingest_log WHERE status = 'error'") == [(2, 2)]
    assert_natural_keys_unique(db_file)


def test_a_changed_file_becomes_a_new_version(prefect_api, db_file, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("Strike on Ternopil\nAt least 20 people were killed in Ternopil on Tuesday, officials said.\n")
    backfill(paths=[str(folder)], db=str(db_file))
    story.write_text("Strike on Ternopil\nAt least 26 people were killed in Ternopil on Tuesday, officials said.\n")
    summary = backfill(paths=[str(folder)], db=str(db_file))
    assert summary["statuses"] == {"new_version": 1}
    assert query(db_file, "SELECT version_no, title FROM article_versions ORDER BY 1") == [
        (1, "Strike on Ternopil"), (2, "Strike on Ternopil")]
    assert query(db_file, "SELECT previous_value, new_value, change FROM position_changes") == [
        ("20 people", "26 people", "increased by 6")]


def test_syndicated_copy_in_a_later_run_is_a_near_duplicate(prefect_api, db_file, tmp_path):
    from conftest import ROOT

    wire = (ROOT / "tests" / "fixtures" / "wire_strike.txt").read_text()
    first, second = tmp_path / "monday", tmp_path / "tuesday"
    first.mkdir()
    second.mkdir()
    (first / "wire.txt").write_text(wire)
    (first / "wire.txt.json").write_text(json.dumps({"url": "https://wire.example/ternopil", "outlet": "Wire"}))
    copy = "Deadly strike on Ternopil\n" + wire.replace("KYIV (Wire) - ", "") + "\nSign up for our newsletter."
    (second / "paper.txt").write_text(copy)
    (second / "paper.txt.json").write_text(json.dumps({"url": "https://paper.example/ternopil", "outlet": "Paper"}))
    (second / "other.txt").write_text((ROOT / "tests" / "fixtures" / "other_strike.txt").read_text())

    assert backfill(paths=[str(first)], db=str(db_file))["statuses"] == {"loaded": 1}
    assert backfill(paths=[str(second)], db=str(db_file))["statuses"] == {"loaded": 1, "near_duplicate": 1}
    assert query(db_file, "SELECT identity, duplicate_method FROM articles WHERE duplicate_of IS NOT NULL") == [
        ("https://paper.example/ternopil", "near")]
    # The Ternopil toll is reported by the wire story (carried by Wire and Paper) and the other story.
    reports = query(db_file, "SELECT carried_by FROM position_timeline WHERE key = 'Ternopil|killed' ORDER BY 1")
    assert sorted(map(tuple, (r[0] for r in reports))) == [("Paper", "Wire"), ("file:other.txt",)]
