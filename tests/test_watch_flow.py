"""The watch flow end to end: real feeds and pages served on 127.0.0.1, real Prefect runs, real DuckDB."""

import pytest
from werkzeug import Response

from flows.watch import watch
from warehouse.raw import read_raw

from conftest import assert_natural_keys_unique, query, table_counts

ARTICLE = """<html><head><title>{title}</title>
<meta property="og:site_name" content="Local Gazette">
<meta property="article:published_time" content="2025-11-19T07:00:00Z"></head>
<body><nav>Home | News | Sport</nav><article><h1>{title}</h1>
<p>{lead}</p>
<p>Rescue workers searched the rubble of the two buildings through the night, and the regional
administration said the number of victims could still rise as more people were reported missing.</p>
<p>"We will keep searching until every person is found," the governor told reporters at the scene.</p>
</article><footer>Copyright Local Gazette</footer></body></html>"""

FLOOD = """<html><head><title>Floods in Odesa</title></head><body><article><h1>Floods in Odesa</h1>
<p>Heavy rain flooded the port city of Odesa overnight, cutting power to thousands of homes.</p>
<p>Water rose above the windows of ground-floor flats in the old town, and firefighters used boats to
reach families stranded on the roofs of their cars along the seafront.</p>
<p>The city council closed schools for two days and opened shelters in three sports halls.</p>
</article></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local Gazette</title><link>{base}/</link>
<item><title>Strike on Ternopil</title><link>/news/ternopil</link><guid>ternopil-1</guid>
  <pubDate>Wed, 19 Nov 2025 07:00:00 GMT</pubDate><description>Missiles hit Ternopil.</description></item>
<item><title>Gone story</title><link>{base}/news/gone</link><guid>gone-1</guid>
  <pubDate>Wed, 19 Nov 2025 08:00:00 GMT</pubDate>
  <description>At least 3 people were injured in Lviv on Wednesday, officials said.</description></item>
<item><title>Floods in Odesa</title><link>{base}/news/odesa</link><guid>odesa-1</guid>
  <pubDate>Wed, 19 Nov 2025 09:00:00 GMT</pubDate><description>Flooding.</description></item>
</channel></rss>"""


class Site:
    """A small news site with ETags, so unchanged resources answer 304."""

    def __init__(self, server):
        self.server = server
        self.bodies: dict[str, tuple[str, str]] = {}
        self.requests: list[tuple[str, int]] = []
        server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")

    def put(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> None:
        if path not in self.bodies:
            self.server.expect_request(path).respond_with_handler(lambda request, p=path: self._serve(p, request))
        self.bodies[path] = (body, content_type)

    def _serve(self, path, request):
        body, content_type = self.bodies[path]
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if request.headers.get("If-None-Match") == etag:
            self.requests.append((path, 304))
            return Response(status=304, headers={"ETag": etag})
        self.requests.append((path, 200))
        return Response(body, status=200, content_type=content_type, headers={"ETag": etag})


@pytest.fixture
def web(httpserver, monkeypatch, tmp_path):
    monkeypatch.setenv("ARTICLEWATCH_ALLOW_PRIVATE_HOSTS", "1")
    monkeypatch.setenv("ARTICLEWATCH_HOST_DELAY", "0")
    monkeypatch.setenv("ARTICLEWATCH_DATA", str(tmp_path / "raw"))
    return Site(httpserver)



def counts(db):
    return table_counts(db, ("articles", "article_versions", "positions", "ingest_log", "feed_entries", "http_cache"))


def feeds_file(tmp_path, *feeds):
    path = tmp_path / "feeds.toml"
    path.write_text("".join(f'[[feed]]\nname = "{name}"\nurl = "{url}"\noutlet = "Local Gazette"\ninterval = 15\n\n'
                            for name, url in feeds))
    return str(path)


def test_watch_fetches_versions_and_answers_304s(prefect_api, web, httpserver, tmp_path, db_file):
    base = httpserver.url_for("").rstrip("/")
    web.put("/feed.xml", RSS.format(base=base), "application/rss+xml")
    web.put("/news/ternopil", ARTICLE.format(title="Strike on Ternopil", lead=(
        "At least 26 people were killed when Russian missiles struck two apartment blocks in Ternopil on "
        "Wednesday, the regional governor said.")))
    web.put("/news/odesa", ARTICLE.format(title="Floods in Odesa", lead=(
        "Heavy rain flooded the port city of Odesa overnight, cutting power to thousands of homes and "
        "closing schools across the region, city officials said on Wednesday.")))
    httpserver.expect_request("/news/gone").respond_with_data("not here", status=404)
    feeds = feeds_file(tmp_path, ("gazette", httpserver.url_for("/feed.xml")))

    first = watch(feeds=feeds, db=str(db_file))
    assert first["statuses"] == {"loaded": 3, "error": 1}
    assert query(db_file, "SELECT item, stage, error FROM ingest_log WHERE status = 'error'") == [
        (httpserver.url_for("/news/gone"), "fetch", query(db_file, "SELECT error FROM ingest_log WHERE status = 'error'")[0][0])]
    [(gone_error,)] = query(db_file, "SELECT error FROM ingest_log WHERE status = 'error'")
    assert "404" in gone_error
    # The page that could not be fetched is still recorded, from the feed's summary.
    assert query(db_file, "SELECT v.extractor_version, v.text FROM articles a JOIN article_versions v USING (article_id) "
                          "WHERE a.identity LIKE '%/news/gone'") == [
        ("feed-summary/1", "At least 3 people were injured in Lviv on Wednesday, officials said.")]
    [(title, outlet, published, ref)] = query(db_file, """
        SELECT v.title, a.outlet, v.published_at, v.raw_ref FROM articles a JOIN article_versions v USING (article_id)
        WHERE a.identity LIKE '%/news/ternopil'""")
    assert (title, outlet, str(published)) == ("Strike on Ternopil", "Local Gazette", "2025-11-19 07:00:00")
    assert read_raw(ref)[1].startswith(b"<html>")
    assert query(db_file, "SELECT value_num FROM positions WHERE key = 'Ternopil|killed'") == [(26.0,)]

    before = counts(db_file)
    web.requests.clear()
    second = watch(feeds=feeds, db=str(db_file))
    assert counts(db_file) == before  # nothing new: only check times moved
    assert second["not_modified"] == 3  # the feed and both pages answered 304
    assert sorted(web.requests) == [("/feed.xml", 304), ("/news/odesa", 304), ("/news/ternopil", 304)]
    assert query(db_file, "SELECT title, last_status FROM feeds") == [("Local Gazette", "not_modified")]

    web.put("/news/ternopil", ARTICLE.format(title="Strike on Ternopil", lead=(
        "At least 32 people were killed when Russian missiles struck two apartment blocks in Ternopil on "
        "Wednesday, the regional governor said.")))
    third = watch(feeds=feeds, db=str(db_file))
    assert third["statuses"].get("new_version") == 1
    assert query(db_file, "SELECT previous_value, new_value, outlet FROM position_changes WHERE key = 'Ternopil|killed'") == [
        ("26 people", "32 people", "Local Gazette")]
    [(diff,)] = query(db_file, "SELECT diff FROM article_versions WHERE version_no = 2")
    assert "-At least 26 people" in diff and "+At least 32 people" in diff
    assert query(db_file, "SELECT count(*) FROM source_disagreements") == [(0,)]  # an outlet updating itself
    assert_natural_keys_unique(db_file)


def test_bad_feeds_are_recorded_and_the_pass_goes_on(prefect_api, web, httpserver, tmp_path, db_file):
    base = httpserver.url_for("").rstrip("/")
    web.put("/good.xml", RSS.format(base=base).replace("/news/gone", "/news/odesa"), "application/rss+xml")
    web.put("/news/ternopil", ARTICLE.format(title="T", lead="At least 26 people were killed in Ternopil on Wednesday, officials said today."))
    web.put("/news/odesa", FLOOD)
    web.put("/not-a-feed.xml", "<html><body>Just a page, no feed here.</body></html>")
    web.put("/bomb.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>',
            "application/rss+xml")
    httpserver.expect_request("/broken.xml").respond_with_data("oops", status=500)
    feeds = feeds_file(tmp_path, ("html", httpserver.url_for("/not-a-feed.xml")), ("bomb", httpserver.url_for("/bomb.xml")),
                       ("broken", httpserver.url_for("/broken.xml")), ("good", httpserver.url_for("/good.xml")))
    summary = watch(feeds=feeds, db=str(db_file))
    assert summary["feed_errors"] == 3
    assert summary["statuses"]["loaded"] == 2
    errors = dict(query(db_file, "SELECT item, error FROM ingest_log WHERE status = 'error'"))
    assert set(errors) == {httpserver.url_for(p) for p in ("/not-a-feed.xml", "/bomb.xml", "/broken.xml")}
    assert "500" in errors[httpserver.url_for("/broken.xml")]
    assert "entit" in errors[httpserver.url_for("/bomb.xml")].lower()
    assert query(db_file, "SELECT count(*) FROM feeds WHERE last_status = 'error'") == [(3,)]
