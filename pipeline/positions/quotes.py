"""Double-quoted spans in normalised text (curly quotes were already folded to '"')."""

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
    if '"' not in text:
        return quotes
    for para_start, para_end in split_paragraphs(text) if paragraphs is None else paragraphs:
        i = text.find('"', para_start, para_end)
        if i < 0:
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

