from pipeline.decode import DecodeError, decode_bytes
from pipeline.identity import canonical_url, text_sha256
from pipeline.normalise import normalise_text

import pytest


def test_normalise_quotes_spaces_and_nfc():
    raw = "  Kyiv\u00a0said \u201cno\u201d \u2014 it\u2019s\u200b final.\r\n\r\n\tCafe\u0301  here "
    assert normalise_text(raw) == "Kyiv said \"no\" \u2014 it's final.\nCaf\u00e9 here"


def test_normalise_is_idempotent_and_hash_stable():
    raw = "A \u201cplan\u201d\n\n\nB"
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert text_sha256(once) == text_sha256(normalise_text("A  \"plan\"\nB "))


def test_decode_utf8_bom_cp1252_and_binary():
    assert decode_bytes("caf\u00e9".encode("utf-8-sig"))[0] == "caf\u00e9"
    text, encoding = decode_bytes("Caf\u00e9 \u201cplan\u201d in Kyiv".encode("cp1252"))
    assert text == "Caf\u00e9 \u201cplan\u201d in Kyiv" and encoding == "cp1252"
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DecodeError, match="cannot decode"):
        decode_bytes(bytes(range(128, 256)) * 20)


def test_decode_honours_html_meta_charset():
    page = '<html><head><meta charset="iso-8859-1"></head><body>Ni\u00f1o</body></html>'.encode("latin-1")
    assert "Ni\u00f1o" in decode_bytes(page, html=True)[0]


def test_canonical_url_drops_tracking_and_fragment():
    assert canonical_url("https://WWW.Example.com/news/a?utm_source=x&id=3#top") == "https://www.example.com/news/a?id=3"
    assert canonical_url("file:///etc/passwd") is None
    assert canonical_url("not a url") is None


def test_latin1_label_decodes_as_windows_1252_like_browsers():
    text, encoding = decode_bytes("Kyiv \u201cplan\u201d".encode("cp1252"), "ISO-8859-1")
    assert text == "Kyiv \u201cplan\u201d" and encoding == "cp1252"
