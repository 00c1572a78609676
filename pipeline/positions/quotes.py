"""Quoted spans in normalised text: double quotes (curly ones were already folded to '"'), and,
in paragraphs with none, single quotes as British outlets use them ('I am not clinging to this
chair,' he said) told apart from apostrophes by where they stand."""

import re
from dataclasses import dataclass

from .sentences import split_paragraphs


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # index of the opening quote mark
    end: int  # index just past the closing quote mark (or the paragraph end if never closed)
    closed: bool

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quote marks paired in order within each paragraph; an unpaired last mark runs to the
    paragraph end (a quote continued in the next paragraph, news style). `paragraphs`:
    split_paragraphs(text), when the caller has it already."""
    quotes: list[Quote] = []
    doubles, singles = '"' in text, "'" in text
    if not doubles and not singles:
        return quotes
    for para_start, para_end in split_paragraphs(text) if paragraphs is None else paragraphs:
        i = text.find('"', para_start, para_end) if doubles else -1
        if i < 0:
            if singles:
                quotes.extend(_single_quoted(text, para_start, para_end))
            continue
        marks = []
        while i >= 0:
            marks.append(i)
            i = text.find('"', i + 1, para_end)
        for opening, closing in zip(marks[0::2], marks[1::2]):
            quotes.append(Quote(opening, closing + 1, True))
        if len(marks) % 2:
            quotes.append(Quote(marks[-1], para_end, False))
    return quotes


def _single_quoted(text: str, start: int, end: int) -> list[Quote]:
    """'...' spans: an opening mark at a word start (not "'90s", "rock 'n' roll"), closed by the
    first mark after punctuation ("chair,' he said") or before punctuation or an attribution
    ("'dictator without elections'.", "'not for sale' he said"); a plural possessive
    ("the leaders' summit") closes nothing."""
    found = []
    i = start
    while True:
        opening = _SINGLE_OPEN.search(text, i, end)
        if opening is None:
            return found
        o = opening.start()
        closing = _SINGLE_CLOSE.search(text, o + 2, end)
        if closing is None:
            return found
        found.append(Quote(o, closing.start() + 1, True))
        i = closing.start() + 1


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013:-]))'(?=[^\W_])(?!(?:\d0s|em|n|til|cause|tis|twas)\b)")
_SINGLE_CLOSE = re.compile(
    r"(?<=[,.!?])'(?![\w])"
    r"|(?<=[\w%)])'(?=[.,;:!?)\u2014\u2013]|\s+[-\u2013\u2014]|$|\s+(?:he|she|they|it|I|we|said|says|told|added|asked|"
    r"wrote|according)\b)",
    re.MULTILINE,
)
