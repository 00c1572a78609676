"""Watch benchmark: a local news site with one feed of N article pages, polled twice.

    uv run python -m bench.watch              # 1,000 pages
    uv run python -m bench.watch --pages 200

Pass 1 fetches, extracts and loads every page (articles/s). Pass 2 changes nothing on the site:
every request should be conditional and answered 304, so it reports its time, bytes read and the
requests the server saw. The site runs on 127.0.0.1 in this process (a threaded http.server);
the flow is the real Prefect flow on the ephemeral API, with the per-host delay set to 0 and 8
concurrent requests (politeness settings for a site we own).
"""

import argparse
import hashlib
import os
import random
import tempfile
import threading
import time
from collections import Counter
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.newsgen import OUTLETS, make_events, write_report


class Site:
    def __init__(self, pages: int, seed: int = 3):
        rng = random.Random(seed)
        events = make_events(max(1, pages // 2), rng)
        self.pages = {}
        for n in range(pages):
            report = write_report(events[n % len(events)], OUTLETS[n % len(OUTLETS)], rng, f"p{n}")
            body = "".join(f"<p>{p}</p>\n" for p in report.paragraphs)
            self.pages[f"/a/{n}"] = (f"<html><head><title>{report.title}</title></head><body><nav>Home | World</nav>"
                                     f"<article><h1>{report.title}</h1>\n{body}</article>"
                                     f"<footer>Copyright Bench News</footer></body></html>").encode()
        self.stats: Counter = Counter()
        self.bytes_sent = 0
        self._lock = threading.Lock()

    def feed(self, base: str) -> bytes:
        start = datetime(2025, 11, 20, tzinfo=timezone.utc)
        items = "".join(
            f"<item><title>Story {n}</title><link>{base}/a/{n}</link><guid>story-{n}</guid>"
            f"<pubDate>{format_datetime(start + timedelta(minutes=n))}</pubDate></item>"
            for n in range(len(self.pages)))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{items}</channel></rss>'.encode()

    def count(self, status: int, sent: int) -> None:
        with self._lock:
            self.stats[status] += 1
            self.bytes_sent += sent


def serve(site: Site) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out without a delayed-ACK stall

        def do_GET(self):
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/feed.xml":
                body, kind = site.feed(base), "application/rss+xml"
            elif self.path in site.pages:
                body, kind = site.pages[self.path], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                site.count(404, 0)
                return
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                site.count(304, 0)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            site.count(200, len(body))

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    os.environ.update({"ARTICLEWATCH_ALLOW_PRIVATE_HOSTS": "1", "ARTICLEWATCH_HOST_DELAY": "0",
                       "ARTICLEWATCH_HOST_CONCURRENCY": "8", "ARTICLEWATCH_FETCH_WORKERS": "8"})
    import flows  # noqa: F401  (quiet Prefect defaults)
    from flows.watch import watch

    from prefect import flow

    @flow(name="bench-warm-up")
    def warm_up() -> None:
        """Starts Prefect's ephemeral API, so the passes below time the watch flow alone."""

    started = time.perf_counter()
    warm_up()
    print(f"Prefect ephemeral API start-up (not counted below): {time.perf_counter() - started:.1f} s")
    site = Site(args.pages)
    server, base = serve(site)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ARTICLEWATCH_DATA"] = str(Path(tmp) / "raw")
        feeds = Path(tmp) / "feeds.toml"
        feeds.write_text(f'[[feed]]\nname = "bench"\nurl = "{base}/feed.xml"\ninterval = 5\n')
        db = str(Path(tmp) / "watch.duckdb")
        for label in ("first pass", "second pass (nothing changed)"):
            site.stats.clear()
            site.bytes_sent = 0
            started = time.perf_counter()
            summary = watch(feeds=str(feeds), db=db)
            elapsed = time.perf_counter() - started
            loaded = summary["statuses"].get("loaded", 0) + summary["statuses"].get("near_duplicate", 0)
            print(f"{label}: {elapsed:.1f} s for {args.pages} pages ({loaded / elapsed:.1f} articles/s loaded); "
                  f"server saw {sum(site.stats.values())} requests {dict(sorted(site.stats.items()))}, "
                  f"sent {site.bytes_sent:,} body bytes; client read {summary['bytes_read']:,} bytes; "
                  f"statuses {summary['statuses']}")
    server.shutdown()


if __name__ == "__main__":
    main()
