"""Statements: quotations with their speaker, and institutions' paraphrased positions.

A quotation is attributed, in this order, by
  1. an attribution right after it:           "...," he told the magazine / "...," said X
  2. a person named as subject just before it: ... and that US President Donald Trump "supports" it
  3. a speech verb before it in its sentence:  Leavitt emphasized that the plan is "good for ..."
  4. for a short fragment, the sentence's subject: Zelensky is ready to engage in "honest work"
  5. another attributed quotation in the same sentence ("A," X said, "B."), or, for a quoted
     sentence that opens a sentence, the quotation just before it.
Rules 2-5 skip scare quotes: terms used again unquoted (a "victory plan" ... his victory plan),
names in Title Case, and quotes after "so-called", "known as", a possessive or a verb such as
"unveil". Quotations with no speaker found are not statements.

Institutions speak indirectly: quoted fragments attributed to one ("Moscow has downplayed the
plan, characterizing any contact as "contacts"") and sentences where one says, denies, reports...
something ("Russia's defense ministry reported ...") give one indirect statement per sentence
and institution; its text is the longest quoted fragment, else the clause after the verb.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from .config import speakers_config
from .document import Document
from .lazy_regex import LazyPattern
from .model import Position
from .people import INSTITUTION, Speaker, speech_verb_regex
from .quotes import Quote
from .sentences import Sentence


def extract_statements(document: Document) -> list[Position]:
    positions = []
    institutional: dict[tuple[int, str], list[_Attributed]] = {}
    for item in _merge_split_quotes(document, _attribute_quotes(document)):
        if item.speaker.kind == INSTITUTION and item.fragment:
            institutional.setdefault((item.first.start, item.speaker.name), []).append(item)
        else:
            positions.append(_statement(document, item.speaker, item.value, item.first, item.last, indirect=False))
    positions.extend(_institutional_statements(document, institutional))
    return positions


@dataclass
class _Attributed:
    quotes: list[Quote]
    texts: list[str]  # the quotations' inner text
    speaker: Speaker
    rule: str  # "after" | "adjacent" | "verb" | "subject" | "inherited"
    first: Sentence  # first and last sentence of the evidence
    last: Sentence
    fragment: bool = field(default=False)

    @property
    def value(self) -> str:
        return _clean_quote_text(" ".join(t.strip() for t in self.texts))


# -- attribution -------------------------------------------------------------------------------


def _attribute_quotes(document: Document) -> list[_Attributed]:
    results: list[_Attributed | None] = []
    for quote in document.quotes:
        inner = _inner(document, quote)
        if not re.search(r"\w", inner):
            results.append(None)
            continue
        first, last = _sentences_of(document, quote)
        fragment = _is_fragment(inner)
        speaker, rule = _attribute(document, quote, first, last, fragment)
        results.append(_Attributed([quote], [inner], speaker, rule, first, last, fragment) if speaker else None)
    _inherit_within_sentence(document, results)
    _inherit_continuations(document, results)
    return [r for r in results if r is not None]


def _attribute(
    document: Document, quote: Quote, first: Sentence, last: Sentence, fragment: bool
) -> tuple[Speaker | None, str]:
    speakers = document.speakers
    speaker = _attribution_after(document, quote, last)
    if speaker is not None:
        return speaker, "after"
    if fragment and _is_scare_quote(document, quote):
        return None, ""
    speaker = speakers.person_just_before(quote.start, first)
    if speaker is not None:
        return speaker, "adjacent"
    speaker = _speech_verb_before(document, quote, first)
    if speaker is not None:
        return speaker, "verb"
    if fragment:
        speaker = speakers.subject_before(first, quote.start)
        if speaker is not None and speaker.kind != INSTITUTION:
            return speaker, "subject"
    return None, ""


def _attribution_after(document: Document, quote: Quote, sentence: Sentence) -> Speaker | None:
    """'"...," he said' / '"...," said Zelensky' / '"..." X told reporters' / '"...", according to X'."""
    text = document.text
    next_quote = min((q.start for q in document.quotes if q.start >= quote.end), default=len(text))
    after = text[quote.end : min(max(sentence.end, quote.end), next_quote)]
    for regex in (_verb_then_subject_regex(), _ACCORDING_TO_AFTER):
        match = regex.match(after)
        if match:
            start = quote.end + match.start("who")
            return document.speakers.speaker_of_phrase(start, start + len(match.group("who")))
    match = _subject_then_verb_regex().match(after)
    if match:
        return document.speakers.subject_of_verb(sentence, quote.end + match.start("verb"))
    return None


def _speech_verb_before(document: Document, quote: Quote, sentence: Sentence) -> Speaker | None:
    """The subject of the last speech verb before the quote in its sentence (outside quotes),
    or the source named by "according to X," before it."""
    verbs = []
    for start, end in document.outside_quotes(sentence.start, quote.start):
        according = _ACCORDING_TO_BEFORE.search(document.text, start, end)
        if according:
            return document.speakers.speaker_of_phrase(*according.span("who"))
        verbs.extend(speech_verb_regex().finditer(document.text, start, end))
    for verb in reversed(verbs):
        speaker = document.speakers.subject_of_verb(sentence, verb.start())
        if speaker is not None:
            return speaker
    return None


def _inherit_within_sentence(document: Document, results: list[_Attributed | None]) -> None:
    """An unattributed quote takes the speaker of the nearest attributed quote in its sentence."""
    quotes = document.quotes
    for i, quote in enumerate(quotes):
        inner = _inner(document, quote)
        if results[i] is not None or not inner or (_is_fragment(inner) and _is_scare_quote(document, quote)):
            continue
        first, last = _sentences_of(document, quote)
        neighbours = [
            j for j, other in enumerate(results)
            if other is not None and other.rule != "inherited" and other.first == first
        ]
        if neighbours:
            source = results[min(neighbours, key=lambda j: abs(j - i))]
            results[i] = _Attributed([quote], [inner], source.speaker, "inherited", first, last, _is_fragment(inner))


def _inherit_continuations(document: Document, results: list[_Attributed | None]) -> None:
    """'X said: "A." "B."' or a new paragraph opening with "B." -> B is also X's."""
    text = document.text
    for i, quote in enumerate(document.quotes):
        previous = results[i - 1] if i else None
        if results[i] is not None or previous is None:
            continue
        inner = _inner(document, quote)
        first, last = _sentences_of(document, quote)
        opens_sentence = not text[first.start : quote.start].strip()
        gap = text[document.quotes[i - 1].end : quote.start]
        near = document.sentence_index(first) - document.sentence_index(previous.last) <= 1
        if opens_sentence and not _is_fragment(inner) and len(gap.split()) <= 12 and near:
            results[i] = _Attributed([quote], [inner], previous.speaker, "inherited", first, last, False)


def _merge_split_quotes(document: Document, items: list[_Attributed]) -> list[_Attributed]:
    """'"We will not give up," he said, "and we will win."' -> one statement."""
    merged: list[_Attributed] = []
    for item in items:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.speaker == item.speaker
            and previous.rule == "after"
            and not previous.fragment
            and previous.texts[-1].rstrip().endswith(",")
            and _SPLIT_ATTRIBUTION.fullmatch(document.text, previous.quotes[-1].end, item.quotes[0].start)
        ):
            previous.quotes.append(item.quotes[0])
            previous.texts.append(item.texts[0])
            previous.last = item.last
            continue
        merged.append(item)
    return merged


# -- institutions ------------------------------------------------------------------------------


def _institutional_statements(
    document: Document, fragments: dict[tuple[int, str], list[_Attributed]]
) -> list[Position]:
    positions = []
    done = set()
    for (sentence_start, name), items in fragments.items():
        longest = max((item.value for item in items), key=len)
        positions.append(_statement(document, items[0].speaker, longest, items[0].first, items[-1].last, indirect=True))
        done.add((sentence_start, name))
    text = document.text
    for sentence in document.sentences:
        for mention in document.speakers.mentions_in(sentence.start, sentence.end):
            if mention.kind != INSTITUTION or not mention.subject or mention.possessive:
                continue
            if (sentence.start, mention.speaker) in done:
                continue
            verb = _PARAPHRASE_VERB.match(text, mention.end, sentence.end)
            if not verb:
                continue
            source = document.source_of(sentence)
            if source is not None and source != mention.speaker:
                continue  # "Kyiv rejects ..., Zelensky said": Zelensky is the speaker
            clause = _LEADING_THAT.sub("", text[verb.end() : sentence.end].strip().rstrip(".").strip())
            if len(clause.split()) < 2:
                continue
            speaker = Speaker(mention.speaker, INSTITUTION)
            positions.append(_statement(document, speaker, clause, sentence, sentence, indirect=True))
            done.add((sentence.start, mention.speaker))
    return positions


# -- helpers -----------------------------------------------------------------------------------


def _statement(
    document: Document, speaker: Speaker, value: str, first: Sentence, last: Sentence, indirect: bool
) -> Position:
    start, end = first.start, max(first.end, last.end)
    return Position(
        kind="statement",
        key=speaker.name,
        value_num=None,
        value_text=value,
        unit=None,
        qualifier=None,
        speaker=speaker.name,
        evidence=document.text[start:end],
        char_start=start,
        char_end=end,
        indirect=indirect,
    )


def _inner(document: Document, quote: Quote) -> str:
    return document.text[quote.inner_start : quote.inner_end].strip()


def _sentences_of(document: Document, quote: Quote) -> tuple[Sentence, Sentence]:
    return document.sentence_at(quote.start), document.sentence_at(max(quote.start, quote.end - 1))


def _is_fragment(inner: str) -> bool:
    """A quoted phrase rather than a quoted sentence."""
    return not (inner[:1].isupper() and len(inner.split()) >= 4)


def _is_scare_quote(document: Document, quote: Quote) -> bool:
    """A term or a name in quotes rather than someone's words."""
    text = document.text
    inner = _inner(document, quote).strip(".,;:!?")
    words = inner.split()
    if not words:
        return True
    if 1 < len(words) <= 5 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True  # "Coalition of the Willing"
    if _TERM_MARKER.search(text, max(0, quote.start - 40), quote.start):
        return True  # a so-called "X", Zelensky's "X", to unveil a "X"
    if len(words) <= 4:  # used again without quotes: a "victory plan" ... his victory plan
        used_again = re.compile(r"(?<![\w\"])" + re.escape(inner) + r"(?![\w\"])", re.IGNORECASE)
        return any(used_again.search(text, s, e) for s, e in document.outside_quotes(0, len(text)))
    return False


def _clean_quote_text(quote: str) -> str:
    quote = quote.strip().rstrip(",").rstrip()
    if quote[:1].islower():
        quote = quote.rstrip(".").rstrip()
    return quote


_SMALL_WORDS = frozenset("of the and for a an in on to at by".split())
_TERM_MARKER = LazyPattern(
    r"(?:so-called|known\s+as|titled|entitled|codenamed|code-named|the\s+(?:word|term|phrase|slogan)|"
    r"\b(?:his|her|its|their|our)|'s|\b(?:unveil|present|reveal|launch|publish|release|adopt)\w*(?:\s+\w+)?)"
    r"\s+(?:(?:a|an|the|its|his|her|their|new)\s+)?$",
    re.IGNORECASE,
)
_SPLIT_ATTRIBUTION = LazyPattern(r",?\s*[^\".!?]{1,80},\s*")
_ACCORDING_TO_BEFORE = LazyPattern(r"\baccording\s+to\s+(?P<who>[^,.;:!?\"]{1,80}),\s*$", re.IGNORECASE)
_ACCORDING_TO_AFTER = LazyPattern(r"[\s,]*according\s+to\s+(?P<who>[^,.;:!?\"]{1,80})")
_LEADING_THAT = LazyPattern(r"^(?:that|on\s+\w+\s+that)\s+")
_PARAPHRASE_VERB = LazyPattern(
    r"(?:\s+(?:has|have|had|also|again|repeatedly|previously|on\s+\w+day|quickly|swiftly|publicly|since))*\s+"
    r"(?:said|says|denied|denies|downplayed|downplays|dismissed|dismisses|rejected|rejects|reported|reports|"
    r"announced|announces|claimed|claims|warned|warns|accused|accuses|insisted|insists|stated|states|confirmed|"
    r"confirms|welcomed|welcomes|condemned|condemns|called\s+for|calls\s+for|urged|urges|described|describes|"
    r"ruled\s+out|rules\s+out|refused|refuses|criticised|criticized|demanded|demands|responded|"
    r"characterized|characterised|signalled|signaled|indicated|maintained|maintains)\b"
)


@cache
def _single_word_speech_verbs() -> str:
    verbs = sorted(speakers_config()["speech"]["verbs"], key=len, reverse=True)
    return "|".join(re.escape(v) for v in verbs if " " not in v)


@cache
def _verb_then_subject_regex() -> re.Pattern[str]:
    """'"...," said Steve Witkoff, the US special envoy.'"""
    return re.compile(
        rf"[\s,]*(?:{_single_word_speech_verbs()})\s+(?P<who>[^,.;:!?\"]{{1,80}}?)"
        r"(?=\s*(?:[,.;:!?\"]|$)|\s+(?:in|on|at|during|after|before|when|while|to|as|from|last|this|late|"
        r"early|earlier|later|told|adding|according|with)\b)"
    )


@cache
def _subject_then_verb_regex() -> re.Pattern[str]:
    """'"...," Kaja Kallas, the EU's foreign policy chief, said' - a short subject, then a speech verb."""
    return re.compile(
        r"[\s,]*(?:[^,.;:!?\"\s]+\s+){0,7}?[^,.;:!?\"\s]+(?:,\s[^,.;:!?\"]{1,60},)?\s+"
        r"(?:(?:has|had|have|also|later|then|again|once|previously|reportedly)\s+)*"
        rf"(?P<verb>{_single_word_speech_verbs()})(?![\w-])"
    )
