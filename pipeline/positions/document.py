"""One text prepared for extraction: its sentences, quotations, and the people it names."""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .lazy_regex import WORD, LazyPattern, lower_text
from .people import SpeakerIndex
from .quotes import Quote, find_quotes
from .sentences import Sentence, split_paragraphs, split_sentences


@dataclass
class Document:
    text: str
    title: str | None = None
    sentences: list[Sentence] = field(init=False)
    quotes: list[Quote] = field(init=False)
    cache: dict = field(init=False, default_factory=dict)  # per-text results shared by extractors

    def __post_init__(self) -> None:
        paragraphs = split_paragraphs(self.text)
        self.sentences = split_sentences(self.text, paragraphs)
        self.quotes = find_quotes(self.text, paragraphs)
        self._sentence_starts = [s.start for s in self.sentences]
        # Quotes never overlap and come in order: their starts and their ends are both sorted.
        self.quote_starts = [q.start for q in self.quotes]
        self.quote_ends = [q.end for q in self.quotes]

    @cached_property
    def speakers(self) -> SpeakerIndex:
        return SpeakerIndex(self.text, self.sentences, self.quotes, self.lower, self.sentence_words)

    def sentence_at(self, position: int) -> Sentence:
        """The sentence holding `position` (or the last one starting before it)."""
        return self.sentences[max(0, bisect_right(self._sentence_starts, position) - 1)]

    @cached_property
    def lower(self) -> str:
        """The text in lower case, offsets unchanged: case-insensitive patterns run on it as
        case-sensitive ones (lazy_regex.lowered), which is much faster."""
        return lower_text(self.text)

    @cached_property
    def words(self) -> list[tuple[int, str]]:
        """(offset, lower-cased word) for every word of the text, in order."""
        return [(m.start(), m.group()) for m in _WORD.finditer(self.lower)]

    @cached_property
    def sentence_words(self) -> list[set[str]]:
        """The lower-cased words of each sentence (aligned with self.sentences)."""
        lower, findall = self.lower, _WORD.findall
        ends = [s.start for s in self.sentences[1:]] + [len(lower)]  # a sentence owns the words up to the next one
        return [set(findall(lower, s.start, end)) for s, end in zip(self.sentences, ends)]

    @cached_property
    def lowercase_words(self) -> set[str]:
        """The words the text writes in lower case somewhere ("said", not "Rosatom")."""
        return {m.group() for m in _WORD.finditer(self.text) if m.group().islower()}

    def words_in(self, sentence: Sentence) -> set[str]:
        """The lower-cased words of a sentence."""
        return self.sentence_words[self.sentence_index(sentence)]

    def sentences_with(self, word_test) -> list[Sentence]:
        """The sentences holding a word for which `word_test(lower-cased word)` is true (give a
        cached function: a text repeats its words and texts share them)."""
        return [s for s, words in zip(self.sentences, self.sentence_words) if any(map(word_test, words))]

    def sentence_index(self, sentence: Sentence) -> int:
        return bisect_right(self._sentence_starts, sentence.start) - 1

    def outside_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) outside quotation marks."""
        spans, cursor = [], start
        quotes = self.quotes
        for i in range(bisect_right(self.quote_ends, start), bisect_left(self.quote_starts, end)):
            quote = quotes[i]  # one that ends after start and starts before end
            if quote.start > cursor:
                spans.append((cursor, quote.start))
            cursor = max(cursor, quote.end)
        if cursor < end:
            spans.append((cursor, end))
        return spans

    def source_of(self, sentence: Sentence) -> str | None:
        """Who a sentence attributes its facts to: "according to the regional governor" ->
        "regional governor"; "..., the governor said" / "..., said the governor" -> "governor";
        "Zelensky said ..." -> "Volodymyr Zelensky"."""
        sources = self.cache.setdefault("sources", {})
        if sentence.start not in sources:
            sources[sentence.start] = self._source_of(sentence)
        return sources[sentence.start]

    def _source_of(self, sentence: Sentence) -> str | None:
        text = self.text
        words = self.words_in(sentence)
        # Either pattern matches only where its words are (as whole words) in the sentence.
        according = _ACCORDING_TO.search(text, sentence.start, sentence.end) if "according" in words else None
        if according:
            start, end = according.span("who")
            speaker = self.speakers.speaker_of_phrase(start, end)
            return speaker.name if speaker else _without_article(text[start:end])
        if words.isdisjoint(_ATTRIBUTION_VERBS):
            return None
        for start, end in self.outside_quotes(sentence.start, sentence.end):
            for verb in _ATTRIBUTION_VERB.finditer(text, start, end):
                speaker = self.speakers.subject_of_verb(sentence, verb.start())
                if speaker is None:
                    inverted = _INVERTED_SUBJECT.match(text, verb.end(), end)  # ", said the governor"
                    if inverted and text[:verb.start()].rstrip().endswith(","):
                        speaker = self.speakers.speaker_of_phrase(*inverted.span("who"))
                if speaker is not None:
                    return speaker.name
        return None


def _without_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)


_WORD = WORD
_ACCORDING_TO = LazyPattern(
    r"\baccording\s+to\s+(?P<who>[^,.;:\"()]{2,80}?)(?=\s*(?:[,.;:\"()]|$)|\s+(?:on|in|at|who|which)\s)"
)
# Verbs that attribute a sentence's facts to a source (narrower than the speech verbs that
# introduce quotes: "welcomed", "acknowledged" or "rejects" do not make a source).
_ATTRIBUTION_VERB = LazyPattern(
    r"(?<![\w-])(?:said|says|told|tells|reported|reports|announced|announces|stated|states|confirmed|confirms|"
    r"claimed|claims|added|adds|wrote|writes|posted|restated|reiterated|insisted|insists|warned|warns|noted|"
    r"argued|argues|explained|emphasi[sz]ed|stressed|estimated|estimates)(?![\w-])"
)
_ATTRIBUTION_VERBS = frozenset(  # the words _ATTRIBUTION_VERB matches
    "said says told tells reported reports announced announces stated states confirmed confirms claimed claims added "
    "adds wrote writes posted restated reiterated insisted insists warned warns noted argued argues explained "
    "emphasised emphasized stressed estimated estimates".split()
)
_INVERTED_SUBJECT = LazyPattern(r"\s+(?P<who>[^,.;:\"]{1,60})")
