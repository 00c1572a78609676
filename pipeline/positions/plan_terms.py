"""Plan terms: the negotiating points a sentence talks about (plan_terms.toml), with the stance
the sentence takes on them, who holds them, and for a military size cap, the number.

Stance: the stance cue nearest the term in its sentence ("proposes", "pleas for", "rejects"...),
cues before the term preferred, else "mentioned". Holder: the actor who is the subject of that
cue ("Kyiv rejects ..."), else the owner of a plan named in the sentence ("the Ukrainian plan"),
else, when the sentence is about "the plan"/"this proposal", the actor the whole text says drew
the plan up ("The US has been quietly working on this proposal").
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .config import plan_terms_config
from .document import Document
from .lazy_regex import LazyPattern
from .model import Position
from .numbers import NUMBER, QUALIFIER, parse_count
from .people import in_subject_position
from .sentences import Sentence


def extract_plan_terms(document: Document) -> list[Position]:
    text = document.text
    positions = []
    for sentence in document.sentences:
        source = None
        for term, patterns in _term_patterns().items():
            match = _first_match(patterns, text, sentence)
            if match is None:
                continue
            source = source or document.source_of(sentence)
            stance, cue = _stance(text, sentence, match)
            value, qualifier, unit = _numeric_value(term, match)
            positions.append(
                Position(
                    kind="plan_term",
                    key=term,
                    value_num=value,
                    value_text=stance,
                    unit=unit,
                    qualifier=qualifier,
                    speaker=source,
                    evidence=sentence.text,
                    char_start=sentence.start,
                    char_end=sentence.end,
                    holder=_holder(document, sentence, cue, source),
                    detail=_detail(text, match, sentence),
                )
            )
    return positions


def _holder(document: Document, sentence: Sentence, cue: "_Cue | None", source: str | None) -> str | None:
    """The actor subject of the stance cue, else the owner of a plan named in the sentence, else
    (for "the plan", "this proposal") the text's plan owner, else the source's side."""
    text = document.text
    holder = _holder_from_cue(text, sentence, cue) or _plan_owner_in(text, sentence.start, sentence.end)
    if holder is None and _PLAN_WORD.search(text, sentence.start, sentence.end):
        holder = _plan_owner_of_document(document)
    if holder is None and source:
        actors = _actors()
        holder = actors.get(source) or next((actors[w] for w in source.split() if w in actors), None)
    return holder


def _first_match(patterns: list[re.Pattern[str]], text: str, sentence: Sentence) -> re.Match | None:
    matches = [m for p in patterns if (m := p.search(text, sentence.start, sentence.end))]
    return min(matches, key=lambda m: m.start()) if matches else None


def _numeric_value(term: str, match: re.Match) -> tuple[float | None, str | None, str | None]:
    groups = match.re.groupindex
    if "num" not in groups or match.group("num") is None:
        return None, None, None
    qual = match.group("qual") if "qual" in groups else None
    value, qualifier, _ = parse_count(match.group("num"), qual)
    return value, qualifier, _term_units().get(term)


# -- stance -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cue:
    stance: str
    start: int
    end: int
    text: str


def _stance(text: str, sentence: Sentence, term: re.Match) -> tuple[str, _Cue | None]:
    config = plan_terms_config()["stances"]
    order = config["order"]
    cues = []
    for stance, regexes in _stance_cues().items():
        for regex in regexes:
            for match in regex.finditer(text, sentence.start, sentence.end):
                if match.start() < term.end() and term.start() < match.end():
                    continue  # part of the term itself
                cues.append(_Cue(stance, match.start(), match.end(), match.group()))
    if not cues:
        return config["default"], None

    def rank(cue: _Cue) -> tuple[int, int, int]:
        if cue.end <= term.start():
            distance = term.start() - cue.end
        else:
            distance = 2 * (cue.start - term.end()) + 40
        return distance, -(cue.end - cue.start), order.index(cue.stance)

    best = min(cues, key=rank)
    if best.stance == "demanded" and not _NOUN_CUES.search(best.text) and _plan_is_subject_of(text, sentence, best):
        return "proposed", best  # "The 28-point plan ... would require Ukraine to ..."
    return best.stance, best


def _plan_is_subject_of(text: str, sentence: Sentence, cue: _Cue) -> bool:
    """A plan word before the cue with no actor as clause subject in between."""
    plan_words = list(_PLAN_WORD.finditer(text, sentence.start, cue.start))
    if not plan_words:
        return False
    after_plan = plan_words[-1].end()
    return not any(
        in_subject_position(text, sentence.start, actor.start())
        for actor in _actor_regex().finditer(text, after_plan, cue.start)
    )


# -- holder -----------------------------------------------------------------------------------

_NOUN_CUES = LazyPattern(
    r"(?:plans?|drafts?|proposals?|framework|blueprint|initiative|pleas?\s+for|including|includes?|red\s+lines?)$",
    re.IGNORECASE,
)
_PLAN_WORD = LazyPattern(
    r"\b(?:plans?|drafts?|proposals?|deal|framework|blueprint|initiative|peace\s+terms)\b", re.IGNORECASE
)


def _holder_from_cue(text: str, sentence: Sentence, cue: _Cue | None) -> str | None:
    """The actor that is the subject of a verb cue: "Kyiv rejects", "Trump ... would force them"."""
    if cue is None or _NOUN_CUES.search(cue.text):
        return None
    candidates = []
    for match in _actor_regex().finditer(text, sentence.start, cue.start):
        following = text[match.end() : match.end() + 20].split()
        if following and following[0].strip(",.") in _cognition_words():
            continue
        if text.startswith("'s", match.end()) or _coordinated(text, match, sentence):
            continue
        if in_subject_position(text, sentence.start, match.start()):
            candidates.append(match)
    if not candidates:
        return None
    return _actors()[candidates[-1].group()]


def _coordinated(text: str, actor: re.Match, sentence: Sentence) -> bool:
    """One of a pair of actors ("urge Russia and Ukraine to ...") is not a clause subject."""
    before = text[sentence.start : actor.start()]
    after = text[actor.end() : sentence.end]
    actors = _actor_alternation()
    return bool(
        re.search(rf"(?:{actors})\s+(?:and|or)\s+$", before) or re.match(rf"\s+(?:and|or)\s+(?:{actors})\b", after)
    )


def _plan_owner_in(text: str, start: int, end: int) -> str | None:
    """"the Ukrainian plan", "Zelensky's victory plan", "a US draft"."""
    match = _owned_plan_regex().search(text, start, end)
    return _actors()[match.group("actor")] if match else None


def _plan_owner_of_document(document: Document) -> str | None:
    """The actor the text most often presents as drawing up the plan."""
    if "plan_owner" in document.cache:
        return document.cache["plan_owner"]
    document.cache["plan_owner"] = owner = _count_plan_owner(document.text)
    return owner


def _count_plan_owner(text: str) -> str | None:
    """Votes: "the Ukrainian plan" counts 1, "The US has been working on this proposal" 2."""
    votes: Counter[str] = Counter()
    for match in _owned_plan_regex().finditer(text):
        votes[_actors()[match.group("actor")]] += 1
    for match in _authored_plan_regex().finditer(text):
        votes[_actors()[match.group("actor")]] += 2
    if not votes:
        return None
    return votes.most_common(1)[0][0]


# -- detail -----------------------------------------------------------------------------------

_DETAIL_BOUNDARY = LazyPattern(
    r"[,;:!?\"()]|\.(?=\s|$)|\s[-–—]\s|\s(?:and|while|but|as|which|though|although|because|whereas|or)\s"
)
_GOVERNING_WORD_BEFORE = LazyPattern(
    r"\b(?:accept|accepting|accepts|make|making|offer|offering|demand|demanding|reject|rejecting|require|"
    r"requiring|seek|seeking|no|any|grant|granting|give|giving|provide|providing)\s+$",
    re.IGNORECASE,
)
_MAX_DETAIL_WORDS = 12


def _detail(text: str, match: re.Match, sentence: Sentence) -> str:
    """The matched phrase, extended to the end of its clause, first verb in its base form:
    "foregoing NATO membership" -> "forgo NATO membership"; "the lifting of sanctions" ->
    "lift sanctions"; "a return to the G8" -> "return to the G8"."""
    start = match.start()
    governing = _GOVERNING_WORD_BEFORE.search(text, max(sentence.start, start - 15), start)
    if governing:
        start = governing.start()
    boundary = _DETAIL_BOUNDARY.search(text, match.end(), sentence.end)
    end = boundary.start() if boundary else sentence.end
    words = text[start:end].split()[:_MAX_DETAIL_WORDS]
    words = [w.strip('"') for w in words if w.strip('"')]
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if words:
        lemma = _lemmas().get(words[0].lower())
        if lemma:
            words[0] = lemma
            if len(words) > 1 and words[1].lower() == "of":
                words = [words[0]] + words[2:]
    return " ".join(words)


# -- configuration ----------------------------------------------------------------------------


@cache
def _term_patterns() -> dict[str, list[re.Pattern[str]]]:
    terms = plan_terms_config()["terms"]
    compiled = {}
    for name, entry in terms.items():
        compiled[name] = [re.compile(_expand(p), re.IGNORECASE) for p in entry["patterns"]]
    return compiled


def _expand(pattern: str) -> str:
    pattern = pattern.replace("{NUM}", f"(?P<num>{NUMBER})", 1).replace("{NUM}", NUMBER)
    if "(?P<qual>" not in pattern:
        pattern = pattern.replace("{QUAL}", f"(?P<qual>{QUALIFIER})", 1)
    return pattern.replace("{QUAL}", QUALIFIER)


@cache
def _term_units() -> dict[str, str]:
    return {name: entry["unit"] for name, entry in plan_terms_config()["terms"].items() if "unit" in entry}


@cache
def _stance_cues() -> dict[str, list[re.Pattern[str]]]:
    cues = plan_terms_config()["stances"]["cues"]
    return {stance: [re.compile(p, re.IGNORECASE) for p in patterns] for stance, patterns in cues.items()}


@cache
def _actors() -> dict[str, str]:
    holders = plan_terms_config()["holders"]
    return {alias: holder for holder, aliases in holders.items() if holder != "cognition" for alias in aliases}


@cache
def _cognition_words() -> frozenset[str]:
    return frozenset(plan_terms_config()["holders"]["cognition"]["words"])


def _actor_alternation() -> str:
    return "|".join(re.escape(a) for a in sorted(_actors(), key=len, reverse=True))


@cache
def _actor_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{_actor_alternation()})(?![\w])")


@cache
def _owned_plan_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.])(?P<actor>{_actor_alternation()})(?:'s|-(?:drafted|backed|brokered|proposed|led|authored|written))?\s+"
        r"(?:(?:peace|draft|victory|new|latest|own|[\w-]+-point|ceasefire|revised|original|initial|counter|"
        r"alternative|updated|amended|proposed)\s+){0,2}"
        r"(?:plan|draft|proposal|proposals|framework|blueprint|initiative|peace\s+terms)\b"
    )


@cache
def _authored_plan_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.])(?P<actor>{_actor_alternation()})\s+(?:(?:has|have|had|been|quietly|reportedly|also|secretly)\s+)*"
        r"(?:working\s+on|worked\s+on|drafted|drew\s+up|drawn\s+up|presented|put\s+forward|proposed|unveiled|"
        r"circulated|submitted|prepared|authored|wrote|sent|delivered)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:plan|draft|proposal|framework|blueprint|initiative)\b"
    )


@cache
def _lemmas() -> dict[str, str]:
    return plan_terms_config()["lemmas"]
