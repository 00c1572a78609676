"""Statements: quotations with their speaker, and institutions' paraphrased positions.

A quotation (a quote left open at a paragraph's end continues in the next paragraph that opens
with a quote mark: one quotation) is attributed, in this order, by
  1. an attribution right after it:           "...," he told the magazine / "...," said X /
     "...," according to a spokesman, Majed al-Ansari (a name in apposition wins)
  2. a speech verb before it in its sentence:  Trump wrote that Zelensky "has no cards" (Trump);
     but a person named as subject just before it takes a later quote once the verb's own quote
     has come: Leavitt said the plan is "good ...," and that Donald Trump "supports" it
  3. a colon: 'Zelensky: "..."', or a paragraph ending "... set out his red lines:" before it
  4. for a short fragment, the sentence's subject: Zelensky is ready to engage in "honest work"
  5. another attributed quotation in the same sentence ("A," X said, "B."), or, for a quoted
     sentence that opens a sentence, the quotation just before it.
Rules 2-5 skip scare quotes: terms used again unquoted (a "victory plan" ... his victory plan),
names in Title Case, and quotes after "so-called", "known as", a possessive, "a plan for a" or
a verb such as "unveil". Quotations with no speaker found are not statements.

Institutions speak indirectly: quoted fragments attributed to one ("Moscow has downplayed the
plan, characterizing any contact as "contacts"") and sentences where one says, denies, reports...
something ("Russia's defense ministry reported ...", "X happened, the ministry said", "X,
according to the Congressional Budget Office") give one indirect statement per sentence and
institution, unless the institution is quoted directly there; its text is the longest quoted
fragment, else the reported clause.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from .config import speakers_config
from .document import Document
from .places import gazetteer
from .lazy_regex import LazyPattern, alternation
from .model import Position
from .people import (GENERIC, INSTITUTION, PERSON, PERSON_ROLE_NOUNS, Speaker, looks_like_person_name,
                     speech_verb_regex)
from .quotes import Quote
from .sentences import Sentence


def extract_statements(document: Document) -> list[Position]:
    positions = []
    institutional: dict[tuple[int, str], list[_Attributed]] = {}
    quoted: set[tuple[int, str]] = set()  # (sentence start, speaker) with a direct quotation
    for item in _merge_split_quotes(document, _attribute_quotes(document)):
        if item.speaker.kind == INSTITUTION and item.fragment:
            institutional.setdefault((item.first.start, item.speaker.name), []).append(item)
            if len(item.value.split()) >= 2:  # the quoted words are the institution's own words too
                positions.append(_statement(document, item.speaker, item.value, item.first, item.last, indirect=False))
        else:
            positions.append(_statement(document, item.speaker, item.value, item.first, item.last, indirect=False))
            quoted.update((s.start, item.speaker.name) for s in (item.first, item.last))
        document.cache.setdefault("quote_speakers", []).extend((q.start, q.end, item.speaker.name) for q in item.quotes)
    positions.extend(_institutional_statements(document, institutional, quoted))
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
    results: list[_Attributed | None] = [None] * len(document.quotes)
    continued: set[int] = set()  # quotes that continue the previous paragraph's quotation
    for chain in _quotation_chains(document):
        quotes = [document.quotes[i] for i in chain]
        inners = [_inner(document, q) for q in quotes]
        if not re.search(r"\w", " ".join(inners)):
            continue
        first = _sentences_of(document, quotes[0])[0]
        last = _sentences_of(document, quotes[-1])[1]
        fragment = len(chain) == 1 and _is_fragment(inners[0])
        speaker, rule = _attribute_chain(document, quotes, first, last, fragment)
        if speaker:
            results[chain[0]] = _Attributed(quotes, inners, speaker, rule, first, last, fragment)
        continued.update(chain[1:])
    _inherit_within_sentence(document, results, continued)
    _inherit_continuations(document, results, continued)
    return [r for r in results if r is not None]


def _quotation_chains(document: Document) -> list[list[int]]:
    """Quote indexes grouped into quotations: a quote left open at its paragraph's end continues
    in the next paragraph when that paragraph opens with a quote mark (news style)."""
    text = document.text
    chains: list[list[int]] = []
    for i, quote in enumerate(document.quotes):
        previous = document.quotes[i - 1] if i else None
        if (
            chains
            and previous is not None
            and not previous.closed
            and not text[previous.end : quote.start].strip()
        ):
            chains[-1].append(i)
        else:
            chains.append([i])
    return chains


def _attribute_chain(
    document: Document, quotes: list[Quote], first: Sentence, last: Sentence, fragment: bool
) -> tuple[Speaker | None, str]:
    if len(quotes) == 1:
        return _attribute(document, quotes[0], first, last, fragment)
    speaker = _attribution_after(document, quotes[-1], last)
    if speaker is not None:
        return speaker, "after"
    return _attribute(document, quotes[0], first, _sentences_of(document, quotes[0])[1], False)


def _attribute(
    document: Document, quote: Quote, first: Sentence, last: Sentence, fragment: bool
) -> tuple[Speaker | None, str]:
    speakers = document.speakers
    speaker = _attribution_after(document, quote, last)
    if speaker is not None:
        return speaker, "after"
    if fragment and _is_scare_quote(document, quote):
        return None, ""
    adjacent = speakers.person_just_before(quote.start, first)
    speaker, verb_end = _speech_verb_before(document, quote.start, first)
    # 'X said that Y "..."' quotes X; 'X said "A," and that Y "B"' switches to Y for B.
    if adjacent is not None and (speaker is None or _quote_between(document, verb_end, quote.start)):
        return adjacent, "adjacent"
    if speaker is not None:
        return speaker, "verb"
    speaker = _introduced_by_colon(document, quote, first)
    if speaker is not None:
        return speaker, "colon"
    if fragment:
        speaker = speakers.subject_before(first, quote.start)
        if speaker is not None and speaker.kind != INSTITUTION:
            return speaker, "subject"
    return None, ""


def _attribution_after(document: Document, quote: Quote, sentence: Sentence) -> Speaker | None:
    """'"...," he said' / '"...," said Zelensky' / '"..." X told reporters' / '"...", according to X'."""
    text = document.text
    following = bisect_left(document.quote_starts, quote.end)
    next_quote = document.quote_starts[following] if following < len(document.quotes) else len(text)
    after = text[quote.end : min(max(sentence.end, quote.end), next_quote)]
    for regex in (_verb_then_subject_regex(), _ACCORDING_TO_AFTER):
        match = regex.match(after)
        if match:
            start = quote.end + match.start("who")
            end = start + len(match.group("who"))
            speaker = document.speakers.speaker_of_phrase(start, end)
            if speaker is None or speaker.kind == GENERIC:
                # "according to a Qatari foreign ministry spokesman, Majed al-Ansari"
                speaker = _person_in_apposition(document, end) or speaker
            return speaker
    match = _subject_then_verb_regex().match(after)
    if match:
        return document.speakers.subject_of_verb(sentence, quote.end + match.start("verb"))
    return None


def _speech_verb_before(document: Document, position: int, sentence: Sentence) -> tuple[Speaker | None, int]:
    """The subject of the last speech verb before `position` in its sentence (outside quotes),
    or the source named by "according to X," before it; and where that verb ends."""
    verbs = []
    for start, end in document.outside_quotes(sentence.start, position):
        according = _ACCORDING_TO_BEFORE.search(document.text, start, end)
        if according:
            return document.speakers.speaker_of_phrase(*according.span("who")), according.end()
        verbs.extend(speech_verb_regex().finditer(document.text, start, end))
    for verb in reversed(verbs):
        speaker = document.speakers.subject_of_verb(sentence, verb.start())
        if speaker is not None:
            return speaker, verb.end()
    return None, -1


def _quote_between(document: Document, start: int, end: int) -> bool:
    first = bisect_left(document.quote_starts, start)  # the first quote starting at or after start ends first
    return first < len(document.quotes) and document.quote_ends[first] <= end


def _introduced_by_colon(document: Document, quote: Quote, sentence: Sentence) -> Speaker | None:
    """'Zelensky: "..."', 'Jeffries: "..."', or a paragraph ending 'X set out his red lines:'
    followed by a paragraph that opens with the quote."""
    text = document.text
    left = text[sentence.start : quote.start].rstrip()
    if not left:
        index = document.sentence_index(sentence)
        if index == 0:
            return None
        previous = document.sentences[index - 1]
        if not text[previous.start : previous.end].rstrip().endswith(":"):
            return None
        speaker, _ = _speech_verb_before(document, previous.end, previous)
        return speaker or _colon_speaker(document, previous, previous.end)
    if not left.endswith(":"):
        return None
    return _colon_speaker(document, sentence, sentence.start + len(left))


def _colon_speaker(document: Document, sentence: Sentence, colon_end: int) -> Speaker | None:
    """Who introduces what follows a colon: a name right before it, else the clause subject."""
    text = document.text
    colon = text.rfind(":", sentence.start, colon_end)
    name = _NAME_BEFORE_COLON.search(text, max(sentence.start, colon - 60), colon)
    if name:
        mentions = document.speakers.mentions_in(name.start("who"), name.end("who"))
        if mentions and mentions[-1].speaker and not mentions[-1].possessive:
            return mentions[-1].as_speaker
        words = name.group("who").split()
        if looks_like_person_name(words):
            return Speaker(name.group("who"), PERSON)
    return document.speakers.subject_before(sentence, colon)


def _person_in_apposition(document: Document, end: int) -> Speaker | None:
    """A person named right after a description: '..., a Qatari spokesman, Majed al-Ansari'."""
    match = _APPOSITION_START.match(document.text, end)
    if not match:
        return None
    for mention in document.speakers.mentions_in(match.end(), match.end() + 80):
        if mention.start == match.end() and mention.kind == PERSON and mention.speaker:
            return mention.as_speaker
        break
    return None


def _inherit_within_sentence(document: Document, results: list[_Attributed | None], continued: set[int]) -> None:
    """An unattributed quote takes the speaker of the nearest attributed quote in its sentence."""
    quotes = document.quotes
    for i, quote in enumerate(quotes):
        inner = _inner(document, quote)
        if i in continued or results[i] is not None or not inner or (_is_fragment(inner) and _is_scare_quote(document, quote)):
            continue
        first, last = _sentences_of(document, quote)
        neighbours = [
            j for j, other in enumerate(results)
            if other is not None and other.rule != "inherited" and other.first == first
        ]
        if neighbours:
            source = results[min(neighbours, key=lambda j: abs(j - i))]
            results[i] = _Attributed([quote], [inner], source.speaker, "inherited", first, last, _is_fragment(inner))


def _inherit_continuations(document: Document, results: list[_Attributed | None], continued: set[int]) -> None:
    """'X said: "A." "B."' or a new paragraph opening with "B." -> B is also X's."""
    text = document.text
    for i, quote in enumerate(document.quotes):
        previous = results[i - 1] if i else None
        if i in continued or results[i] is not None or previous is None:
            continue
        inner = _inner(document, quote)
        first, last = _sentences_of(document, quote)
        opens_sentence = not text[first.start : quote.start].strip()
        gap = text[previous.quotes[-1].end : quote.start]
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
    document: Document, fragments: dict[tuple[int, str], list[_Attributed]], quoted: set[tuple[int, str]]
) -> list[Position]:
    positions = []
    done = set(quoted)
    for (sentence_start, name), items in fragments.items():
        longest = max((item.value for item in items), key=len)
        positions.append(_statement(document, items[0].speaker, longest, items[0].first, items[-1].last, indirect=True))
        done.add((sentence_start, name))
    text = document.text
    for sentence in document.sentences:
        for mention in document.speakers.mentions_in(sentence.start, sentence.end):
            if mention.kind != INSTITUTION or not mention.speaker or mention.possessive:
                continue
            if not mention.subject and not _after_according_to(text, sentence, mention):
                continue
            if (sentence.start, mention.speaker) in done:
                continue
            clause = _according_to_clause(document, sentence, mention)
            if clause is not None and _PERSON_AFTER.match(text, mention.end, sentence.end):
                continue  # "according to a Qatari foreign ministry spokesman, ...": a person speaks
            if clause is None:
                verb = _PARAPHRASE_VERB.match(text, mention.end, sentence.end)
                if not verb:
                    continue
                if _someone_else_says(document, sentence, verb.end(), mention.speaker):
                    continue  # "Kyiv rejects ..., Zelensky said": Zelensky is the speaker
                clause_start = verb.end()
                told = _TOLD_WHOM_THAT.match(text, verb.end(), sentence.end) if verb.group().rstrip().endswith(("told", "tells")) else None
                if told:
                    clause_start = told.end()  # "Hamas told mediators on Sunday that it was ready ..."
                clause = _clause_after(text, clause_start, sentence.end)
                if _INVERTED_END.match(text, verb.end(), sentence.end):
                    clause = _clause_before(document, sentence, mention.start)  # "X happened, the ministry said."
            if len(clause.split()) < 2:
                continue
            speaker = Speaker(mention.speaker, INSTITUTION)
            positions.append(_statement(document, speaker, clause, sentence, sentence, indirect=True))
            done.add((sentence.start, mention.speaker))
    positions.extend(_unnamed_organisations(document, done))
    return positions


def _unnamed_organisations(document: Document, done: set) -> list[Position]:
    """Organisations the speaker tables do not know, opening a sentence as the subject of a verb
    of saying: acronyms ("The M23 said ...", "RCMP say ...") and single names no person in the
    text bears ("Rosatom said ...", "Ukrzaliznytsia said ...")."""
    text = document.text
    positions = []
    for sentence in document.sentences:
        opening = _ORGANISATION_OPENING.match(text, sentence.start, sentence.end)
        if opening is not None:
            name = opening.group("org")
            if document.speakers.mentions_in(sentence.start, opening.end("org")):
                continue  # a known speaker opens the sentence
            if _someone_else_says(document, sentence, opening.end(), name):
                continue
            clause = _clause_after(text, opening.end(), sentence.end)
        else:
            closing = _ORGANISATION_CLOSING.search(text, sentence.start, sentence.end)
            group = "org" if closing is not None and closing.group("org") else "org2"
            if closing is None or document.speakers.mentions_in(closing.start(group), closing.end(group)):
                continue
            name = closing.group(group)  # "..., Basarnas said.", "..., according to the NDMA."
            clause = _TRAILING_ARTICLE.sub("", text[sentence.start : closing.start()]).strip().rstrip(",")
        if name in _NOT_ORGANISATIONS or (sentence.start, name) in done or not _organisation_name(document, name):
            continue
        if len(clause.split()) < 2:
            continue
        name = document.speakers.acronym(name)
        positions.append(_statement(document, Speaker(name, INSTITUTION), clause, sentence, sentence, indirect=True))
        done.add((sentence.start, name))
    return positions


def _organisation_name(document: Document, name: str) -> bool:
    """An acronym ("RCMP", "M23"), or a capitalised word that is no place, no person's name in the
    text and no ordinary word ("Rosatom")."""
    if name.isupper() or any(c.isdigit() for c in name):
        return True
    if name in gazetteer() or name.lower() in document.lowercase_words:
        return False
    return not any(name in (m.speaker or "").split() for m in document.speakers.mentions)


def _someone_else_says(document: Document, sentence: Sentence, start: int, speaker: str) -> bool:
    """Another speaker attributes the sentence after `start`: '... , Zelensky said'."""
    for segment_start, segment_end in document.outside_quotes(start, sentence.end):
        for verb in _ATTRIBUTION_AFTER.finditer(document.text, segment_start, segment_end):
            other = document.speakers.subject_of_verb(sentence, verb.start())
            if other is not None and other.name != speaker:
                return True
    return False


def _clause_after(text: str, start: int, end: int) -> str:
    clause = text[start:end].strip().rstrip(".").strip()
    clause = _LEADING_ADVERBIAL.sub("", clause)
    return _LEADING_THAT.sub("", clause)


def _clause_before(document: Document, sentence: Sentence, position: int) -> str:
    """The reported clause before an inverted attribution: from the sentence start (or the last
    quotation before it) to the comma before the institution."""
    text = document.text
    start = document.speakers.last_quote_end(sentence.start, position)
    return _TRAILING_ARTICLE.sub("", text[start:position])


def _after_according_to(text: str, sentence: Sentence, mention) -> bool:
    return bool(_ACCORDING_TO_UNTIL.search(text, max(sentence.start, mention.start - 90), mention.start))


def _according_to_clause(document: Document, sentence: Sentence, mention) -> str | None:
    """'X happened, according to AFAD' -> "X happened"; 'According to the ministry, X' -> "X"."""
    text = document.text
    according = _ACCORDING_TO_UNTIL.search(text, max(sentence.start, mention.start - 90), mention.start)
    if not according:
        return None
    before = text[sentence.start : according.start()].strip().rstrip(",").strip()
    if before:
        return before
    rest = text[mention.end : sentence.end]
    comma = rest.find(",")
    return rest[comma + 1 :].strip().rstrip(".").strip() if comma >= 0 else ""


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
    """A quoted phrase rather than a quoted sentence: a sentence starts with a capital and has
    four words or more, or ends with its own punctuation ("Malnutrition is surging,")."""
    return not (inner[:1].isupper() and (len(inner.split()) >= 4 or (len(inner.split()) >= 2 and inner[-1:] in ".,!?")))


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
        return _used_outside_quotes(document, inner.lower())
    return False


def _used_outside_quotes(document: Document, phrase: str) -> bool:
    lower = document.cache.get("lower")
    if lower is None:
        lower = document.cache["lower"] = document.text.lower()
    at = lower.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        whole = (at == 0 or not (lower[at - 1].isalnum() or lower[at - 1] in '_"')) and (
            end == len(lower) or not (lower[end].isalnum() or lower[end] in '_"')
        )
        inside = bisect_right(document.quote_starts, at) - 1  # the last quote starting at or before `at`
        if whole and not (inside >= 0 and at < document.quote_ends[inside]):
            return True
        at = lower.find(phrase, at + 1)
    return False


def _clean_quote_text(quote: str) -> str:
    quote = quote.strip().rstrip(",").rstrip()
    if quote[:1].islower():
        quote = quote.rstrip(".").rstrip()
    return quote


_SMALL_WORDS = frozenset("of the and for a an in on to at by".split())
_TRAILING_ARTICLE = LazyPattern(r"[\s,]*(?:\b(?:the|a|an)\s*)?$", re.IGNORECASE)
_PERSON_AFTER = LazyPattern(rf"\s+(?:{PERSON_ROLE_NOUNS})\b", re.IGNORECASE)
_ATTRIBUTION_AFTER = LazyPattern(r"(?<![\w-])(?:said|says|told|wrote|added|according)(?![\w-])")
_NAME_BEFORE_COLON = LazyPattern(r"(?P<who>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})\s*$")
_APPOSITION_START = LazyPattern(r"\s*,\s*")
_DAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
_INVERTED_END = LazyPattern(
    rf"(?:\s+(?:on|in|late|early|last|this)\s+\w+(?:\s+\w+)?|\s+(?:on\s+)?(?:{_DAY}|tonight|overnight|earlier|later)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?\s*(?:[,.;]|$)"
)
_ACCORDING_TO_UNTIL = LazyPattern(r"\b[Aa]ccording\s+to\s+(?:[^,.;:!?\"]{0,70},\s*)?(?:the\s+)?(?:[\w'-]+\s+){0,5}$")
_LEADING_ADVERBIAL = LazyPattern(r"^(?:on|late\s+on|early\s+on|in|last|this|earlier\s+on)\s+(?:\w+day|\w+)(?:\s+(?:morning|evening|night|afternoon))?\s*,?\s+(?=\S)")
_TERM_MARKER = LazyPattern(
    r"(?:so-called|known\s+as|titled|entitled|codenamed|code-named|the\s+(?:word|term|phrase|slogan)|"
    r"\b(?:his|her|its|their|our)|'s|\b(?:unveil|present|reveal|launch|publish|release|adopt)\w*(?:\s+\w+)?|"
    r"\b(?:plans?|proposals?|ideas?|calls?|schemes?|initiatives?|bids?)\s+(?:for|of)\s+(?:a|an|the))"
    r"\s+(?:(?:a|an|the|its|his|her|their|new)\s+)?$",
    re.IGNORECASE,
)
_SPLIT_ATTRIBUTION = LazyPattern(r",?\s*[^\".!?]{1,80},\s*")
_ACCORDING_TO_BEFORE = LazyPattern(r"\baccording\s+to\s+(?P<who>[^,.;:!?\"]{1,80}),\s*$", re.IGNORECASE)
_ACCORDING_TO_AFTER = LazyPattern(r"[\s,]*according\s+to\s+(?P<who>[^,.;:!?\"]{1,80})")
_LEADING_THAT = LazyPattern(r"^(?:that|on\s+\w+\s+that)\s+")
_TOLD_WHOM_THAT = LazyPattern(r"\s+[^,.;:\"]{1,60}?\s+that\s+")
_ORGANISATION_NAME = r"[A-Z][A-Za-z0-9&-]*[A-Z0-9][A-Za-z0-9&-]*|[A-Z][a-z]{3,}"  # "RCMP", "M23", "Rosatom"
_ORGANISATION_OPENING = LazyPattern(
    rf"(?:The\s+)?(?P<org>{_ORGANISATION_NAME})"
    r"(?:\s+(?:has|have|had|also|again|later|on\s+\w+day))*\s+"
    r"(?:said|says|say|denied|denies|deny|reported|reports|report|announced|announces|claimed|claims|warned|warns|"
    r"confirmed|confirms|stated|states|insisted|insists|accused|accuses|estimated|estimates|told|tells)\b"
)
_ORGANISATION_CLOSING = LazyPattern(
    rf",\s+(?:(?:according\s+to|said|says)\s+(?:the\s+)?(?P<org>{_ORGANISATION_NAME})"
    rf"|(?:the\s+)?(?P<org2>{_ORGANISATION_NAME})\s+(?:said|says|reported|reports|announced|confirmed|estimated))"
    rf"(?:\s+(?:on\s+)?(?:{_DAY}))?\s*[.;]?\s*$"
)
_NOT_ORGANISATIONS = frozenset(
    "He She They It We I You This That These Those There Officials Police Authorities Witnesses Residents Doctors "
    "Medics Rescuers Reports Sources Analysts Experts Critics Survivors Relatives Locals Investigators Prosecutors "
    "Diplomats Observers Activists Villagers Families Others Some Many Most Both".split()
)
_PARAPHRASE_VERB = LazyPattern(
    r"(?:\s*\([A-Z][A-Z0-9&]{1,9}\))?"  # "the National Emergency Management Agency (NEMA) said"
    r"(?:,\s[^,\"]{1,80},)?"  # "The GHF, the US-backed group running the sites, has rejected ..."
    r"(?:\s+(?:has|have|had|also|again|repeatedly|previously|on\s+\w+day|quickly|swiftly|publicly|since|"
    r"later|earlier|separately|officially|formally|still|continues\s+to|continued\s+to))*\s+"
    r"(?:said|says|denied|denies|downplayed|downplays|dismissed|dismisses|rejected|rejects|reported|reports|"
    r"announced|announces|claimed|claims|warned|warns|accused|accuses|insisted|insists|stated|states|confirmed|"
    r"confirms|welcomed|welcomes|condemned|condemns|called\s+for|calls\s+for|urged|urges|described|describes|"
    r"ruled\s+out|rules\s+out|refused|refuses|criticised|criticized|demanded|demands|responded|"
    r"characterized|characterised|signalled|signaled|indicated|maintained|maintains|reaffirmed|reaffirms|"
    r"branded|brands|estimated|estimates|added|adds|told|tells|wrote|writes|posted|vowed|vows|pledged|"
    r"acknowledged|admitted|argued|argues|noted|notes|stressed|stresses|declared|declares)\b"
)


@cache
def _single_word_speech_verbs() -> str:
    return alternation(v for v in speakers_config()["speech"]["verbs"] if " " not in v)


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
        r"[\s,]*(?:[^,;:!?\"\s]+\s+){0,7}?[^,;:!?\"\s]+(?:,\s[^,.;:!?\"]{1,60},)?\s+"
        r"(?:(?:has|had|have|also|later|then|again|once|previously|reportedly)\s+)*"
        rf"(?P<verb>{_single_word_speech_verbs()})(?![\w-])"
    )
