"""Web pages and feed entries to articles: the content side of `articlewatch watch`."""

from datetime import time

from .decode import DecodeError, decode_bytes
from .documents import Article, RawDocument
from .errors import ExtractError
from .extract import to_article
from .identity import canonical_url


def page_to_article(result, entry, feed) -> Article:
    """An article from a fetched page; the feed entry fills what the page lacks. Raises ItemError."""
    url = result.final_url or result.url
    try:
        content, _ = decode_bytes(result.content, result.charset, html=True)
    except DecodeError as exc:
        raise ExtractError(url, str(exc)) from None
    raw = RawDocument(source="feed", item=result.url, identity=_identity(entry.url or url, url),
                      order_key=_order_key(entry), media_type="html" if "html" in result.content_type or
                      content.lstrip()[:1] == "<" else "text", content=content, url=url,
                      outlet=feed.outlet)
    article = to_article(raw)
    _fill_from_entry(article, entry)
    article.source_url = url
    article.fetched_at = result.fetched_at
    return article


def summary_to_article(entry, feed, fetched_at) -> Article | None:
    """When the page cannot be fetched, the entry is still recorded with the feed's summary."""
    if not entry.url or not (entry.summary or "").strip():
        return None
    raw = RawDocument(source="feed", item=entry.url, identity=_identity(entry.url, entry.url),
                      order_key=_order_key(entry), media_type="text", content=entry.summary, url=entry.url,
                      outlet=feed.outlet)
    article = to_article(raw)
    article.extractor_version = "feed-summary/1"
    _fill_from_entry(article, entry)
    article.source_url = entry.url
    article.fetched_at = fetched_at
    return article


def _fill_from_entry(article: Article, entry) -> None:
    article.title = article.title or entry.title
    article.author = article.author or entry.author
    page_date, feed_date = article.published_at, entry.published_at
    # Pages often give only a day (htmldate); the feed's timestamp for that day is more precise.
    if feed_date and (page_date is None or (page_date.date() == feed_date.date() and page_date.time() == time(0))):
        article.published_at = feed_date


def _identity(link: str, final_url: str) -> str:
    return canonical_url(final_url) or canonical_url(link) or link


def _order_key(entry) -> str:
    stamp = entry.published_at.isoformat() if entry.published_at else ""
    return f"{stamp}|{entry.url or entry.entry_id}"
