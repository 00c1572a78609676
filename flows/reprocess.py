"""The reprocess flow: re-run position extraction over stored text when the extractor changes."""

import sys

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipeline.positions import EXTRACTOR_VERSION, extract_positions
from warehouse.db import connect, db_path
from warehouse.positions import replace_positions, stale_versions

DEFAULT_BATCH_SIZE = 500


@task(name="extract-positions", cache_policy=NO_CACHE)
def extract_batch(versions: list[tuple]) -> list[tuple]:
    return [(version_id, article_id, effective_at, extract_positions(text, title=title))
            for version_id, article_id, effective_at, title, text in versions]


@task(name="replace-positions", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def replace_batch(db: str, extracted: list[tuple]) -> int:
    with connect(db) as con:
        return replace_positions(con, extracted, EXTRACTOR_VERSION)


@flow(name="reprocess")
def reprocess(db: str | None = None, everything: bool = False, batch_size: int = DEFAULT_BATCH_SIZE) -> dict:
    """Re-extract positions for versions processed by another extractor version (or all). Idempotent."""
    db = str(db_path(db))
    after, versions, positions = "", 0, 0
    while True:
        with connect(db) as con:
            batch = stale_versions(con, EXTRACTOR_VERSION, after=after, limit=batch_size, everything=everything)
        if not batch:
            break
        after = batch[-1][0]
        positions += replace_batch(db, extract_batch(batch))
        versions += len(batch)
        print(f"reprocessed {versions} version(s)", file=sys.stderr, flush=True)
    return {"db": db, "versions": versions, "positions": positions, "extractor_version": EXTRACTOR_VERSION}
