"""Re-extraction over an existing warehouse: stale versions get the current extractor's positions."""

import duckdb

from flows.backfill import backfill
from flows.reprocess import reprocess
from pipeline.positions import EXTRACTOR_VERSION

from conftest import SEEDS, query


def test_reprocess_replaces_stale_positions_and_is_idempotent(prefect_api, db_file):
    backfill(paths=[str(SEEDS)], db=str(db_file))
    current = query(db_file, "SELECT kind, key, value_num, value_text, char_start FROM positions ORDER BY ALL")
    # Make the warehouse look as if an older extractor had written it: other positions, other version.
    con = duckdb.connect(str(db_file))
    con.execute("UPDATE positions SET extractor_version = 'rules-0', value_num = value_num + 1 "
                "WHERE kind = 'casualty_count'")
    con.execute("DELETE FROM positions WHERE kind = 'statement'")
    con.execute("UPDATE article_versions SET positions_version = 'rules-0'")
    con.close()

    summary = reprocess(db=str(db_file))
    assert summary["versions"] == 2 and summary["extractor_version"] == EXTRACTOR_VERSION
    assert query(db_file, "SELECT kind, key, value_num, value_text, char_start FROM positions ORDER BY ALL") == current
    assert query(db_file, "SELECT DISTINCT extractor_version FROM positions") == [(EXTRACTOR_VERSION,)]
    assert query(db_file, "SELECT DISTINCT positions_version FROM article_versions") == [(EXTRACTOR_VERSION,)]
    assert query(db_file, "SELECT value_num FROM position_timeline WHERE key = 'Ternopil|killed'") == [(26.0,)]

    assert reprocess(db=str(db_file))["versions"] == 0  # nothing stale any more
    again = reprocess(db=str(db_file), everything=True)  # forced: same rows, no duplicates
    assert again["versions"] == 2
    assert query(db_file, "SELECT kind, key, value_num, value_text, char_start FROM positions ORDER BY ALL") == current
