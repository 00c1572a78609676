"""The one HTTP client: polite, bounded, SSRF-guarded fetching of pages and feeds.

``Fetcher.fetch(url)`` returns the body bytes and metadata of one URL or raises a typed
``FetchError`` whose ``item`` is the URL asked for. Every request has explicit timeouts and a size
cap; every redirect hop is checked by the address guard and robots.txt; 429/5xx and connection
failures are retried with exponential backoff (honouring Retry-After); requests to one host are
limited in number and spaced in time (Crawl-delay raises the spacing). Decoding the body is the
caller's job (``pipeline.decode.decode_bytes`` with ``result.charset``).
"""

import email.utils
import os
import ssl
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx
from protego import Protego

import pipeline

from .netguard import (BlockedAddress, ConnectionFailed, FetchError, check_url, guarded_transport)

__all__ = ["USER_AGENT", "FetchSettings", "Validators", "FetchResult", "Fetcher", "FetchError",
           "BlockedAddress", "RobotsDisallowed", "TooLarge", "UnsupportedContentType", "HTTPStatusError",
           "TooManyRedirects", "FetchTimeout", "ConnectionFailed"]

USER_AGENT = f"articlewatch/{pipeline.__version__} (+https://github.com/articlewatch/articlewatch)"

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = PAGE_TYPES | {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                           "application/rdf+xml", "application/feed+json", "application/json"}
_ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.9,"
            "text/xml;q=0.9,application/feed+json;q=0.8,text/html;q=0.2,*/*;q=0.1",
}
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/", "model/")
_BINARY_TYPES = frozenset({
    "application/pdf", "application/octet-stream", "application/zip", "application/gzip",
    "application/x-gzip", "application/x-tar", "application/x-7z-compressed", "application/x-rar-compressed",
    "application/vnd.rar", "application/x-bzip2", "application/x-xz", "application/wasm",
    "application/x-shockwave-flash", "application/msword", "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint", "application/x-msdownload", "application/java-archive",
    "application/epub+zip", "application/postscript",
})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512 * 1024   # RFC 9309 asks parsers to read at least 500 KiB
_ROBOTS_TTL = 24 * 3600.0        # RFC 9309: cache robots.txt for up to 24 hours
_MAX_CRAWL_DELAY = 60.0          # a robots.txt may slow us down, but not stall a worker for ever


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0         # wall-clock cap per request including body streaming
    max_bytes: int = 10 * 1024 * 1024   # streamed (after Content-Encoding); past it -> TooLarge
    max_redirects: int = 5              # each hop re-checked by the guard and robots
    retries: int = 3                    # on 429 / 5xx / connect errors; Retry-After honoured
    backoff_base: float = 0.5
    max_backoff: float = 30.0
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0         # min seconds between request starts to one host
    allow_private: bool = False         # from_env: also true when ARTICLEWATCH_ALLOW_PRIVATE_HOSTS=1
    respect_robots: bool = True
    user_agent: str = USER_AGENT
    allow_hosts: frozenset[str] = field(default_factory=frozenset)  # trusted "host" / "host:port", even if private

    @classmethod
    def from_env(cls, **overrides) -> "FetchSettings":
        """Defaults, then ARTICLEWATCH_ALLOW_PRIVATE_HOSTS / ARTICLEWATCH_MAX_BYTES, then ``overrides``."""
        values: dict = {}
        if os.environ.get("ARTICLEWATCH_ALLOW_PRIVATE_HOSTS", "").strip().lower() in ("1", "true", "yes", "on"):
            values["allow_private"] = True
        max_bytes = os.environ.get("ARTICLEWATCH_MAX_BYTES", "").strip()
        if max_bytes:
            try:
                values["max_bytes"] = int(max_bytes)
            except ValueError:
                raise ValueError(f"ARTICLEWATCH_MAX_BYTES must be a whole number of bytes, not {max_bytes!r}") from None
        values.update(overrides)
        if "allow_hosts" in values:
            values["allow_hosts"] = frozenset(values["allow_hosts"])
        return cls(**values)


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchResult:
    url: str                 # as requested
    final_url: str           # after redirects
    status: int              # 200 (any 2xx), or 304 when not_modified
    not_modified: bool
    content: bytes           # b"" when not_modified; Content-Encoding (gzip...) already removed
    content_type: str        # e.g. "text/html" ("" when the server sent none)
    charset: str | None      # from the Content-Type header
    validators: Validators   # from ETag / Last-Modified of this response (or the ones sent, on 304)
    headers: dict[str, str]  # lower-case names, as received
    fetched_at: datetime     # naive UTC
    redirects: list[str]     # hop URLs after the first (the last one is final_url)
    bytes_read: int
    attempts: int            # HTTP requests sent: every hop and retry (robots.txt not counted)


class RobotsDisallowed(FetchError):
    """robots.txt of the host disallows the URL for our user agent."""


class TooLarge(FetchError):
    def __init__(self, item: str, reason: str, *, limit: int, bytes_read: int):
        super().__init__(item, reason)
        self.limit = limit
        self.bytes_read = bytes_read


class UnsupportedContentType(FetchError):
    """PDF, images, audio/video, octet-stream or another binary (or, for pages, non-HTML) type."""

    def __init__(self, item: str, reason: str, *, content_type: str = ""):
        super().__init__(item, reason)
        self.content_type = content_type


class HTTPStatusError(FetchError):
    def __init__(self, item: str, reason: str, *, status: int):
        super().__init__(item, reason)
        self.status = status


class TooManyRedirects(FetchError):
    """More than max_redirects hops, or a redirect loop."""


class FetchTimeout(FetchError):
    """Connect, read or total (wall-clock) timeout."""


class Fetcher:
    """One httpx client shared by all threads, with per-host politeness and a robots.txt cache."""

    def __init__(self, settings: FetchSettings | None = None, *, sleep=time.sleep):
        self.settings = settings if settings is not None else FetchSettings.from_env()
        self._sleep = sleep
        s = self.settings
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30.0)
        self._client = httpx.Client(
            transport=guarded_transport(allow_private=s.allow_private, allow_hosts=s.allow_hosts, limits=limits),
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                  pool=s.connect_timeout),
            follow_redirects=False,  # we follow them ourselves so every hop is guarded
            trust_env=False,         # no env proxies or .netrc: they would bypass the guard
            headers={"User-Agent": s.user_agent},
        )
        self._robots_token = s.user_agent.split("/", 1)[0].strip() or s.user_agent
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}

    def fetch(self, url: str, validators: Validators | None = None, *, kind: str = "page") -> FetchResult:
        """GET ``url`` (following redirects) and return its body; raise a FetchError subclass otherwise."""
        if kind not in _ACCEPT:
            raise ValueError(f"kind must be 'page' or 'feed', not {kind!r}")
        headers = {"Accept": _ACCEPT[kind]}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        hop, redirects, seen, attempts = url, [], {_without_fragment(url)}, 0
        while True:
            self._check(url, hop)
            if self.settings.respect_robots:
                self._check_robots(url, hop)
            outcome, hop_attempts = self._get(url, hop, headers, kind)
            attempts += hop_attempts
            if isinstance(outcome, _Redirect):
                target = outcome.location
                if _without_fragment(target) in seen:
                    chain = " -> ".join([url, *redirects, target])
                    raise TooManyRedirects(url, f"redirect loop: {chain}")
                if len(redirects) >= self.settings.max_redirects:
                    raise TooManyRedirects(url, f"more than {self.settings.max_redirects} redirects "
                                                f"(last: {hop} -> {target})")
                seen.add(_without_fragment(target))
                redirects.append(target)
                hop = target
                continue
            response: _Response = outcome
            sent = validators or Validators()
            got = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
            if response.status == 304:
                got = Validators(got.etag or sent.etag, got.last_modified or sent.last_modified)
            return FetchResult(
                url=url, final_url=hop, status=response.status, not_modified=response.status == 304,
                content=response.content, content_type=response.content_type, charset=response.charset,
                validators=got, headers=response.headers, fetched_at=response.fetched_at,
                redirects=redirects, bytes_read=len(response.content), attempts=attempts,
            )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- one hop, with retries ---------------------------------------------------------------

    def _get(self, item: str, hop: str, headers: dict, kind: str):
        s = self.settings
        attempts = 0
        while True:
            attempts += 1
            retry_after = None
            try:
                with self._open(item, hop, headers) as (response, deadline):
                    if _retryable_status(response.status_code) and attempts <= s.retries:
                        retry_after = response.headers.get("retry-after")
                    elif _retryable_status(response.status_code):
                        raise HTTPStatusError(item, f"HTTP {response.status_code} {response.reason_phrase} "
                                                    f"from {hop} after {attempts} attempts",
                                              status=response.status_code)
                    else:
                        return self._handle(item, hop, response, deadline, kind), attempts
            except httpx.HTTPError as exc:
                error, retryable = _transport_error(exc, item, hop)
                if not retryable or attempts > s.retries:
                    if attempts > 1:
                        error = type(error)(item, f"{error.reason} (after {attempts} attempts)")
                    raise error from None
            self._sleep(self._backoff(attempts, retry_after))

    def _handle(self, item: str, hop: str, response: httpx.Response, deadline: float, kind: str):
        status = response.status_code
        if status in _REDIRECTS and response.headers.get("location"):
            try:
                return _Redirect(str(response.url.join(response.headers["location"])))
            except httpx.InvalidURL as exc:
                raise FetchError(item, f"{hop} redirects to an invalid URL: {exc}") from None
        fetched_at = datetime.now(timezone.utc).replace(tzinfo=None)
        headers = dict(response.headers)
        content_type, charset = _parse_content_type(response.headers.get("content-type", ""))
        if status == 304:
            return _Response(304, headers, b"", content_type, charset, fetched_at)
        if not 200 <= status < 300:
            raise HTTPStatusError(item, f"HTTP {status} {response.reason_phrase} from {hop}", status=status)
        _check_content_type(item, hop, content_type, kind)
        content = self._read_body(item, hop, response, deadline, self.settings.max_bytes)
        return _Response(status, headers, content, content_type, charset, fetched_at)

    def _read_body(self, item: str, hop: str, response: httpx.Response, deadline: float, limit: int, *,
                   truncate: bool = False) -> bytes:
        """Stream the body, stopping past ``limit`` bytes (TooLarge, or truncated) or the wall-clock cap."""
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > limit and not response.headers.get("content-encoding"):
            raise TooLarge(item, f"{hop} declares {int(declared):,} bytes, over the {limit:,}-byte cap "
                                 "(ARTICLEWATCH_MAX_BYTES)", limit=limit, bytes_read=0)
        chunks, total = [], 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > limit:
                if truncate:
                    chunks.append(chunk[: len(chunk) - (total - limit)])
                    break
                raise TooLarge(item, f"{hop} sent more than the {limit:,}-byte cap (ARTICLEWATCH_MAX_BYTES); "
                                     f"stopped after {total:,} bytes", limit=limit, bytes_read=total)
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchTimeout(item, f"{hop} took longer than {self.settings.total_timeout:g} s "
                                         f"(total_timeout); {total:,} bytes read")
        return b"".join(chunks)

    @contextmanager
    def _open(self, item: str, hop: str, headers: dict):
        """One request to ``hop`` inside the host's concurrency slot, after its politeness delay.

        Yields the streaming response and the wall-clock deadline for reading it.
        """
        host = self._host(hop)
        with host.slots:
            self._wait_turn(host)
            request = self._client.build_request("GET", hop, headers=headers)
            started = time.monotonic()
            try:
                response = self._client.send(request, stream=True)
            except FetchError as exc:  # raised by the guard inside the transport
                raise type(exc)(item, exc.reason if hop == item else f"{hop}: {exc.reason}") from None
            try:
                yield response, started + self.settings.total_timeout
            finally:
                response.close()

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        s = self.settings
        delay = _parse_retry_after(retry_after)
        if delay is None:
            delay = s.backoff_base * (2 ** (attempt - 1))
        return max(0.0, min(s.max_backoff, delay))

    # -- guard, politeness, robots ------------------------------------------------------------

    def _check(self, item: str, hop: str) -> None:
        try:
            check_url(hop, allow_private=self.settings.allow_private, allow_hosts=self.settings.allow_hosts)
        except FetchError as exc:
            if hop != item:
                raise type(exc)(item, f"redirect to {hop} refused: {exc.reason}") from None
            raise type(exc)(item, exc.reason) from None

    def _host(self, url: str) -> "_Host":
        key = _origin(url)
        with self._lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(threading.BoundedSemaphore(max(1, self.settings.per_host_concurrency)),
                                                delay=self.settings.per_host_delay)
            return host

    def _wait_turn(self, host: "_Host") -> None:
        """Reserve the next start slot of the host (request starts at least ``delay`` apart) and wait for it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + host.delay
        if start > now:
            self._sleep(start - now)

    def _check_robots(self, item: str, hop: str) -> None:
        host = self._host(hop)
        with host.robots_lock:
            if host.robots_loaded_at is None or time.monotonic() - host.robots_loaded_at > _ROBOTS_TTL:
                host.robots = self._load_robots(hop, host)
                host.robots_loaded_at = time.monotonic()
            rules = host.robots
        if rules is not None and not rules.can_fetch(hop, self._robots_token):
            raise RobotsDisallowed(item, f"robots.txt of {_origin(hop)} disallows {hop} for {self._robots_token}")

    def _load_robots(self, page: str, host: "_Host") -> Protego | None:
        """Rules of the page's host; None (allow all) for 4xx, 5xx, unreachable or refused robots.txt."""
        robots_url = _origin(page) + "/robots.txt"
        hop = robots_url
        for _ in range(self.settings.max_redirects + 1):
            try:
                self._check(robots_url, hop)
                with self._open(robots_url, hop, {"Accept": "text/plain,*/*;q=0.1"}) as (response, deadline):
                    if response.status_code in _REDIRECTS and response.headers.get("location"):
                        hop = str(response.url.join(response.headers["location"]))
                        continue
                    if response.status_code != 200:
                        return None
                    limit = min(self.settings.max_bytes, _ROBOTS_MAX_BYTES)
                    body = self._read_body(robots_url, hop, response, deadline, limit, truncate=True)
            except (FetchError, httpx.HTTPError):
                return None
            try:
                rules = Protego.parse(body.decode("utf-8", errors="replace"))
                delay = rules.crawl_delay(self._robots_token)
            except Exception:  # a robots.txt we cannot parse does not stop us (RFC 9309 §2.2.2)
                return None
            if delay:
                with self._lock:
                    host.delay = max(self.settings.per_host_delay, min(float(delay), _MAX_CRAWL_DELAY))
            return rules
        return None


@dataclass
class _Host:
    slots: threading.BoundedSemaphore
    delay: float
    next_start: float = 0.0
    robots: Protego | None = None
    robots_loaded_at: float | None = None
    robots_lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class _Redirect:
    location: str


@dataclass
class _Response:
    status: int
    headers: dict[str, str]
    content: bytes
    content_type: str
    charset: str | None
    fetched_at: datetime


def _retryable_status(status: int) -> bool:
    return status == 429 or (500 <= status < 600 and status not in (501, 505))


def _transport_error(exc: httpx.HTTPError, item: str, hop: str) -> tuple[FetchError, bool]:
    """The FetchError for an httpx failure, and whether another attempt may help."""
    where = hop if hop == item else f"{hop} (redirected from {item})"
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchTimeout(item, f"connecting to {where} timed out"), True
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(item, f"{where} did not answer in time ({type(exc).__name__}: read_timeout)"), False
    if isinstance(exc, httpx.DecodingError):
        return FetchError(item, f"{where} sent a body that cannot be decoded: {exc}"), False
    if isinstance(exc, httpx.UnsupportedProtocol):
        return BlockedAddress(item, f"{where}: {exc}"), False
    tls = _find_cause(exc, ssl.SSLError)
    if tls is not None:
        return ConnectionFailed(item, f"TLS error with {where}: {tls}"), False
    return ConnectionFailed(item, f"cannot connect to {where}: {exc or type(exc).__name__}"), True


def _find_cause(exc: BaseException, kind: type) -> BaseException | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, kind):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _parse_content_type(header: str) -> tuple[str, str | None]:
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("\"'"):
            charset = value.strip().strip("\"'")
    return mime.strip().lower(), charset


def _check_content_type(item: str, hop: str, content_type: str, kind: str) -> None:
    """Pages must be HTML or plain text; feeds anything but clearly binary types (feeds are often mislabelled)."""
    if not content_type:
        return  # no header: let decoding decide
    binary = content_type in _BINARY_TYPES or content_type.startswith(_BINARY_PREFIXES)
    if kind == "page" and content_type not in PAGE_TYPES or kind == "feed" and binary:
        raise UnsupportedContentType(item, f"{hop} is {content_type}, not a {'web page' if kind == 'page' else 'feed'}",
                                     content_type=content_type)


def _origin(url: str) -> str:
    parsed = httpx.URL(url)
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme, 0)
    host = parsed.raw_host.decode("ascii")
    return f"{parsed.scheme}://{'[' + host + ']' if ':' in host else host}:{port}"


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]
