"""The watch flow: poll feeds, fetch new and changed articles, archive raw responses, load versions.

One pass per flow run. Per feed: a conditional GET of the feed, then conditional GETs of its
entries (new ones, and those first seen in the last $ARTICLEWATCH_RECHECK_DAYS days, so an outlet
updating a story becomes a new version), fetched in batches on a thread pool, extracted, archived
and loaded in one transaction per batch. A bad feed or page is recorded in ingest_log and the
pass goes on.
"""

import os
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from pipeline.documents import ItemFailure
from pipeline.errors import ItemError
from pipeline.feeds import FeedConfig, FeedEntry, load_feeds, parse_feed
from pipeline.fetch import Fetcher, FetchSettings, Validators
from pipeline.neardup import fingerprint
from pipeline.web import page_to_article, summary_to_article
from warehouse.db import connect, db_path
from warehouse.dedup import load_config
from warehouse.load import LoadResult, load_batch
from warehouse.raw import RawArchive
from warehouse.web import (last_polls, recent_entries, record_entries, record_feed_poll, record_http,
                           validators_for)

PAGE_BATCH = 200  # pages per fetch/load task pair: Prefect costs ~0.1-0.3 s per task run here


@dataclass
class PassSummary:
    feeds: int = 0
    feed_errors: int = 0
    requests: int = 0
    not_modified: int = 0
    bytes_read: int = 0
    statuses: LoadResult = field(default_factory=LoadResult)

    def as_dict(self) -> dict:
        return {"feeds": self.feeds, "feed_errors": self.feed_errors, "requests": self.requests,
                "not_modified": self.not_modified, "bytes_read": self.bytes_read,
                "statuses": dict(self.statuses.statuses), "positions": self.statuses.positions}


@task(name="fetch-feed", cache_policy=NO_CACHE)
def fetch_feed(fetcher: Fetcher, feed: FeedConfig, validators: Validators):
    try:
        return fetcher.fetch(feed.url, validators, kind="feed")
    except ItemError as exc:
        return exc


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages(fetcher: Fetcher, entries: list[FeedEntry], validators: dict, workers: int) -> list:
    def one(entry):
        try:
            return entry, fetcher.fetch(entry.url, Validators(*validators.get(entry.url, (None, None))), kind="page")
        except ItemError as exc:
            return entry, exc

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, entries))


@task(name="extract-pages", cache_policy=NO_CACHE)
def extract_pages(pages: list, feed: FeedConfig, archive: RawArchive, dedup, seen_at: datetime):
    """Archive raw responses; pages (or, failing them, the entries' summaries) become articles."""
    articles, failures, http = [], [], []
    for entry, result in pages:
        if isinstance(result, ItemError):
            failures.append(ItemFailure("feed", entry.url, result.stage, result.reason))
            fallback = _summary(entry, feed, seen_at)
            if fallback:
                articles.append(fallback)
            continue
        http.append(_http_row(result))
        if result.not_modified:
            continue
        ref = archive.write(result.final_url, result.status, result.headers, result.content, result.fetched_at)
        try:
            article = page_to_article(result, entry, feed)
        except ItemError as exc:
            failures.append(ItemFailure("feed", entry.url, exc.stage, exc.reason))
            article = _summary(entry, feed, seen_at)
            if article is None:
                continue
        article.raw_ref = ref
        articles.append(article)
    for article in articles:
        fingerprint(article, dedup)
    return articles, failures, http


@task(name="load-pages", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def load_pages(db: str, articles, failures, http, entries_rows, run_id: str, seen_at: datetime) -> LoadResult:
    with connect(db) as con:
        result = load_batch(con, articles, failures, run_id=run_id, seen_at=seen_at)
        # Validators only after the articles are in: a crash in between means a re-fetch, never a miss.
        con.execute("BEGIN TRANSACTION")
        record_http(con, http)
        record_entries(con, entries_rows)
        con.execute("COMMIT")
        return result


@flow(name="watch")
def watch(feeds: str = "feeds.toml", db: str | None = None, only_due: bool = False) -> dict:
    """One pass over the feeds in `feeds` (only those due by their interval, with `only_due`)."""
    db = str(db_path(db))
    feed_list = load_feeds(feeds)
    run_id = str(flow_run.get_id() or uuid.uuid4().hex)
    seen_at = _now()
    with connect(db) as con:
        polled = last_polls(con)
        feed_validators = validators_for(con, [f.url for f in feed_list])
        dedup = load_config(con)
    due = [f for f in feed_list if not only_due or _is_due(f, polled.get(f.url), seen_at)]
    summary = PassSummary(feeds=len(due))
    archive = RawArchive(run_id)
    workers = int(os.environ.get("ARTICLEWATCH_FETCH_WORKERS", "8"))
    with Fetcher(_fetch_settings()) as fetcher:
        for feed in due:
            _poll_feed(feed, fetcher, feed_validators.get(feed.url, (None, None)), db, archive, dedup,
                       run_id, seen_at, workers, summary)
    print(f"watch pass: {summary.feeds} feed(s), {summary.requests} request(s), {summary.not_modified} not "
          f"modified, {summary.bytes_read:,} bytes", file=sys.stderr, flush=True)
    return {"run_id": run_id, "db": db, **summary.as_dict()}


def next_due_in(feeds_path: str, db: str | None = None) -> float:
    """Seconds until the next feed is due (for the CLI's polling loop)."""
    feed_list = load_feeds(feeds_path)
    with connect(db_path(db)) as con:
        polled = last_polls(con)
    now = _now()
    waits = [((polled.get(f.url) or now) + timedelta(minutes=f.interval) - now).total_seconds() for f in feed_list]
    return max(0.0, min(waits, default=60.0))


def _poll_feed(feed, fetcher, validators, db, archive, dedup, run_id, seen_at, workers, summary) -> None:
    result = fetch_feed(fetcher, feed, Validators(*validators))
    summary.requests += getattr(result, "attempts", 1)
    entries, status, error, title = [], "ok", None, None
    if isinstance(result, ItemError):
        status, error = "error", result.reason
    elif result.not_modified:
        status = "not_modified"
        summary.not_modified += 1
    else:
        summary.bytes_read += result.bytes_read
        try:
            parsed = parse_feed(result.content, result.final_url, result.content_type, charset=result.charset)
            entries, title = parsed.entries, parsed.title
            if parsed.bozo:
                error = f"malformed feed, {len(entries)} entries recovered: {parsed.bozo_reason}"
        except ItemError as exc:
            status, error = "error", exc.reason
    entries = _with_recent_entries(db, feed, entries, seen_at)
    failures = []
    if error:  # a failed feed, or a malformed one whose recovered entries are still used
        summary.feed_errors += status == "error"
        stage = result.stage if isinstance(result, ItemError) else "feed"
        failures.append(ItemFailure("feed", feed.url, stage, error))
    with connect(db) as con:
        record_feed_poll(con, feed, at=seen_at, status=status, error=error, title=title, entries=len(entries))
        cached = validators_for(con, [e.url for e in entries if e.url])
    if failures:
        load_pages(db, [], failures, [], [], run_id, seen_at)
    fetchable = [e for e in entries if e.url]
    for start in range(0, len(fetchable), PAGE_BATCH):
        chunk = fetchable[start:start + PAGE_BATCH]
        pages = fetch_pages(fetcher, chunk, cached, workers)
        for _, page in pages:
            if not isinstance(page, ItemError):
                summary.requests += page.attempts
                summary.bytes_read += page.bytes_read
                summary.not_modified += page.not_modified
            else:
                summary.requests += 1
        articles, page_failures, page_http = extract_pages(pages, feed, archive, dedup, seen_at)
        entry_rows = [_entry_row(feed, e, seen_at) for e in chunk]
        summary.statuses.add(load_pages(db, articles, page_failures, page_http, entry_rows, run_id, seen_at))
    if not isinstance(result, ItemError):
        # The feed's own validators last: a crash before this re-reads the feed, never skips entries.
        with connect(db) as con:
            record_http(con, [_http_row(result)])


def _with_recent_entries(db, feed, entries, seen_at):
    """Entries in the feed now, plus entries of this feed first seen recently (re-checked for updates)."""
    days = float(os.environ.get("ARTICLEWATCH_RECHECK_DAYS", "2"))
    with connect(db, read_only=True) as con:
        rows = recent_entries(con, feed.url, seen_at - timedelta(days=days))
    by_id = {e.entry_id: e for e in entries}
    for entry_id, url, title, published_at, author, summary in rows:
        by_id.setdefault(entry_id, FeedEntry(entry_id, url, title, published_at, author, summary))
    return list(by_id.values())


def _summary(entry, feed, seen_at):
    try:
        return summary_to_article(entry, feed, seen_at)
    except ItemError:
        return None


def _http_row(result) -> dict:
    return {"url": result.url, "etag": result.validators.etag, "last_modified": result.validators.last_modified,
            "status": result.status, "bytes": result.bytes_read, "checked_at": result.fetched_at,
            "changed_at": None if result.not_modified else result.fetched_at}


def _entry_row(feed, entry, seen_at) -> dict:
    return {"feed_url": feed.url, "entry_id": entry.entry_id, "url": entry.url, "title": entry.title,
            "published_at": entry.published_at, "author": entry.author, "summary": entry.summary,
            "first_seen_at": seen_at}


def _fetch_settings() -> FetchSettings:
    overrides = {}
    if "ARTICLEWATCH_HOST_DELAY" in os.environ:
        overrides["per_host_delay"] = float(os.environ["ARTICLEWATCH_HOST_DELAY"])
    if "ARTICLEWATCH_HOST_CONCURRENCY" in os.environ:
        overrides["per_host_concurrency"] = int(os.environ["ARTICLEWATCH_HOST_CONCURRENCY"])
    return FetchSettings.from_env(**overrides)


def _is_due(feed: FeedConfig, last: datetime | None, now: datetime) -> bool:
    return last is None or now - last >= timedelta(minutes=feed.interval)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
