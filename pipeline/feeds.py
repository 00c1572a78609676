"""Feeds: the list of feeds to watch (feeds.toml, .yaml or OPML) and parsing fetched feed bytes.

``load_feeds`` reads the list a user keeps; ``parse_feed`` turns the bytes ``Fetcher.fetch`` got
(RSS 0.9x/1.0/2.0, Atom, JSON Feed) into entries with absolute URLs, naive-UTC dates and
plain-text summaries. Nothing here touches the network: feedparser only ever sees our bytes.
"""

import hashlib
import html
import io
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException

from .errors import ItemError, UserError
from .identity import canonical_url
from .readers import parse_datetime

FEED_KEYS = ("name", "url", "outlet", "interval")
DEFAULT_INTERVAL = 30  # minutes


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    outlet: str | None = None
    interval: int = DEFAULT_INTERVAL   # minutes between polls


@dataclass
class FeedEntry:
    entry_id: str                   # guid/id, else link, else a hash of title+date+summary
    url: str | None                 # absolute http(s) URL (relative links resolved against the feed / xml:base)
    title: str | None
    published_at: datetime | None   # naive UTC (published, else updated)
    author: str | None
    summary: str | None             # plain text (HTML stripped, entities decoded)


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]
    bozo: bool                      # malformed, but entries could still be read
    bozo_reason: str | None


class FeedListError(UserError):
    """The feed list (feeds.toml / .yaml / OPML) is missing or has bad entries: a user mistake."""


class FeedError(ItemError):
    """Fetched bytes are not a usable feed (not a feed at all, or unsafe XML)."""

    stage = "feed"


# -- the feed list ---------------------------------------------------------------------------

def load_feeds(path) -> list[FeedConfig]:
    """Read a feed list: ``.toml`` (``[[feed]]`` tables), ``.yaml``/``.yml`` (``feed:`` list) or ``.opml``.

    Raises FeedListError naming the file and every bad entry (missing name/url, non-http URL,
    bad interval, unknown key, duplicate URL).
    """
    path = Path(path)
    if not path.is_file():
        raise FeedListError(f"feed list not found: {path}")
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FeedListError(f"cannot read feed list {path}: {exc.strerror or exc}") from None
    if suffix in (".opml", ".xml"):
        try:
            return import_opml(data)
        except FeedListError as exc:
            raise FeedListError(f"{path}: {exc}") from None
    if suffix == ".toml":
        try:
            document = tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise FeedListError(f"{path} is not valid TOML: {exc}") from None
    elif suffix in (".yaml", ".yml"):
        import yaml

        try:
            document = yaml.safe_load(data.decode("utf-8")) or {}
        except (UnicodeDecodeError, yaml.YAMLError) as exc:
            raise FeedListError(f"{path} is not valid YAML: {exc}") from None
    else:
        raise FeedListError(f"{path}: unknown feed list type {suffix or '(none)'!r}; use .toml, .yaml, .yml or .opml")
    if not isinstance(document, dict) or not isinstance(document.get("feed", document.get("feeds")), list):
        example = "[[feed]] tables" if suffix == ".toml" else "a 'feed:' list"
        raise FeedListError(f"{path}: no feeds found; expected {example} with name and url (see feeds.example.toml)")
    return _validate(document.get("feed", document.get("feeds")), str(path))


def import_opml(opml: bytes) -> list[FeedConfig]:
    """Feeds from an OPML export: every ``outline`` with an ``xmlUrl``, at any depth (folders are nested outlines).

    Name = ``title``, else ``text``, else the URL. A URL listed twice is kept once.
    """
    try:
        root = SafeET.fromstring(opml)
    except DefusedXmlException as exc:
        raise FeedListError(f"OPML refused: it declares entities or external references ({type(exc).__name__})") from None
    except SafeET.ParseError as exc:
        raise FeedListError(f"not valid OPML/XML: {exc}") from None
    entries, seen = [], set()
    for outline in root.iter():
        if not isinstance(outline.tag, str) or outline.tag.rsplit("}", 1)[-1].lower() != "outline":
            continue
        attrs = {key.lower(): (value or "").strip() for key, value in outline.attrib.items()}
        url = attrs.get("xmlurl")
        if not url or url in seen:
            continue
        seen.add(url)
        entries.append({"name": attrs.get("title") or attrs.get("text") or url, "url": url})
    return _validate(entries, "OPML")


def append_feeds_toml(path, feeds: list[FeedConfig]) -> list[FeedConfig]:
    """Append ``feeds`` whose URL is not in the TOML file yet (creating it if missing); return those added.

    Existing text, comments included, is kept as it is.
    """
    path = Path(path)
    existing = load_feeds(path) if path.exists() else []
    known = {_url_key(feed.url) for feed in existing}
    added = []
    for feed in feeds:
        key = _url_key(feed.url)
        if key in known:
            continue
        known.add(key)
        added.append(feed)
    if not added:
        return []
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    blocks = [_toml_block(feed) for feed in added]
    prefix = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(prefix + "\n".join(blocks))
    return added


def _validate(raw_entries: list, where: str) -> list[FeedConfig]:
    feeds, problems, urls = [], [], {}
    for number, raw in enumerate(raw_entries, 1):
        label = f"feed #{number}"
        if isinstance(raw, dict) and isinstance(raw.get("name"), str) and raw["name"].strip():
            label += f" ({raw['name'].strip()!r})"
        if not isinstance(raw, dict):
            problems.append(f"{label}: expected a table with name and url, got {type(raw).__name__}")
            continue
        errors = []
        unknown = sorted(set(raw) - set(FEED_KEYS))
        if unknown:
            errors.append(f"unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(FEED_KEYS)})")
        name, url, outlet, interval = raw.get("name"), raw.get("url"), raw.get("outlet"), raw.get("interval", DEFAULT_INTERVAL)
        if not isinstance(name, str) or not name.strip():
            errors.append("missing 'name'")
        if not isinstance(url, str) or not url.strip():
            errors.append("missing 'url'")
        elif not _is_web_url(url.strip()):
            errors.append(f"url {url!r} is not an absolute http(s) URL")
        if outlet is not None and not isinstance(outlet, str):
            errors.append("'outlet' must be text")
        if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
            errors.append(f"'interval' must be a whole number of minutes >= 1, not {interval!r}")
        if not errors:
            key = _url_key(url.strip())
            if key in urls:
                errors.append(f"url {url.strip()!r} is already listed as feed #{urls[key]}")
            urls.setdefault(key, number)
        if errors:
            problems.append(f"{label}: " + "; ".join(errors))
            continue
        feeds.append(FeedConfig(name=name.strip(), url=url.strip(),
                                outlet=(outlet or "").strip() or None, interval=interval))
    if problems:
        raise FeedListError(f"{where}: " + (problems[0] if len(problems) == 1
                                             else f"{len(problems)} bad entries:\n  " + "\n  ".join(problems)))
    return feeds


def _is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _url_key(url: str) -> str:
    return canonical_url(url) or url.strip()


def _toml_block(feed: FeedConfig) -> str:
    lines = ["[[feed]]", f"name = {_toml_string(feed.name)}", f"url = {_toml_string(feed.url)}"]
    if feed.outlet:
        lines.append(f"outlet = {_toml_string(feed.outlet)}")
    lines.append(f"interval = {int(feed.interval)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


# -- parsing fetched feeds ---------------------------------------------------------------------

def parse_feed(content: bytes, feed_url: str, content_type: str | None = None, *,
               charset: str | None = None) -> ParsedFeed:
    """Parse fetched feed bytes (RSS, Atom, RDF, JSON Feed) into entries.

    ``content_type`` may be a bare media type or a full header (``...; charset=...``); ``charset``
    (e.g. ``FetchResult.charset``) overrides the one in it. Raises FeedError for something that is
    not a feed at all (HTML page, garbage, empty) and for XML declaring entities (billion laughs,
    XXE). A malformed feed that still yields entries comes back with ``bozo=True`` and the reason.
    """
    mime, _, params = (content_type or "").partition(";")
    mime = mime.strip().lower()
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    charset = charset or (match.group(1) if match else None)
    if not content or not content.strip():
        raise FeedError(feed_url, "empty response, not a feed")
    if mime in ("application/feed+json", "application/json") or content.lstrip()[:1] == b"{":
        return _parse_json_feed(content, feed_url, charset)
    _refuse_entity_declarations(content, feed_url)
    headers = {"content-location": feed_url,
               # feedparser flags any non-XML media type as bozo; feeds served as text/html are common
               # and not malformed, so it sees a neutral XML type with only the charset we know
               "content-type": "application/xml" + (f"; charset={charset}" if charset else "")}
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    reason = _bozo_reason(parsed)
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(feed_url, _not_a_feed_reason(content, reason))
    entries = [_entry(raw, feed_url) for raw in parsed.entries]
    return ParsedFeed(title=_text(parsed.feed.get("title_detail"), parsed.feed.get("title"), one_line=True),
                      entries=entries, bozo=bool(parsed.get("bozo")), bozo_reason=reason)


def _refuse_entity_declarations(content: bytes, feed_url: str) -> None:
    """Refuse XML whose DOCTYPE declares entities: they serve only entity-expansion and XXE attacks."""
    try:
        SafeET.fromstring(content, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return
    except DefusedXmlException as exc:
        raise FeedError(feed_url, f"refused unsafe XML: the DOCTYPE declares entities ({exc}); "
                                  "entity declarations enable billion-laughs and XXE attacks") from None
    except (SafeET.ParseError, ValueError, LookupError):
        pass  # malformed XML: feedparser's lenient parser may still read it; check the prolog by hand
    head = content[:1024 * 1024]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<" in head[:8] or b"<\x00" in head[:8]:
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    subset = re.search(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", head, re.I | re.S)
    if subset and re.search(rb"<!ENTITY", subset.group(1), re.I):
        raise FeedError(feed_url, "refused unsafe XML: the DOCTYPE declares entities; "
                                  "entity declarations enable billion-laughs and XXE attacks")


def _bozo_reason(parsed) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"


def _not_a_feed_reason(content: bytes, reason: str | None) -> str:
    start = content.lstrip()[:512].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return ("an HTML page, not a feed (the site may link its feed from the page head as "
                "<link rel=\"alternate\" type=\"application/rss+xml\">)")
    return "not an RSS, Atom or JSON feed" + (f" ({reason})" if reason else "")


def _entry(raw, feed_url: str) -> FeedEntry:
    base = (raw.get("title_detail") or raw.get("summary_detail") or {}).get("base") or feed_url
    url = _absolute(raw.get("link"), base, feed_url)
    title = _text(raw.get("title_detail"), raw.get("title"), one_line=True)
    summary_detail = raw.get("summary_detail")
    summary_value = raw.get("summary")
    if not summary_value and raw.get("content"):
        summary_detail = raw["content"][0]
        summary_value = summary_detail.get("value")
    summary = _text(summary_detail, summary_value)
    published = None
    for key in ("published", "updated"):
        stamp = raw.get(f"{key}_parsed")
        published = datetime(*stamp[:6]) if stamp else parse_datetime(raw.get(key))
        if published:
            break
    author = _person((raw.get("author_detail") or {}).get("name") or raw.get("author"))
    entry_id = (raw.get("id") or "").strip() or url or _content_id(title, published, summary)
    return FeedEntry(entry_id=entry_id, url=url, title=title, published_at=published, author=author, summary=summary)


def _absolute(link, base: str, feed_url: str) -> str | None:
    if not link or not isinstance(link, str):
        return None
    url = urljoin(urljoin(feed_url, base), link.strip())
    return url if _is_web_url(url) else None


def _text(detail, value, *, one_line: bool = False) -> str | None:
    """Plain text from a feed field: HTML stripped (when the field is HTML), entities decoded,
    whitespace collapsed (line breaks kept between blocks unless ``one_line``)."""
    if not isinstance(value, str):
        return None
    kind = (detail or {}).get("type") or "text/html"
    text = html_to_text(value) if "html" in kind else html.unescape(value)
    if one_line:
        return " ".join(text.split()) or None
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None


def _person(value) -> str | None:
    """"jane@example.com (Jane Doe)" (RSS author) -> "Jane Doe"."""
    if not value:
        return None
    value = " ".join(str(value).split())
    match = re.fullmatch(r"\S+@\S+\s*\((.+)\)", value)
    return (match.group(1).strip() if match else value) or None


def _content_id(title, published, summary) -> str:
    basis = f"{title or ''}|{published.isoformat() if published else ''}|{summary or ''}"
    return "sha256:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment: tags dropped (block tags become line breaks), entities decoded."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))  # unescape again: feeds often double-escape (&amp;amp;)


class _TextParser(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
              "section", "article", "header", "footer", "figure", "figcaption", "pre", "table", "hr"}
    _SKIP = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def _parse_json_feed(content: bytes, feed_url: str, charset: str | None) -> ParsedFeed:
    """JSON Feed 1.x (https://jsonfeed.org/version/1.1), which feedparser 6 does not read."""
    try:
        document = json.loads(content.decode(charset or "utf-8", errors="replace"))
    except (json.JSONDecodeError, LookupError) as exc:
        raise FeedError(feed_url, f"not a feed: invalid JSON ({exc})") from None
    if not isinstance(document, dict) or "jsonfeed.org/version" not in str(document.get("version", "")) \
            or not isinstance(document.get("items"), list):
        raise FeedError(feed_url, "JSON but not a JSON Feed (no 'version' https://jsonfeed.org/version/... and 'items')")
    entries = []
    for item in document["items"]:
        if not isinstance(item, dict):
            continue
        url = _absolute(item.get("url") or item.get("external_url"), feed_url, feed_url)
        summary = _text(None, item.get("summary") or item.get("content_html") or item.get("content_text"))
        title = _text({"type": "text/plain"}, item.get("title"), one_line=True)
        published = parse_datetime(item.get("date_published")) or parse_datetime(item.get("date_modified"))
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        author = ", ".join(a["name"] for a in authors if isinstance(a, dict) and a.get("name")) or None
        entry_id = str(item.get("id") or "").strip() or url or _content_id(title, published, summary)
        entries.append(FeedEntry(entry_id, url, title, published, author, summary))
    return ParsedFeed(title=_text({"type": "text/plain"}, document.get("title"), one_line=True), entries=entries,
                      bozo=False, bozo_reason=None)
