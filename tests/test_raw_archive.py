"""The WARC raw archive: written per run, read back by reference, and backfilled like any file."""

from datetime import datetime

from pipeline.batch import prepare_files
from pipeline.readers import discover
from warehouse.raw import RawArchive, read_raw

from test_readers import PAGE

AT = datetime(2025, 11, 21, 9, 0)
OTHER_PAGE = PAGE.replace("Kharkiv", "Odesa").replace("twelve", "seven").replace(
    "news.example.com/world/kharkiv-strike", "news.example.com/world/odesa-strike")


def test_archive_round_trip_and_backfill_of_a_warc(tmp_path):
    archive = RawArchive("run-1", root=tmp_path / "raw")
    html = {"Content-Type": "text/html; charset=utf-8"}
    first = archive.write("https://news.example.com/world/kharkiv-strike", 200, html, PAGE.encode(), AT)
    archive.write("https://news.example.com/logo.png", 200, {"Content-Type": "image/png"}, b"\x89PNG\r\n", AT)
    archive.write("https://news.example.com/world/odesa-strike", 200, html, OTHER_PAGE.encode("cp1252"), AT)
    archive.write("https://news.example.com/missing", 404, html, b"<html>gone</html>", AT)
    assert read_raw(first) == ("https://news.example.com/world/kharkiv-strike", PAGE.encode())

    files = discover([str(tmp_path / "raw")])
    assert [f.path.name for f in files] == ["run-1.warc.gz"]
    articles, failures = prepare_files(files, 10_000_000)
    assert failures == []
    assert [a.identity for a in articles] == ["https://news.example.com/world/kharkiv-strike",
                                              "https://news.example.com/world/odesa-strike"]
    assert "At least seven people were killed" in articles[1].text
    assert all(a.source == "warc" and "#" in a.item for a in articles)


def test_a_broken_warc_is_one_clear_error(tmp_path):
    (tmp_path / "bad.warc.gz").write_bytes(b"this is not a warc file at all")
    articles, failures = prepare_files(discover([str(tmp_path)]), 10_000_000)
    assert articles == [] and len(failures) == 1
    assert "not a readable WARC file" in failures[0].error
