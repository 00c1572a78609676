"""Text normalisation: one canonical form for hashing, dedup and position offsets."""

import re
import unicodedata

# Curly and typographic quote marks fold to ASCII so that quote patterns and hashes agree
# whatever the outlet's typesetting.
_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
    }
)
# Invisible characters that only change hashes: zero-width spaces/joiners, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters other than tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HSPACE = re.compile(r"[^\S\n]+")  # any whitespace except newline (includes NBSP, thin spaces)


def normalise_text(raw: str) -> str:
    """Return the canonical form of an article's text.

    Unicode NFC, typographic quotes to ASCII, invisible and control characters removed, runs of
    horizontal whitespace collapsed to one space, lines stripped, and paragraphs (non-empty
    lines) joined by a single newline.
    """
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = text.translate(_QUOTES)
    lines = (_HSPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
