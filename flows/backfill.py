"""The backfill flow: files → articles → warehouse, in batches, one write transaction per batch."""

import sys
import uuid
from datetime import datetime, timezone

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.batch import prepare_files
from pipeline.documents import SourceFile
from pipeline.neardup import DedupConfig
from pipeline.readers import discover, max_bytes_from_env
from warehouse.db import connect, db_path
from warehouse.dedup import load_config
from warehouse.load import LoadResult, load_batch

DEFAULT_BATCH_SIZE = 100
READ_AHEAD = 2  # batches prepared ahead of the one being loaded


@task(name="prepare-batch", cache_policy=NO_CACHE)
def prepare_batch(files: list[SourceFile], max_bytes: int, dedup: DedupConfig):
    return prepare_files(files, max_bytes, dedup)


@task(name="load-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def load_batch_task(db: str, articles, failures, run_id: str, seen_at: datetime) -> LoadResult:
    with connect(db) as con:
        return load_batch(con, articles, failures, run_id=run_id, seen_at=seen_at)


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=2))
def backfill(paths: list[str], db: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> dict:
    """Backfill files, folders or globs into the warehouse. Safe to re-run: unchanged input adds nothing."""
    db = str(db_path(db))
    files = discover(paths)
    run_id = flow_run.get_id() or uuid.uuid4().hex
    seen_at = datetime.now(timezone.utc).replace(tzinfo=None)
    batches = [files[i:i + batch_size] for i in range(0, len(files), batch_size)]
    max_bytes = max_bytes_from_env()
    dedup = _stored_dedup_config(db)
    total = LoadResult()
    pending = [prepare_batch.submit(batch, max_bytes, dedup) for batch in batches[:READ_AHEAD]]
    for number in range(1, len(batches) + 1):
        articles, failures = pending.pop(0).result()
        if number + READ_AHEAD - 1 < len(batches):
            pending.append(prepare_batch.submit(batches[number + READ_AHEAD - 1], max_bytes, dedup))
        result = load_batch_task(db, articles, failures, run_id, seen_at)
        total.add(result)
        print(f"batch {number}/{len(batches)} committed: {_describe(result)}", file=sys.stderr, flush=True)
    return {"run_id": str(run_id), "db": db, "files": len(files),
            "statuses": dict(total.statuses), "positions": total.positions}


def _stored_dedup_config(db: str) -> DedupConfig:
    """The near-duplicate settings the warehouse was built with, so signatures match stored ones."""
    with connect(db) as con:
        return load_config(con)


def _describe(result: LoadResult) -> str:
    parts = [f"{count} {status}" for status, count in sorted(result.statuses.items())]
    return ", ".join(parts + [f"{result.positions} positions"])
