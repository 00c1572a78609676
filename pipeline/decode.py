"""Bytes to text, with a clear error for binary or undecodable input."""

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_FALLBACK = "cp1252"  # what undeclared legacy Western news pages almost always are
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252"}


class DecodeError(ValueError):
    pass


def decode_bytes(data: bytes, declared: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Order: a byte-order mark, the declared charset (HTTP header, sidecar), a ``<meta charset>`` for
    HTML, UTF-8, then Windows-1252 if the result reads as text. Raises DecodeError for binary data
    and for bytes no candidate decodes to plausible text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:8192]:
        raise DecodeError("binary content (NUL bytes), not text")
    candidates = []
    if declared:
        candidates.append(declared)
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            candidates.append(match.group(1).decode("ascii"))
    candidates += ["utf-8", _FALLBACK]
    for encoding in candidates:
        # As browsers do (WHATWG): Latin-1 and ASCII labels mean Windows-1252.
        if encoding.lower().replace("_", "-") in _WINDOWS_1252_LABELS:
            encoding = _FALLBACK
        try:
            codecs.lookup(encoding)
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        if encoding.lower() != "utf-8" and not looks_like_text(text):
            continue
        return text, codecs.lookup(encoding).name
    raise DecodeError("cannot decode: not valid UTF-8 and not plausible Windows-1252 text")


def looks_like_text(text: str) -> bool:
    """Heuristic: mostly printable characters, with a fair share of letters and spaces."""
    sample = text[:20000]
    if not sample:
        return True
    printable = sum(ch.isprintable() or ch in "\n\t\r" for ch in sample)
    wordish = sum(ch.isalpha() or ch == " " for ch in sample)
    return printable / len(sample) >= 0.98 and wordish / len(sample) >= 0.6
