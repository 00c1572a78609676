"""The `articlewatch` command line: a thin layer over flows/ and warehouse/.

Read-only commands (sql, changes) import neither Prefect nor trafilatura, so they start fast.
"""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

import flows  # noqa: F401  (sets quiet Prefect defaults before any flow import)

app = typer.Typer(
    name="articlewatch",
    help="Watch how the news reports a developing story: backfill articles into DuckDB and query "
         "how reported positions change.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[Optional[Path], typer.Option("--db", help="Warehouse file (default $ARTICLEWATCH_DB or warehouse/articlewatch.duckdb).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: table, csv or json.")]


@app.command()
def backfill(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders (recursive) or globs. Default: seeds/")] = None,
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Files per batch (one write transaction each).", min=1)] = 100,
):
    """One-off backfill of local files (.txt .md .html .json .jsonl .warc .warc.gz) into the warehouse."""
    from pipeline.readers import discover

    paths = paths or ["seeds/"]
    discover(paths)  # a missing path is a user mistake: say so before starting Prefect
    from flows.backfill import backfill as backfill_flow

    summary = backfill_flow(paths=paths, db=str(db) if db else None, batch_size=batch_size)
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary["statuses"].items())) or "nothing to load"
    typer.echo(f"backfilled {summary['files']} file(s) into {summary['db']}: {statuses}; "
               f"{summary['positions']} positions")
    if summary["statuses"].get("error"):
        typer.echo("errors are in ingest_log: articlewatch sql \"SELECT item, stage, error FROM ingest_log "
                   "WHERE status = 'error'\"")


feeds_app = typer.Typer(help="Manage the feed list (feeds.toml).", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")
FeedsOption = Annotated[Path, typer.Option("--feeds", help="Feed list: feeds.toml, .yaml or .opml.")]


@app.command()
def watch(
    feeds: FeedsOption = Path("feeds.toml"),
    once: Annotated[bool, typer.Option("--once", help="One pass over every feed, then exit.")] = False,
    db: DbOption = None,
):
    """Poll feeds and fetch new or changed articles (loops on the feeds' intervals unless --once)."""
    import time

    from pipeline.feeds import load_feeds

    load_feeds(feeds)  # a missing or broken feed list is a user mistake: say so before Prefect starts
    from flows.watch import next_due_in, watch as watch_flow

    while True:
        summary = watch_flow(feeds=str(feeds), db=str(db) if db else None, only_due=not once)
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary["statuses"].items())) or "no new articles"
        typer.echo(f"watched {summary['feeds']} feed(s): {statuses}; {summary['requests']} request(s), "
                   f"{summary['not_modified']} not modified, {summary['bytes_read']:,} bytes")
        if once:
            return
        time.sleep(max(30.0, next_due_in(str(feeds), str(db) if db else None)))


@feeds_app.command("import")
def feeds_import(
    opml: Annotated[Path, typer.Argument(help="An OPML file exported from a feed reader.")],
    feeds: FeedsOption = Path("feeds.toml"),
):
    """Add the feeds of an OPML file to feeds.toml (feeds already listed are skipped)."""
    from pipeline.feeds import append_feeds_toml, import_opml

    if not opml.is_file():
        raise typer.BadParameter(f"no such file: {opml}", param_hint="OPML")
    added = append_feeds_toml(feeds, import_opml(opml.read_bytes()))
    typer.echo(f"added {len(added)} feed(s) to {feeds}")


@app.command()
def serve(feeds: FeedsOption = Path("feeds.toml"), db: DbOption = None):
    """Serve Prefect deployments: watch-feeds on the feeds' intervals, nightly-reprocess, backfill."""
    from pipeline.feeds import load_feeds

    load_feeds(feeds)
    from flows.serve import serve_deployments

    serve_deployments(str(feeds), str(db) if db else None)


@app.command()
def reprocess(
    all_versions: Annotated[bool, typer.Option("--all", help="Re-extract every version, not only stale ones.")] = False,
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Versions per batch (one write transaction each).", min=1)] = 500,
):
    """Re-run position extraction over stored text whose extractor version is not the current one."""
    from flows.reprocess import reprocess as reprocess_flow

    summary = reprocess_flow(db=str(db) if db else None, everything=all_versions, batch_size=batch_size)
    typer.echo(f"reprocessed {summary['versions']} version(s) with {summary['extractor_version']}: "
               f"{summary['positions']} positions")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only: SELECT, EXPLAIN, PRAGMA).")],
    db: DbOption = None,
    fmt: FormatOption = "table",
):
    """Run read-only SQL against the warehouse."""
    from flows.output import render
    from warehouse.query import run_readonly

    _check_format(fmt)
    columns, rows = run_readonly(query, db)
    render(columns, rows, fmt)


@app.command()
def changes(
    kind: Annotated[Optional[str], typer.Option(help="casualty_count, plan_term or statement.")] = None,
    key: Annotated[Optional[str], typer.Option(help="Only keys containing this text, e.g. Ternopil.")] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
):
    """Show how reported positions changed from article to article."""
    from flows.output import render
    from warehouse.query import changes_sql, run_query

    _check_format(fmt)
    if kind and kind not in ("casualty_count", "plan_term", "statement"):
        raise typer.BadParameter("must be casualty_count, plan_term or statement", param_hint="--kind")
    columns, rows = run_query(*changes_sql(kind, key), db=db)
    render(columns, rows, fmt)


@app.command()
def dedup(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute near-duplicate bands and marks.")] = False,
    jaccard: Annotated[Optional[float], typer.Option(help="Confirm when shingle Jaccard >= this.", min=0, max=1)] = None,
    containment: Annotated[Optional[float], typer.Option(help="... or the smaller text is this much contained.", min=0, max=1)] = None,
    shingle_size: Annotated[Optional[int], typer.Option(help="Words per shingle.", min=1)] = None,
    bands: Annotated[Optional[int], typer.Option(help="LSH bands (num_perm / bands rows each).", min=1)] = None,
    db: DbOption = None,
):
    """Show near-duplicate settings and counts; --rebuild applies new settings to everything stored."""
    changes = {name: value for name, value in
               {"jaccard": jaccard, "containment": containment, "shingle_size": shingle_size, "bands": bands}.items()
               if value is not None}
    if changes and not rebuild:
        raise typer.BadParameter("settings only take effect with --rebuild", param_hint="--rebuild")
    if rebuild:
        from dataclasses import replace

        from flows.dedup import dedup_rebuild
        from pipeline.neardup import DedupConfig

        try:
            replace(DedupConfig(), **changes)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        result = dedup_rebuild(db=str(db) if db else None, settings=changes)
        typer.echo(f"rebuilt near-duplicates over {result['articles']} article(s): "
                   f"{result['near_duplicates']} near-duplicate(s); settings {result['settings']}")
        return
    from flows.output import render
    from warehouse.query import run_query

    render(*run_query("""
        SELECT coalesce(duplicate_method, 'original') AS kind, count(*) AS articles,
               round(avg(duplicate_similarity), 3) AS mean_similarity,
               (SELECT any_value(value) FROM settings WHERE name = 'dedup') AS settings
        FROM articles GROUP BY 1 ORDER BY 1""", [], db=db))


def _check_format(fmt: str) -> None:
    from flows.output import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")


def main() -> None:
    """Entry point: user mistakes and warehouse problems print one line and exit non-zero."""
    from pipeline.errors import UserError
    from warehouse.db import WarehouseError

    try:
        app(standalone_mode=False)
    except (WarehouseError, UserError) as exc:
        typer.echo(f"articlewatch: error: {exc}", err=True)
        sys.exit(1)
    except typer.Abort:
        typer.echo("articlewatch: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("articlewatch: interrupted", err=True)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: click's one-line message and exit status
        if hasattr(exc, "show"):
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        raise


if __name__ == "__main__":
    main()
