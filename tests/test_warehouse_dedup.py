"""Near-duplicates in the warehouse: incremental across runs, counted once in the views, rebuildable."""

from datetime import timedelta

from pipeline.neardup import DedupConfig, fingerprint
from warehouse.db import connect
from warehouse.dedup import rebuild

from test_neardup import BOILERPLATE, OTHER, WIRE
from test_warehouse import T0, article, casualty, counts, load, rows


def with_bands(a, config=DedupConfig()):
    fingerprint(a, config)
    return a


def story(identity, text, number, *, outlet, at):
    sentence = next((line for line in text.split("\n") if f"{number} people" in line or f"to {number}" in line), "")
    pos = casualty(sentence, number) if sentence else None
    return with_bands(article(identity, text, outlet=outlet, at=at, positions=[pos] if pos else []))


SYNDICATED = "Deadly strike on Ternopil\n" + WIRE.replace("KYIV (Wire) - ", "") + "\n" + BOILERPLATE


def test_near_duplicate_found_in_a_later_run_and_counted_once(db_file):
    load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0)], run="run-1")
    result = load(db_file, [story("https://paper.example/ternopil", SYNDICATED, 26, outlet="Paper", at=T0 + timedelta(hours=2))],
                  run="run-2")
    assert result.statuses == {"near_duplicate": 1}
    [(method, similarity, original)] = rows(db_file, """
        SELECT a.duplicate_method, a.duplicate_similarity, o.identity FROM articles a
        JOIN articles o ON o.article_id = a.duplicate_of""")
    assert method == "near" and 0.8 <= similarity < 1 and original == "https://wire.example/strike"
    # Its text and positions are kept, but it is not a second report.
    assert rows(db_file, "SELECT count(*) FROM article_versions") == [(2,)]
    assert rows(db_file, "SELECT count(*) FROM positions") == [(2,)]
    assert rows(db_file, "SELECT count(*), any_value(carried_by) FROM position_timeline") == [(1, ["Paper", "Wire"])]
    assert rows(db_file, "SELECT reports, carried_by FROM latest_positions") == [(1, ["Paper", "Wire"])]


def test_syndicated_copy_is_not_a_second_source_in_disagreements(db_file):
    independent = "\n".join(OTHER.split("\n")[1:]).replace("rose to 26", "rose to 30")
    load(db_file, [
        story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0),
        story("https://paper.example/ternopil", SYNDICATED, 26, outlet="Paper", at=T0 + timedelta(hours=1)),
        story("https://daily.example/ternopil", independent, 30, outlet="Daily", at=T0),
    ])
    assert rows(db_file, "SELECT count(*) FROM articles WHERE duplicate_method = 'near'") == [(1,)]
    found = rows(db_file, "SELECT outlet_a, value_a, outlet_b, value_b FROM source_disagreements")
    assert found == [("Daily", "30 people", "Wire", "26 people")]


def test_same_event_from_another_outlet_is_not_a_duplicate(db_file):
    load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0),
                   story("https://other.example/mourns", OTHER, 26, outlet="Other", at=T0)])
    assert rows(db_file, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(0,)]


def test_a_changed_version_of_the_same_url_is_versioning_not_dedup(db_file):
    load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=None)])
    updated = WIRE.replace("At least 26 people", "At least 32 people")
    result = load(db_file, [story("https://wire.example/strike", updated, 32, outlet="Wire", at=None)], run="run-2")
    assert result.statuses == {"new_version": 1}
    assert rows(db_file, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(0,)]


def test_exact_copy_of_a_near_copy_joins_the_same_story(db_file):
    load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0),
                   story("https://paper.example/ternopil", SYNDICATED, 26, outlet="Paper", at=T0),
                   story("https://mirror.example/ternopil", SYNDICATED, 26, outlet="Mirror", at=T0)])
    stories = rows(db_file, "SELECT DISTINCT story_id FROM article_stories")
    assert len(stories) == 1
    assert rows(db_file, "SELECT copies, carried_by FROM story_copies") == [(3, ["Mirror", "Paper", "Wire"])]


def test_rebuild_applies_new_thresholds_idempotently(db_file):
    load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0),
                   story("https://paper.example/ternopil", SYNDICATED, 26, outlet="Paper", at=T0),
                   story("https://other.example/mourns", OTHER, 26, outlet="Other", at=T0)])
    marks = "SELECT identity, duplicate_of, duplicate_method FROM articles ORDER BY identity"
    before, table_counts = rows(db_file, marks), counts(db_file)

    con = connect(db_file)
    strict = DedupConfig(jaccard=0.99, containment=0.99, shingle_size=5)
    assert rebuild(con, strict) == {"articles": 3, "near_duplicates": 0}
    con.close()
    assert rows(db_file, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(0,)]

    for _ in range(2):  # back to the defaults, twice: same result as the incremental loads
        con = connect(db_file)
        assert rebuild(con, DedupConfig()) == {"articles": 3, "near_duplicates": 1}
        con.close()
        assert rows(db_file, marks) == before
        assert counts(db_file) == table_counts
    assert rows(db_file, "SELECT count(*) FROM article_bands") == [(3 * DedupConfig().bands,)]


def test_loads_use_the_stored_settings(db_file):
    con = connect(db_file)
    rebuild(con, DedupConfig(shingle_size=5, bands=32))
    con.close()
    # Bands computed with the default settings are recomputed with the stored ones at load time.
    load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0)])
    result = load(db_file, [story("https://paper.example/ternopil", SYNDICATED, 26, outlet="Paper", at=T0)], run="run-2")
    assert result.statuses == {"near_duplicate": 1}
    assert rows(db_file, "SELECT count(*) FROM article_bands") == [(2 * 32,)]


def test_a_full_copy_bridges_two_excerpts_loaded_apart(db_file):
    paragraphs = WIRE.split("\n")
    first, second = "\n".join(paragraphs[:4]), "\n".join(paragraphs[3:])
    load(db_file, [story("https://a.example/first-half", first, 26, outlet="A", at=T0)], run="run-1")
    load(db_file, [story("https://b.example/second-half", second, 26, outlet="B", at=T0)], run="run-2")
    assert rows(db_file, "SELECT count(DISTINCT story_id) FROM article_stories") == [(2,)]
    result = load(db_file, [story("https://wire.example/strike", WIRE, 26, outlet="Wire", at=T0)], run="run-3")
    assert result.statuses == {"near_duplicate": 1}
    assert rows(db_file, "SELECT count(DISTINCT story_id) FROM article_stories") == [(1,)]
    assert rows(db_file, "SELECT copies, carried_by FROM story_copies") == [(3, ["A", "B", "Wire"])]
