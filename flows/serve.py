"""Prefect deployments with their schedules, served by `articlewatch serve`."""

from datetime import timedelta
from pathlib import Path

from pipeline.feeds import load_feeds
from warehouse.db import db_path

NIGHTLY = "0 3 * * *"  # re-extraction at 03:00 UTC


def build_deployments(feeds_path: str = "feeds.toml", db: str | None = None) -> list:
    """watch-feeds (every shortest feed interval; each pass polls the feeds that are due),
    nightly-reprocess, and an unscheduled backfill to trigger one-off runs."""
    from flows.backfill import backfill
    from flows.reprocess import reprocess
    from flows.watch import watch

    feeds_file = str(Path(feeds_path).resolve())
    warehouse = str(db_path(db).resolve())
    every = min((f.interval for f in load_feeds(feeds_file)), default=30)
    return [
        watch.to_deployment(name="watch-feeds", interval=timedelta(minutes=every),
                            parameters={"feeds": feeds_file, "db": warehouse, "only_due": True},
                            description="Poll the feeds that are due and fetch new or changed articles."),
        reprocess.to_deployment(name="nightly-reprocess", cron=NIGHTLY, parameters={"db": warehouse},
                                description="Re-extract positions whose extractor version is out of date."),
        backfill.to_deployment(name="backfill", parameters={"paths": [str(Path("seeds").resolve())], "db": warehouse},
                               description="One-off backfill of local files; pass paths=[...] when you run it."),
    ]


def serve_deployments(feeds_path: str = "feeds.toml", db: str | None = None) -> None:
    from prefect import serve

    serve(*build_deployments(feeds_path, db))
