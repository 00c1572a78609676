"""Casualty counts: "at least 26 people died", "killing 12", "the death toll rose to 30".

A count is only a casualty count when it is tied to a casualty outcome and counts people (or
nothing at all, "12 were injured"): drones destroyed, ages, years, money, percentages and tonnes
of aid never match. The place is the best place named in the same sentence (a city or region
after in/on/at/near first), else in the nearest earlier sentence of the paragraph (at most three
back), else "unknown".
"""

import re
from dataclasses import dataclass
from functools import cache

from .document import Document
from .model import Position
from .numbers import COUNT, QUALIFIER, parse_count
from .places import best_place, find_places
from .sentences import Sentence

UNKNOWN_PLACE = "unknown"
_PREVIOUS_SENTENCES_FOR_PLACE = 3


def extract_casualties(document: Document) -> list[Position]:
    positions = []
    for sentence in document.sentences:
        counts = _counts_in(document.text, sentence)
        if not counts:
            continue
        source = document.source_of(sentence)
        for count in counts:
            place = _place_for(document, sentence, count.anchor)
            positions.append(
                Position(
                    kind="casualty_count",
                    key=f"{place}|{count.outcome}",
                    value_num=count.value,
                    value_text=None,
                    unit=count.unit,
                    qualifier=count.qualifier,
                    speaker=source,
                    evidence=sentence.text,
                    char_start=sentence.start,
                    char_end=sentence.end,
                    place=place,
                    outcome=count.outcome,
                    detail=count.detail,
                )
            )
    return positions


@dataclass(frozen=True, slots=True)
class _Count:
    anchor: int  # offset of the number in the text
    value: float
    qualifier: str | None
    outcome: str
    unit: str
    detail: str | None


def _counts_in(text: str, sentence: Sentence) -> list[_Count]:
    """Casualty counts in the sentence, one per number (the first pattern to read it wins)."""
    readers = (
        (_count_then_outcome(), _read_count_then_outcome),
        (_verb_then_count(), _read_verb_then_count),
        (_toll_then_count(), _read_toll),
    )
    counts: dict[int, _Count] = {}
    for regex, reader in readers:
        for match in regex.finditer(text, sentence.start, sentence.end):
            count = reader(text, match, sentence.end)
            if count is not None and count.anchor not in counts:
                counts[count.anchor] = count
    return sorted(counts.values(), key=lambda c: c.anchor)


# -- "at least 26 people died", "17 people were still unaccounted for", "five deaths" --------


def _read_count_then_outcome(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    outcome = _outcome_of(match.group("outcome"))
    noun = match.group("noun")
    if outcome in ("captured", "evacuated") and not noun:
        return None
    return _make_count(match, outcome, noun)


# -- "killing 12", "injuring at least 30 civilians", "left five people dead" -------------------


def _read_verb_then_count(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    verb = match.group("verb").lower()
    noun = match.group("noun")
    tail = (match.group("tail") or "").strip().lower()
    if verb.startswith(("took", "tak")):
        if tail not in ("prisoner", "prisoners", "captive", "hostage") or not noun:
            return None
        outcome = "captured"
    elif verb.startswith(("left", "leav")):
        if tail not in ("dead", "injured", "wounded", "hurt"):
            return None
        outcome = _outcome_of(tail)
    elif verb.startswith("claim"):
        if "lives" not in verb and tail != "lives":
            return None
        outcome = "killed"
    else:
        outcome = _outcome_of(verb)
        if outcome in ("captured", "evacuated") and not noun:
            return None
    if not noun and not tail:
        following = re.match(r"\s*([A-Za-z]+)", text[match.end() : sentence_end])
        if following and following.group(1).islower() and following.group(1) not in _FOLLOWERS_OF_BARE_COUNT:
            return None
        if _looks_like_year(match.group("count")):
            return None
    return _make_count(match, outcome, noun)


# -- "the death toll rose to 30", "the number of injured reached 12" --------------------------


def _read_toll(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    what = match.group("toll").lower()
    if _looks_like_year(match.group("count")):
        return None
    following = re.match(r"\s*([A-Za-z]+)", text[match.end() : sentence_end])
    if following and following.group(1).lower() in _NON_PERSON_UNITS:
        return None
    outcome = "killed"
    for word, meaning in (("injur", "injured"), ("wound", "injured"), ("missing", "missing")):
        if word in what:
            outcome = meaning
    return _make_count(match, outcome, match.group("noun"))


def _make_count(match: re.Match, outcome: str, noun: str | None) -> _Count | None:
    value, qualifier, detail = parse_count(match.group("count"), match.group("qual"))
    if value is None:
        return None
    return _Count(match.start("count"), value, qualifier, outcome, _unit_of(noun), detail)


# -- place ------------------------------------------------------------------------------------


def _place_for(document: Document, sentence: Sentence, anchor: int) -> str:
    index = document.sentence_index(sentence)
    for back in range(0, _PREVIOUS_SENTENCES_FOR_PLACE + 1):
        if index - back < 0:
            break
        candidate = document.sentences[index - back]
        if candidate.paragraph != sentence.paragraph:
            break
        place = best_place(_places_in(document, candidate), anchor if back == 0 else candidate.end)
        if place is not None:
            return place.name
    return UNKNOWN_PLACE


def _places_in(document: Document, sentence: Sentence):
    people = [
        (m.start, m.end)
        for m in document.speakers.mentions_in(sentence.start, sentence.end)
        if m.kind in ("person", "role", "pronoun")
    ]
    return find_places(document.text, sentence.start, sentence.end, people)


# -- vocabulary -------------------------------------------------------------------------------

_PERSON_NOUNS = {
    "people": "people", "persons": "people", "person": "people", "individuals": "people", "individual": "people",
    "others": "people", "victims": "people", "victim": "people", "adults": "people", "adult": "people",
    "civilians": "civilians", "civilian": "civilians", "non-combatants": "civilians",
    "children": "children", "child": "children", "kids": "children", "minors": "children", "minor": "children",
    "teenagers": "children", "teenager": "children", "teens": "children", "boys": "children", "boy": "children",
    "girls": "children", "girl": "children", "babies": "children", "baby": "children", "infants": "children",
    "infant": "children", "toddlers": "children", "toddler": "children",
    "soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers", "servicemen": "soldiers",
    "serviceman": "soldiers", "service members": "soldiers", "servicemembers": "soldiers",
    "military personnel": "soldiers", "personnel": "soldiers", "fighters": "soldiers", "fighter": "soldiers",
    "combatants": "soldiers", "marines": "soldiers", "paratroopers": "soldiers", "conscripts": "soldiers",
    "militants": "militants", "militant": "militants",
    "men": "men", "man": "men", "women": "women", "woman": "women",
    "residents": "residents", "resident": "residents", "inhabitants": "residents", "villagers": "residents",
    "workers": "workers", "worker": "workers", "employees": "workers", "staff": "workers", "miners": "workers",
    "police officers": "police officers", "policemen": "police officers", "police": "police officers",
    "officers": "officers", "officer": "officers", "firefighters": "firefighters", "firefighter": "firefighters",
    "rescuers": "rescuers", "rescue workers": "rescuers", "emergency workers": "rescuers",
    "medics": "medics", "medic": "medics", "doctors": "medics", "nurses": "medics", "paramedics": "medics",
    "journalists": "journalists", "journalist": "journalists", "reporters": "journalists",
    "passengers": "passengers", "passenger": "passengers", "students": "students", "pupils": "students",
    "prisoners": "prisoners", "prisoner": "prisoners", "pows": "prisoners", "prisoners of war": "prisoners",
    "hostages": "hostages", "hostage": "hostages", "migrants": "migrants", "refugees": "refugees",
    "pilgrims": "pilgrims", "tourists": "tourists", "citizens": "citizens", "nationals": "citizens",
    "family members": "people", "relatives": "people", "guards": "guards", "peacekeepers": "peacekeepers",
    "crew members": "crew", "crew": "crew", "sailors": "sailors", "volunteers": "volunteers",
    "pensioners": "pensioners", "elderly people": "people", "protesters": "protesters", "demonstrators": "protesters",
    "palestinians": "Palestinians", "ukrainians": "Ukrainians", "russians": "Russians", "israelis": "Israelis",
    "americans": "Americans",
}
_NON_PERSON_UNITS = frozenset(
    "years year months month weeks week days day hours hour minutes km kilometres kilometers miles metres meters "
    "percent tonnes tons am pm bn billion dollars euros pounds hryvnias roubles rubles".split()
)
_FOLLOWERS_OF_BARE_COUNT = frozenset(
    "and in on at near during as when while after before across including of others overnight since so "
    "instantly outright immediately there nationwide altogether total in total more".split()
)


def _unit_of(noun: str | None) -> str:
    if not noun:
        return "people"
    return _PERSON_NOUNS.get(" ".join(noun.lower().split()), noun.lower())


def _outcome_of(word: str) -> str:
    word = " ".join(word.lower().split())
    if word.startswith(("kill", "dead", "died", "perish", "slain", "death", "fatalit", "lost their", "lives")):
        return "killed"
    if word.startswith(("injur", "wound", "hurt", "hospitali")):
        return "injured"
    if word.startswith(("missing", "unaccounted")):
        return "missing"
    if word.startswith(("captur", "taken", "abduct")):
        return "captured"
    if word.startswith("evacuat"):
        return "evacuated"
    return "killed"


def _looks_like_year(count: str) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", count.strip()))


_PERSON_NOUN = "(?:" + "|".join(
    re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_PERSON_NOUNS, key=len, reverse=True)
) + ")"
_MORE = r"(?:\s+(?:more|other|further|additional)(?![\w-]))?"
_ADJECTIVES_AND_NOUN = rf"(?:\s+(?:[\w'-]+\s+){{0,2}}?(?P<noun>{_PERSON_NOUN})(?![\w-]))?"
_GAP = (
    r"(?:were|was|are|is|have|has|had|been|being|be|to|still|reportedly|also|later|all|now|so\s+far|confirmed|"
    r"believed|feared|thought|known|presumed|found|left|remain|remained|remains|reported|listed|as|who|"
    r"subsequently|initially|since|already|seriously|critically|badly|severely|slightly|lightly|fatally|"
    r"gravely|mortally|either|officially|tragically)"
)
_OUTCOME = (
    r"(?:killed|dead|died|perished|slain|deaths|fatalities|lost\s+their\s+lives|injured|injuries|wounded|hurt|"
    r"hospitali[sz]ed|missing|unaccounted(?:\s+for)?|captured|taken\s+(?:prisoner|captive|hostage)|abducted|evacuated)"
)


@cache
def _count_then_outcome() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT}){_MORE}{_ADJECTIVES_AND_NOUN}"
        r"(?:\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them)\s+[^,.;]{1,60},)?"
        rf"(?:\s+(?:civilian|military|confirmed|reported))?"
        rf"(?:\s+{_GAP})*?\s+(?P<outcome>{_OUTCOME})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _verb_then_count() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(?P<verb>kill(?:ed|ing|s)?|injur(?:ed|ing|es)|wound(?:ed|ing|s)?|hurt(?:ing|s)?|"
        r"evacuat(?:ed|ing|es)|captur(?:ed|ing|es)|left|leav(?:ing|es)|took|tak(?:e|es|ing)|"
        r"claim(?:ed|ing|s)?\s+the\s+lives\s+of|claim(?:ed|ing|s)?)"
        rf"\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT}){_MORE}{_ADJECTIVES_AND_NOUN}"
        r"(?P<tail>\s+(?:dead|injured|wounded|hurt|lives|prisoner|prisoners|captive|hostage)(?![\w-]))?",
        re.IGNORECASE,
    )


@cache
def _toll_then_count() -> re.Pattern[str]:
    return re.compile(
        r"(?P<toll>(?:death|the|injury|casualty)\s+toll|number\s+of\s+(?:people\s+)?(?:dead|deaths|killed|"
        r"fatalities|victims|injured|wounded|missing))(?![\w-])"
        r"(?P<mid>[^.;!?\"]{0,80}?)"
        r"(?<![\w-])(?:to|at|of|reached|hit|is|was|now|stands\s+at|stood\s+at)\s+"
        rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT})(?:\s+(?P<noun>{_PERSON_NOUN})(?![\w-]))?",
        re.IGNORECASE,
    )
