"""The dedup flow: recompute near-duplicate bands and marks after a settings change."""

from dataclasses import replace

from prefect import flow

from warehouse.db import connect, db_path
from warehouse.dedup import load_config, rebuild


@flow(name="dedup-rebuild")
def dedup_rebuild(db: str | None = None, settings: dict | None = None) -> dict:
    """Rebuild near-duplicate detection with the stored settings, changed by `settings`. Idempotent."""
    with connect(db_path(db)) as con:
        config = replace(load_config(con), **(settings or {}))
        result = rebuild(con, config)
    return {**result, "settings": config.as_dict()}
