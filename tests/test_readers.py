import json
from datetime import datetime

import pytest

from pipeline.errors import ReadError
from pipeline.readers import PathNotFound, discover, read_file, split_headline

from conftest import SEEDS

PAGE = """<html><head><title>Strike on Kharkiv | Example News</title>
<link rel="canonical" href="https://news.example.com/world/kharkiv-strike?utm_source=rss">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-11-20T08:30:00+02:00">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Strike on Kharkiv</h1>
<p>At least twelve people were killed when a missile hit an apartment block in Kharkiv on Thursday morning, the regional governor said.</p>
<p>Rescue workers searched the rubble through the night, and officials said the number of victims could still rise as more people were reported missing.</p>
<p>"We will rebuild every home," the mayor told reporters at the scene, standing beside the ruined building.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def docs(path, tmp_path):
    return [d for f in discover([str(path)]) for d in read_file(f)]


def test_seed_titles_follow_the_headline_rule():
    by_name = {f.path.name: read_file(f)[0] for f in discover([str(SEEDS)])}
    assert by_name["003_f368b5dcf289ebe5.txt"].title.startswith("Zelensky's Peace Plan")
    assert not by_name["003_f368b5dcf289ebe5.txt"].content.startswith("Zelensky's Peace Plan")
    assert by_name["000_f042ae69e39f5617.txt"].title is None
    assert by_name["000_f042ae69e39f5617.txt"].identity == "file:000_f042ae69e39f5617.txt"


@pytest.mark.parametrize("first_line, is_title", [
    ("Ukraine agrees to talks", True),
    ("Will peace come before winter?", True),
    ("The plan was presented on Thursday in Kyiv to the US delegation.", False),
    ("and then he left", False),
])
def test_headline_rule(first_line, is_title):
    title, _ = split_headline(first_line + "\nBody text follows here.")
    assert (title is not None) is is_title


def test_folders_recurse_skip_hidden_and_sidecars_and_order_by_name(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "002.txt").write_text("two")
    (tmp_path / "001.txt").write_text("one")
    (tmp_path / "001.txt.json").write_text(json.dumps({"url": "https://a.example/x", "outlet": "A"}))
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    found = discover([str(tmp_path)])
    assert [f.relpath for f in found] == ["001.txt", "b/002.txt"]
    first = read_file(found[0])[0]
    assert first.identity == "https://a.example/x" and first.outlet == "A"
    assert read_file(found[1])[0].identity == "file:b/002.txt"


def test_globs_and_missing_paths(tmp_path):
    (tmp_path / "x1.txt").write_text("one")
    (tmp_path / "x2.md").write_text("two")
    assert [f.relpath for f in discover([str(tmp_path / "*.txt")])] == ["x1.txt"]
    with pytest.raises(PathNotFound):
        discover([str(tmp_path / "nope")])
    with pytest.raises(PathNotFound):
        discover([str(tmp_path / "*.html")])


def test_markdown_front_matter(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Talks resume\npublished_at: 2025-11-21T10:00:00Z\n"
                                   "outlet: Wire\nurl: https://wire.example/talks\n---\nBody **text**.\n")
    doc = docs(tmp_path / "a.md", tmp_path)[0]
    assert (doc.title, doc.outlet, doc.identity) == ("Talks resume", "Wire", "https://wire.example/talks")
    assert doc.published_at == datetime(2025, 11, 21, 10, 0)
    assert doc.media_type == "markdown" and "title:" not in doc.content


def test_json_and_jsonl_records_with_bad_ones_reported(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"articles": [
        {"url": "https://x.example/1", "title": "One", "text": "First text", "published_at": "2025-11-20"},
        {"title": "No body"},
    ]}))
    (tmp_path / "b.jsonl").write_text('{"text": "line one", "outlet": "B"}\nnot json\n{"html": "<p>x</p>"}\n')
    out = docs(tmp_path, tmp_path)
    good = [d for d in out if not isinstance(d, ReadError)]
    bad = [d for d in out if isinstance(d, ReadError)]
    assert [d.identity for d in good] == ["https://x.example/1", "file:b.jsonl#1", "file:b.jsonl#3"]
    assert good[0].published_at == datetime(2025, 11, 20)
    assert good[2].media_type == "html"
    assert sorted(e.reason for e in bad) == ["line 2 is not valid JSON: Expecting value",
                                           "record has neither 'text' nor 'html'"]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "no text"),
    ("bin.txt", b"abc\x00\x01\x02", "binary"),
    ("latin.txt", bytes(range(128, 256)) * 10, "cannot decode"),
    ("broken.json", b'{"text": ', "not valid JSON"),
    ("doc.pdf", b"%PDF-1.7", "unsupported file type"),
])
def test_bad_files_raise_clear_errors(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    [source] = discover([str(tmp_path / name)])
    with pytest.raises(ReadError, match=message):
        read_file(source)


def test_size_cap(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    [source] = discover([str(tmp_path / "big.txt")])
    with pytest.raises(ReadError, match="over the 1,000-byte cap"):
        read_file(source, max_bytes=1000)


def test_html_file_extracted_with_metadata(tmp_path):
    from pipeline.extract import to_article

    (tmp_path / "page.html").write_text(PAGE)
    [raw] = docs(tmp_path / "page.html", tmp_path)
    article = to_article(raw)
    assert article.title == "Strike on Kharkiv"
    assert article.identity == "https://news.example.com/world/kharkiv-strike"
    assert article.published_at == datetime(2025, 11, 20, 6, 30) or article.published_at.date().isoformat() == "2025-11-20"
    assert "At least twelve people were killed" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text
    assert article.extractor_version.startswith("trafilatura/")
