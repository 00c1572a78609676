"""Paragraph and sentence splitting that keeps character offsets into the original text."""

from dataclasses import dataclass

from .lazy_regex import LazyPattern


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (newline-separated block) holding the sentence
    text: str


def split_sentences(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences of `text` in order; text[s.start:s.end] == s.text, stripped of outer whitespace.
    `paragraphs`: split_paragraphs(text), when the caller has it already."""
    sentences: list[Sentence] = []
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    for paragraph_index, (para_start, para_end) in enumerate(paragraphs):
        for start, end in _sentence_bounds(text, para_start, para_end):
            sentences.append(Sentence(start, end, paragraph_index, text[start:end]))
    return sentences


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank newline-separated block, stripped of outer whitespace."""
    return [match.span() for match in _PARAGRAPH.finditer(text)]


# A paragraph stripped of outer whitespace: from a line's first to its last non-space character.
_PARAGRAPH = LazyPattern(r"\S(?:[^\n]*\S)?")

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets) when whitespace and
# an upper-case letter, digit, opening quote or bracket follow.
_BOUNDARY = LazyPattern(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Gov Sen Rep St Jr Sr Inc Co Corp Ltd No Nos vs
    etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Rev Mt Ft Adm Cmdr Brig Gens Sens Reps
    approx est Vol Fig Art""".split()
)
_DOTTED_ABBREVIATION = LazyPattern(r"(?:\b[A-Za-z]\.){1,3}[A-Za-z]?$")  # U.S. / e.g. / J. / a.m.
_LAST_WORD = LazyPattern(r"[\w.]+$")


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, sentence_start, match.start()):
            continue
        bounds.append(_strip_bounds(text, sentence_start, match.end()))
        sentence_start = match.end()
    bounds.append(_strip_bounds(text, sentence_start, end))
    return [(s, e) for s, e in bounds if s < e]


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    word_match = _LAST_WORD.search(text[max(sentence_start, dot - 24) : dot])
    if not word_match:
        return False
    word = word_match.group()
    if word in _ABBREVIATIONS:
        return True
    return bool(_DOTTED_ABBREVIATION.search(word + ".")) and not word.isdigit()


def _strip_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
