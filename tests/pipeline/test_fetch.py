"""The fetcher against a real HTTP server on 127.0.0.1 (pytest-httpserver); time is faked only for sleeps."""

import gzip
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from werkzeug import Request, Response

from pipeline.decode import decode_bytes
from pipeline.fetch import (USER_AGENT, BlockedAddress, ConnectionFailed, Fetcher, FetchError, FetchSettings,
                            FetchTimeout, HTTPStatusError, RobotsDisallowed, TooLarge, TooManyRedirects,
                            UnsupportedContentType, Validators, _parse_retry_after)

HTML = "<html><head><title>Hi</title></head><body><p>Hello</p></body></html>"



class FakeSleep:
    """Records the waits the fetcher asks for instead of waiting."""

    def __init__(self):
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleep():
    return FakeSleep()


@pytest.fixture
def make_fetcher(sleep):
    made = []

    def make(**overrides):
        values = dict(allow_private=True, respect_robots=False, per_host_delay=0.0)
        values.update(overrides)
        fetcher = Fetcher(FetchSettings(**values), sleep=sleep)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


def paths(server) -> list[str]:
    return [request.path for request, _ in server.log]


# -- success, headers, validators -------------------------------------------------------------

def test_fetch_page(server, make_fetcher):
    server.expect_request("/a").respond_with_data(HTML, content_type="text/html; charset=utf-8",
                                                   headers={"ETag": '"v1"'})
    result = make_fetcher().fetch(server.url_for("/a"))
    assert result.status == 200 and not result.not_modified
    assert result.content == HTML.encode()
    assert result.content_type == "text/html" and result.charset == "utf-8"
    assert result.validators == Validators(etag='"v1"', last_modified=None)
    assert result.final_url == result.url == server.url_for("/a")
    assert result.redirects == [] and result.attempts == 1 and result.bytes_read == len(HTML)
    assert result.fetched_at.tzinfo is None
    assert abs(result.fetched_at - datetime.now(timezone.utc).replace(tzinfo=None)) < timedelta(minutes=1)
    request = server.log[0][0]
    assert request.headers["User-Agent"] == USER_AGENT
    assert "text/html" in request.headers["Accept"]


def test_gzip_body_is_decoded(server, make_fetcher):
    server.expect_request("/z").respond_with_data(gzip.compress(HTML.encode()), content_type="text/html",
                                                   headers={"Content-Encoding": "gzip"})
    assert make_fetcher().fetch(server.url_for("/z")).content == HTML.encode()


def test_304_with_etag_and_last_modified(server, make_fetcher):
    stamp = "Wed, 21 Oct 2015 07:28:00 GMT"

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"' and request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response("<rss/>", content_type="application/rss+xml", headers={"ETag": '"v1"', "Last-Modified": stamp})

    server.expect_request("/feed").respond_with_handler(handler)
    fetcher = make_fetcher()
    first = fetcher.fetch(server.url_for("/feed"), kind="feed")
    assert first.status == 200 and first.validators == Validators('"v1"', stamp)
    second = fetcher.fetch(server.url_for("/feed"), first.validators, kind="feed")
    assert second.not_modified and second.status == 304 and second.content == b""
    assert second.validators == first.validators  # kept from the request when the 304 omits them


# -- statuses and retries ------------------------------------------------------------------------

def test_404_fails_at_once(server, make_fetcher, sleep):
    server.expect_request("/gone").respond_with_data("no", status=404)
    with pytest.raises(HTTPStatusError) as info:
        make_fetcher().fetch(server.url_for("/gone"))
    assert info.value.status == 404 and info.value.item == server.url_for("/gone")
    assert info.value.stage == "fetch" and "404" in info.value.reason
    assert paths(server) == ["/gone"] and sleep.calls == []


def test_500_then_success_is_retried(server, make_fetcher, sleep):
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    server.expect_request("/flaky").respond_with_data(HTML, content_type="text/html")
    result = make_fetcher(backoff_base=0.5).fetch(server.url_for("/flaky"))
    assert result.status == 200 and result.attempts == 2
    assert sleep.calls == [0.5]


def test_5xx_gives_up_after_retries_with_exponential_backoff(server, make_fetcher, sleep):
    server.expect_request("/down").respond_with_data("down", status=503)
    with pytest.raises(HTTPStatusError) as info:
        make_fetcher(retries=3, backoff_base=0.5, max_backoff=1.5).fetch(server.url_for("/down"))
    assert info.value.status == 503 and "4 attempts" in info.value.reason
    assert sleep.calls == [0.5, 1.0, 1.5]  # 0.5 * 2**n, capped by max_backoff
    assert len(server.log) == 4


def test_429_honours_retry_after(server, make_fetcher, sleep):
    server.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "7"})
    server.expect_request("/busy").respond_with_data(HTML, content_type="text/html")
    result = make_fetcher().fetch(server.url_for("/busy"))
    assert result.status == 200 and result.attempts == 2
    assert sleep.calls == [7.0]


def test_retry_after_is_capped_by_max_backoff(server, make_fetcher, sleep):
    server.expect_oneshot_request("/busy").respond_with_data("", status=503, headers={"Retry-After": "3600"})
    server.expect_request("/busy").respond_with_data(HTML, content_type="text/html")
    make_fetcher(max_backoff=30.0).fetch(server.url_for("/busy"))
    assert sleep.calls == [30.0]


def test_retry_after_http_date():
    when = datetime.now(timezone.utc) + timedelta(seconds=120)
    assert 110 <= _parse_retry_after(format_datetime(when, usegmt=True)) <= 120
    assert _parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _parse_retry_after("soon") is None and _parse_retry_after(None) is None


def test_connection_refused_is_retried_then_fails(make_fetcher, sleep):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConnectionFailed) as info:
        make_fetcher(retries=2, backoff_base=0.25).fetch(f"http://127.0.0.1:{port}/")
    assert "3 attempts" in info.value.reason
    assert sleep.calls == [0.25, 0.5]


# -- timeouts and size caps ------------------------------------------------------------------------

def test_stalled_server_times_out(server, make_fetcher, sleep):
    release = threading.Event()

    def stall(request: Request) -> Response:
        release.wait(5)
        return Response(HTML, content_type="text/html")

    server.expect_request("/stall").respond_with_handler(stall)
    started = time.monotonic()
    try:
        with pytest.raises(FetchTimeout) as info:
            make_fetcher(read_timeout=0.5).fetch(server.url_for("/stall"))
    finally:
        release.set()
    assert time.monotonic() - started < 2.0
    assert sleep.calls == []  # a read timeout is not retried
    assert info.value.item == server.url_for("/stall")


def test_slow_drip_body_hits_total_timeout(server, make_fetcher):
    def drip():
        for _ in range(20):
            yield b"<p>" + b"x" * 100 + b"</p>"
            time.sleep(0.15)

    server.expect_request("/drip").respond_with_response(Response(drip(), content_type="text/html"))
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="total_timeout"):
        make_fetcher(read_timeout=1.0, total_timeout=0.5).fetch(server.url_for("/drip"))
    assert time.monotonic() - started < 1.5


def test_50_mb_body_stops_at_the_cap(server, make_fetcher):
    chunk = b"<p>" + b"a" * (64 * 1024 - 7) + b"</p>"

    def body():  # 50 MB, produced lazily and sent chunked (no Content-Length)
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            yield chunk

    server.expect_request("/huge").respond_with_response(Response(body(), content_type="text/html"))
    cap = 1024 * 1024
    with pytest.raises(TooLarge) as info:
        make_fetcher(max_bytes=cap).fetch(server.url_for("/huge"))
    assert info.value.limit == cap
    assert cap < info.value.bytes_read <= cap + 256 * 1024


def test_declared_content_length_over_cap_is_refused_unread(server, make_fetcher):
    server.expect_request("/big").respond_with_data(b"x" * 5000, content_type="text/html")
    with pytest.raises(TooLarge) as info:
        make_fetcher(max_bytes=1000).fetch(server.url_for("/big"))
    assert info.value.bytes_read == 0


# -- content types and charsets ------------------------------------------------------------------

def test_pdf_is_unsupported(server, make_fetcher):
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", content_type="application/pdf")
    fetcher = make_fetcher()
    for kind in ("page", "feed"):
        with pytest.raises(UnsupportedContentType, match="application/pdf"):
            fetcher.fetch(server.url_for("/doc.pdf"), kind=kind)


@pytest.mark.parametrize("content_type", ["image/png", "video/mp4", "audio/mpeg", "application/octet-stream"])
def test_binary_types_are_unsupported_for_feeds(server, make_fetcher, content_type):
    server.expect_request("/bin").respond_with_data(b"\x00\x01", content_type=content_type)
    with pytest.raises(UnsupportedContentType):
        make_fetcher().fetch(server.url_for("/bin"), kind="feed")


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/atom+xml", "text/xml",
                                          "application/xml", "text/html", "text/plain", "application/feed+json"])
def test_feeds_accept_xml_and_mislabelled_types(server, make_fetcher, content_type):
    server.expect_request("/feed").respond_with_data(b"<rss/>", content_type=content_type)
    assert make_fetcher().fetch(server.url_for("/feed"), kind="feed").content_type == content_type


def test_pages_must_be_html_or_text(server, make_fetcher):
    server.expect_request("/data").respond_with_data(b"{}", content_type="application/json")
    with pytest.raises(UnsupportedContentType):
        make_fetcher().fetch(server.url_for("/data"))


def test_wrong_charset_header(server, make_fetcher):
    """The fetcher reports the header charset and never re-encodes the body; decode_bytes then lets the
    header win while it decodes to plausible text, and falls back (UTF-8, then Windows-1252) when it fails."""
    cp1252_body = "<p>\u201cCaf\u00e9\u201d \u2013 the mayor said.</p>".encode("cp1252")
    server.expect_request("/declared-utf8").respond_with_data(cp1252_body, content_type="text/html; charset=utf-8")
    latin1_body = "<p>Caf\u00e9 cr\u00e8me</p>".encode("latin-1")
    server.expect_request("/latin1").respond_with_data(latin1_body, content_type='text/html; charset="ISO-8859-1"')
    fetcher = make_fetcher()

    result = fetcher.fetch(server.url_for("/declared-utf8"))
    assert result.charset == "utf-8" and result.content == cp1252_body
    text, encoding = decode_bytes(result.content, result.charset, html=True)
    assert encoding == "cp1252" and "\u201cCaf\u00e9\u201d \u2013" in text   # header failed: fallback

    result = fetcher.fetch(server.url_for("/latin1"))
    assert result.charset == "ISO-8859-1"
    text, encoding = decode_bytes(result.content, result.charset, html=True)
    assert encoding == "cp1252" and "Caf\u00e9 cr\u00e8me" in text           # Latin-1 label read as Windows-1252, as browsers do


# -- redirects ----------------------------------------------------------------------------------

def test_redirects_are_followed(server, make_fetcher):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/mid"})
    server.expect_request("/mid").respond_with_data("", status=302, headers={"Location": server.url_for("/new")})
    server.expect_request("/new").respond_with_data(HTML, content_type="text/html")
    result = make_fetcher().fetch(server.url_for("/old"))
    assert result.url == server.url_for("/old") and result.final_url == server.url_for("/new")
    assert result.redirects == [server.url_for("/mid"), server.url_for("/new")]
    assert result.attempts == 3  # one request per hop


def test_redirect_loop(server, make_fetcher):
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(TooManyRedirects, match="loop"):
        make_fetcher().fetch(server.url_for("/a"))
    assert paths(server) == ["/a", "/b"]


def test_redirects_capped_at_max_redirects(server, make_fetcher):
    for n in range(10):
        server.expect_request(f"/r{n}").respond_with_data("", status=307, headers={"Location": f"/r{n + 1}"})
    with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
        make_fetcher(max_redirects=3).fetch(server.url_for("/r0"))
    assert paths(server) == ["/r0", "/r1", "/r2", "/r3"]


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                                    "http://localhost:{port}/secret", "http://[::1]:{port}/", "file:///etc/passwd"])
def test_redirect_to_a_blocked_address_is_refused(server, make_fetcher, target):
    """The guard is on (allow_private=False); only the test server's own host:port is trusted."""
    target = target.format(port=server.port)
    server.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    server.expect_request("/secret").respond_with_data("secret")
    fetcher = make_fetcher(allow_private=False, allow_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    with pytest.raises(BlockedAddress) as info:
        fetcher.fetch(server.url_for("/go"))
    assert info.value.item == server.url_for("/go")
    assert "redirect to" in info.value.reason
    assert paths(server) == ["/go"]  # the first hop was fetched, the blocked one never


def test_guard_on_blocks_loopback_before_connecting(server, make_fetcher):
    server.expect_request("/").respond_with_data("secret")
    with pytest.raises(BlockedAddress, match="not public"):
        make_fetcher(allow_private=False).fetch(server.url_for("/"))
    assert server.log == []


def test_file_url_refused(make_fetcher):
    with pytest.raises(BlockedAddress, match="scheme 'file'"):
        make_fetcher().fetch("file:///etc/passwd")


def test_env_settings(monkeypatch):
    monkeypatch.setenv("ARTICLEWATCH_ALLOW_PRIVATE_HOSTS", "1")
    monkeypatch.setenv("ARTICLEWATCH_MAX_BYTES", "12345")
    settings = FetchSettings.from_env(retries=0)
    assert settings.allow_private and settings.max_bytes == 12345 and settings.retries == 0
    monkeypatch.delenv("ARTICLEWATCH_ALLOW_PRIVATE_HOSTS")
    assert not FetchSettings.from_env().allow_private


# -- robots.txt and politeness ----------------------------------------------------------------

def test_robots_disallow(server, make_fetcher):
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n\nUser-agent: articlewatch\nDisallow: /no-bots/\n",
        content_type="text/plain")
    server.expect_request("/ok").respond_with_data(HTML, content_type="text/html")
    server.expect_request("/private/story").respond_with_data(HTML, content_type="text/html")
    fetcher = make_fetcher(respect_robots=True)
    with pytest.raises(RobotsDisallowed, match="robots.txt"):
        fetcher.fetch(server.url_for("/no-bots/story"))
    assert fetcher.fetch(server.url_for("/ok")).status == 200
    # our own group applies instead of "*" (RFC 9309), so /private/ is allowed for us
    assert fetcher.fetch(server.url_for("/private/story")).status == 200
    assert paths(server).count("/robots.txt") == 1  # cached per host
    assert "/no-bots/story" not in paths(server)


@pytest.mark.parametrize("status", [404, 403, 500, 503])
def test_unavailable_robots_allows_all(server, make_fetcher, status):
    server.expect_request("/robots.txt").respond_with_data("", status=status)
    server.expect_request("/page").respond_with_data(HTML, content_type="text/html")
    assert make_fetcher(respect_robots=True, retries=0).fetch(server.url_for("/page")).status == 200


def test_robots_checked_on_redirect_hop(server, make_fetcher):
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /hidden\n")
    server.expect_request("/open").respond_with_data("", status=302, headers={"Location": "/hidden/x"})
    with pytest.raises(RobotsDisallowed):
        make_fetcher(respect_robots=True).fetch(server.url_for("/open"))
    assert "/hidden/x" not in paths(server)


def test_crawl_delay_raises_per_host_delay(server, make_fetcher, sleep):
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 4\n")
    server.expect_request("/p").respond_with_data(HTML, content_type="text/html")
    fetcher = make_fetcher(respect_robots=True, per_host_delay=0.5)
    fetcher.fetch(server.url_for("/p"))
    fetcher.fetch(server.url_for("/p"))
    # the fake sleep does not move the clock, so each wait is measured from the robots.txt request:
    # robots -> first page 0.5 s (per_host_delay, before the rules were known), then 4 s more (Crawl-delay)
    assert len(sleep.calls) == 2
    assert 0.4 < sleep.calls[0] <= 0.5 and 3.9 < sleep.calls[1] - sleep.calls[0] <= 4.0


def test_per_host_delay_spaces_requests(server, make_fetcher, sleep):
    server.expect_request("/p").respond_with_data(HTML, content_type="text/html")
    fetcher = make_fetcher(per_host_delay=2.0)
    fetcher.fetch(server.url_for("/p"))
    assert sleep.calls == []
    fetcher.fetch(server.url_for("/p"))
    assert len(sleep.calls) == 1 and 1.5 < sleep.calls[0] <= 2.0


def test_per_host_concurrency_from_threads(server):
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def handler(request: Request) -> Response:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return Response(HTML, content_type="text/html")

    server.expect_request("/c").respond_with_handler(handler)
    settings = FetchSettings(allow_private=True, respect_robots=False, per_host_delay=0.0, per_host_concurrency=2)
    with Fetcher(settings) as fetcher, ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: fetcher.fetch(server.url_for("/c")), range(8)))
    assert all(r.status == 200 for r in results)
    assert state["max"] == 2


def test_errors_are_item_errors(server, make_fetcher):
    server.expect_request("/x").respond_with_data("no", status=410)
    with pytest.raises(FetchError) as info:
        make_fetcher().fetch(server.url_for("/x"))
    assert str(info.value).startswith(server.url_for("/x") + ": ")
