"""Plan terms: the negotiating points a sentence talks about (plan_terms.toml), with the stance
the sentence takes on them, who holds them, and the term's number (a military size cap, a
ceasefire's or an election deadline's days).

Stance, within the term's clause (a sentence split at "but", "while", ";", a leading "While ...,"
and the like):
  - "no"/"without" right before the term: rejected ("no guarantee against further aggression");
  - the term inside a condition ("if Kyiv withdrew its troops", "once a ceasefire is in place"):
    demanded, by whoever sets the condition;
  - else the first stance cue of the clause before the term governs ("insisted that Kyiv must ...
    never join Nato" is demanded, "cannot sign any agreement that requires ..." rejected), else
    the nearest cue after it ("NATO membership ... was not going to happen"), else "proposed"
    when the sentence speaks of a plan or draft, else "mentioned".
Holder: the actor who is the subject of that cue ("Kyiv rejects ..."; none when "the sides"
discussed it), else the owner of a plan named in the sentence ("the Ukrainian plan", "a
proposal from Kyiv"), else, when the sentence is about "the plan"/"this proposal", the actor
the whole text says drew the plan up, else the side of whoever says it (the speaker of the
quotation it is in, or the sentence's source).
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from .config import plan_terms_config
from .document import Document
from .lazy_regex import LazyPattern, alternation, lowered
from .model import Position
from .numbers import NUMBER, QUALIFIER, parse_count
from .people import in_subject_position
from .sentences import Sentence

_WORD_CACHE = 1 << 16  # per-word results: texts repeat words; bounded for long backfills


def extract_plan_terms(document: Document) -> list[Position]:
    text = document.text
    positions = []
    candidates: dict[int, set[str]] = {}  # sentence index -> terms whose trigger words it has
    for index, words in enumerate(document.sentence_words):
        for word in words:
            terms = _terms_triggered_by(word)
            if terms:
                candidates.setdefault(index, set()).update(terms)
    order = list(_term_patterns())
    patterns_of = _term_patterns()
    for index in sorted(candidates):
        sentence = document.sentences[index]
        source = None
        lead = _ASKED_LEAD.match(text, sentence.start, sentence.end)
        for term in sorted(candidates[index], key=order.index):
            match = patterns_of[term].search(document.lower, sentence.start, sentence.end)
            if match is None or (term == "ceasefire" and _is_background(text, sentence, match)):
                continue
            if _SO_CALLED.search(text, max(sentence.start, match.start() - 14), match.start()):
                continue  # the so-called "coalition of the willing": a name
            if lead and match.start() < lead.end():  # "Asked about a ceasefire, he said Moscow would not agree to a truce"
                later = patterns_of[term].search(document.lower, lead.end(), sentence.end)
                match = later if later is not None and not (term == "ceasefire" and _is_background(text, sentence, later)) else match
            source = _quote_speaker(document, match.start()) or source or document.source_of(sentence)
            stance, cue = _stance(document, sentence, match)
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
    holder = _holder_from_cue(text, sentence, cue)
    if holder is _JOINT:
        return None  # "the sides had discussed ..."
    if holder is None and cue is not None:
        holder = _possessive_actor_before(text, sentence, cue)  # "Russia's demand that ..."
    stance = cue.stance if cue is not None else None
    if holder is None and stance in ("rejected", "accepted") and source:
        holder = _side_of(source) or _side_from_description(document, source)  # Moscow's aide rejecting "the US plan" holds the rejection
    holder = holder or _plan_owner_in(text, sentence.start, sentence.end)
    if holder is None and (cue is None or _NOUN_CUES.search(cue.text)):
        holder = _acting_subject(text, sentence)  # "EU leaders failed to agree on a plan to use ..."
    if holder is None and (_PLAN_WORD.search(text, sentence.start, sentence.end) or (cue is None and stance is None and _plan_in_recent_sentences(document, sentence))):
        holder = _plan_owner_of_document(document)
    if holder is None and _PLAN_PRONOUN_OPENING.match(text, sentence.start, sentence.end):
        index = document.sentence_index(sentence)  # "Kyiv's counterproposal ... It also calls for ..."
        if index > 0:
            previous = document.sentences[index - 1]
            holder = _plan_owner_in(text, previous.start, previous.end)
    if holder is None and source:
        holder = _side_of(source) or _side_from_description(document, source)
    return holder


def _side_of(source: str) -> str | None:
    actors = _actors()
    words = [w.removesuffix("'s") for w in source.split()]
    return actors.get(source) or next((actors[w] for w in words if w in actors), None)


def _side_from_description(document: Document, source: str) -> str | None:
    """The side a person's description in the text gives them: "Senior Hamas official Basem
    Naim", "Italian Prime Minister Giorgia Meloni", "Kaja Kallas, the EU's foreign policy chief"."""
    sides = document.cache.setdefault("described_sides", {})
    if source not in sides:
        sides[source] = _find_described_side(document.text, source)
    return sides[source]


def _find_described_side(text: str, source: str) -> str | None:
    surname = source.split()[-1]
    if len(surname) < 3 or not surname[0].isupper():
        return None
    for name in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        before = text[max(0, name.start() - 70) : name.start()]
        before = re.split(r"[.;:!?\"\u201c\u201d]|,(?!\s+(?:the|a|an)\s)", before)[-1]  # the description's own clause
        actors = list(_actor_regex().finditer(before))
        if actors and len(before[actors[-1].end():].split()) <= 5:
            return _actors()[actors[-1].group()]
        after = _APPOSITION.match(text, name.end())
        if after:
            actor = _actor_regex().search(after.group("description"))
            if actor:
                return _actors()[actor.group()]
    return None


_APPOSITION = LazyPattern(r"(?:\s+[A-Z][\w'-]+)?,\s+(?P<description>(?:the|a|an)\s+[^,.;:\"]{3,60})")


def _possessive_actor_before(text: str, sentence: Sentence, cue: "_Cue") -> str | None:
    match = _possessive_actor_regex().search(text, max(sentence.start, cue.start - 40), cue.start)
    return _actors()[match.group("actor")] if match else None


def _acting_subject(text: str, sentence: Sentence) -> str | None:
    """The actor opening the sentence as subject of a verb that is not one of saying."""
    match = _acting_subject_regex().match(text, sentence.start, sentence.end)
    return _actors()[match.group("actor")] if match else None


def _is_background(text: str, sentence: Sentence, match: re.Match) -> bool:
    """A ceasefire named as circumstance, not as a position: "despite a ceasefire in place since
    November", "ceasefire violations", "the truce is holding"."""
    if _CONDITION.search(text, max(sentence.start, match.start() - 25), match.start()):
        return False  # "once a ceasefire is in place": a condition, not a circumstance
    window = text[max(sentence.start, match.start() - 30) : min(sentence.end, match.end() + 45)]
    return bool(_BACKGROUND.search(window))


def _quote_speaker(document: Document, position: int) -> str | None:
    """The speaker of the quotation holding `position` (extract_statements records them)."""
    for start, end, speaker in document.cache.get("quote_speakers", ()):
        if start <= position < end:
            return speaker
    return None


def _numeric_value(term: str, match: re.Match) -> tuple[float | None, str | None, str | None]:
    groups = _named_groups(match)
    if groups.get("num") is None:
        return None, None, None
    value, qualifier, _ = parse_count(groups["num"], groups.get("qual"))
    return value, qualifier, _term_units().get(term)


def _named_groups(match: re.Match) -> dict[str, str]:
    """The groups of the pattern that matched ("num__3" -> "num"; see _term_patterns)."""
    return {name.partition("__")[0]: value for name, value in match.groupdict().items() if value is not None}


# -- stance -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cue:
    stance: str
    start: int
    end: int
    text: str


def _stance(document: Document, sentence: Sentence, term: re.Match) -> tuple[str, _Cue | None]:
    text = document.text
    config = plan_terms_config()["stances"]
    clause_start, clause_end = _clause_around(text, sentence, term.start())
    governor = _first_cue(document.lower, clause_start, term.start(), clause_end, term)
    if governor is not None and _WEAK_CUE.fullmatch(governor.text):
        # "the question of territory, including Russia's demand that Ukraine withdraw ...": the
        # nearer cue says more than a weak one ("question of", "including", "plan")
        later = _first_cue(document.lower, governor.end, term.start(), clause_end, term)
        while later is not None and _WEAK_CUE.fullmatch(later.text):
            later = _first_cue(document.lower, later.end, term.start(), clause_end, term)
        if later is not None:
            governor = later
    if governor is None or (governor.stance == "proposed" and _NOUN_CUES.search(governor.text)) or _FRAMING_CUE.fullmatch(governor.text):
        # "others, including the deployment of peacekeepers, were "absolutely unacceptable"",
        # "leave territorial questions to be negotiated": a predicate right after the term decides
        after = _first_cue(document.lower, term.end(), min(clause_end, term.end() + 45), clause_end, term)
        if after is not None and after.stance != "proposed" and _PREDICATE_LINK.fullmatch(document.lower, term.end(), after.start):
            governor = after  # "insisting that elections are impossible": the predicate says it

    if _NEGATED_TERM.search(text, max(clause_start, term.start() - 12), term.start()):
        if governor is None or _effective(text, sentence, governor) != "demanded":
            return "rejected", governor  # "no guarantee against further aggression"
    condition = _CONDITION.search(text, governor.end if governor else clause_start, term.start())
    if condition and not _CONDITION.search(text, clause_start, governor.start if governor else clause_start):
        return "demanded", _Cue("demanded", condition.start(), condition.end(), condition.group())
    if governor is not None and governor.stance in ("rejected", "accepted"):
        # "... will take what we need if Kyiv refuses to pull its forces out": whoever sets the
        # condition demands the term, whatever the conditional clause's verb
        setter = _CONDITION_OPENING.search(text, max(clause_start, governor.start - 40), governor.start)
        if setter and setter.start() > clause_start:
            return "demanded", _Cue("demanded", setter.start(), setter.end(), setter.group())
    after_end = clause_end
    condition_after = _CONDITION.search(text, term.end(), clause_end)
    if condition_after:  # "could impose sanctions ... if Moscow does not come to the table": not the term's own cue
        after_end = condition_after.start()
    best = governor or _first_cue(document.lower, term.end(), after_end, after_end, term)
    if best is None and _REASON_PARTICIPLE.match(text, clause_start):
        # "Hamas rejected the resolution, saying any international force would ...": the reason
        # given for a stance shares it
        best = _first_cue(document.lower, sentence.start, clause_start, clause_start, term)
    if best is not None:
        pass
    elif _PLAN_WORD.search(text, sentence.start, term.start()) or _PLAN_WORD.search(text, term.end(), sentence.end):
        return "proposed", None  # "Under the draft, ...", "..., the document says"
    elif _PLAN_MOOD.search(text, clause_start, clause_end) and _plan_in_recent_sentences(document, sentence):
        return "proposed", None  # after "A US-drafted plan would ...": "Russia would be reintegrated, with sanctions lifted"
    else:
        return config["default"], None
    return _effective(text, sentence, best), best


def _plan_in_recent_sentences(document: Document, sentence: Sentence) -> bool:
    """A plan or draft named in this sentence's paragraph before it, or in the two sentences
    before it: the plan whose contents "would ..." sentences go on to describe."""
    index = document.sentence_index(sentence)
    for back in range(1, 3):
        if index - back < 0:
            return False
        earlier = document.sentences[index - back]
        if _PLAN_WORD.search(document.text, earlier.start, earlier.end):
            return True
    return False


def _effective(text: str, sentence: Sentence, cue: "_Cue") -> str:
    if cue.stance == "demanded" and not _NOUN_CUES.search(cue.text) and _plan_is_subject_of(text, sentence, cue):
        return "proposed"  # "The 28-point plan ... would require Ukraine to ..."
    return cue.stance


def _first_cue(lower: str, start: int, limit: int, end: int, term: re.Match) -> "_Cue | None":
    """The first stance cue starting in [start, limit) and ending by `end`, not inside the term past its first word ("ready to impose" just
    before "impose sanctions" counts); at one position the longest ("ready to impose" over
    "ready to"). Each cue pattern stops at its first match, so a clause is not read twice."""
    first = _any_cue().search(lower, start, end)  # where the first cue is, then which is longest there
    if first and term.start() < first.start() < term.end():
        first = _any_cue().search(lower, term.end(), end)  # but a term opening with a cue keeps it: "threatened new sanctions"
    if first is None or (first.start() >= limit and not first.start() == limit == term.start()):
        return None
    at = first.start()
    best: _Cue | None = None
    for stance, regexes in _stance_cues().items():
        for regex in regexes:
            match = regex.match(lower, at, end)
            if match and (best is None or match.end() > best.end):
                best = _Cue(stance, at, match.end(), match.group())
    return best


def _clause_around(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    """The clause of the sentence holding `position`: split at "but", "while", ";", dashes,
    relative clauses after a comma, a coordinated speech verb ("and said"), a participle clause
    (", dismissing ..."), and after a leading subordinate clause ("While ..., ")."""
    start, end = sentence.start, sentence.end
    lead = _LEADING_SUBORDINATE.match(text, sentence.start, sentence.end)
    if lead:
        if position < lead.end():
            end = lead.end()
        else:
            start = lead.end()
    for boundary in _CLAUSE_BOUNDARY.finditer(text, start, end):
        if boundary.end() <= position:
            start = boundary.start()
        elif boundary.start() >= position:
            end = boundary.start()
            break
    return start, end


def _plan_is_subject_of(text: str, sentence: Sentence, cue: _Cue) -> bool:
    """A plan word before the cue with no actor as clause subject in between ("a deal ..., one
    that Kyiv fears would force them to accept ...": Kyiv only fears)."""
    plan_words = list(_PLAN_WORD.finditer(text, sentence.start, cue.start))
    if not plan_words:
        return False
    after_plan = plan_words[-1].end()
    return not any(
        in_subject_position(text, sentence.start, actor.start()) and not _followed_by_cognition(text, actor)
        for actor in _actor_regex().finditer(text, after_plan, cue.start)
    )


def _followed_by_cognition(text: str, actor: re.Match) -> bool:
    following = text[actor.end() : actor.end() + 20].split()
    return bool(following) and following[0].strip(",.") in _cognition_words()


# -- holder -----------------------------------------------------------------------------------

_NOUN_CUES = LazyPattern(
    r"(?:plans?|drafts?|proposals?|framework|blueprint|initiative|pleas?\s+for|including|includes?|red\s+lines?)$",
    re.IGNORECASE,
)
_PLAN_WORD = LazyPattern(
    r"\b(?:plans?|drafts?|proposals?|counter-proposals?|deal|framework|blueprint|initiative|peace\s+terms|"
    r"document|roadmap|road\s+map)\b",
    re.IGNORECASE,
)
_WEAK_CUE = LazyPattern(
    r"(?:question\s+of|future\s+of|including|includes?|plans?|drafts?|proposals?|framework|blueprint|initiative|document)",
    re.IGNORECASE,
)
_PREDICATE_LINK = LazyPattern(
    r"[\s,\"']*(?:(?:was|were|is|are|remains?|remained|would\s+be|will\s+be|to\s+be|be|had\s+been|has\s+been|"
    r"have\s+been|would|will|must|should|shall|could|can)\s+)[\"']?(?:(?:absolutely|completely|totally|simply|still|also|clearly|now)\s+)?[\"']?"
)
_JOINT = object()  # the holder is explicitly several parties ("the sides discussed ...")
_JOINT_SUBJECT = LazyPattern(
    r"\b(?:the\s+(?:two\s+)?sides|both\s+sides|the\s+parties|both\s+parties|negotiators|mediators|leaders\s+of|"
    r"the\s+two\s+countries|the\s+two\s+leaders|allies)\b",
    re.IGNORECASE,
)
_SPEECH_BEFORE = LazyPattern(
    r"\b(?:said|says|told\s+\w+|added|warned|insisted|stressed|announced|confirmed)\s+(?:that\s+)?(?:the\s+)?$"
)
_OBLIGATION_CUE = LazyPattern(r"must|should|has\s+to|have\s+to|needs?\s+to", re.IGNORECASE)
_PLAN_MOOD = LazyPattern(r"\b(?:would|could|will\s+be|are\s+to|is\s+to|were\s+to)\b")
_PLAN_PRONOUN_OPENING = LazyPattern(r"(?:It|The\s+(?:plan|draft|proposal|counterproposal|document|text|framework))\s")
_REASON_PARTICIPLE = LazyPattern(r",\s(?:saying|arguing|insisting|warning|adding)\s")
_SO_CALLED = LazyPattern(r"(?:so-called|known\s+as|dubbed)\s+[\"']?$", re.IGNORECASE)
_ASKED_LEAD = LazyPattern(r"(?:Asked|Questioned|Pressed)\s+(?:about|on|over|whether|if)\b[^,;]{3,120},\s*")
_FRAMING_CUE = LazyPattern(r"insist\w*", re.IGNORECASE)  # frames a claim; the claim's own predicate decides
_CONDITION_OPENING = LazyPattern(r"\b(?:if|unless)\s+(?:[\w'-]+\s+){1,3}$", re.IGNORECASE)
_NEGATED_TERM = LazyPattern(r"\b(?:no|without|nor)\s+(?:(?:\w+\s+){0,1})?$", re.IGNORECASE)
_CONDITION = LazyPattern(
    r"\b(?:if|once|unless|provided(?:\s+that)?|as\s+long\s+as|on\s+condition\s+that|in\s+exchange\s+for|"
    r"in\s+return\s+for|as\s+the\s+price\s+(?:of|for)|only\s+after|only\s+when|only\s+if)\b",
    re.IGNORECASE,
)
_LEADING_SUBORDINATE = LazyPattern(
    r"(?:While|Although|Though|Whereas|As|When|If|Since|Because|After|Before|Despite|Asked|Seeking|Following|"
    r"Speaking|Under|Amid|Until|Unless)\b[^,;]{3,160},\s*"
)
_CLAUSE_BOUNDARY = LazyPattern(
    r";|\s[-\u2013\u2014]\s|\u2014|"
    r"\s(?:but|while|whereas|although|though)\s|"
    r",\s(?:which|who|one\s+that|something|a\s+move|a\s+step)\s|"
    r"(?:,\s|\s)and\s+(?=(?:\w+\s+){0,2}(?:said|says|added|told|warned|insisted|argued|stressed|noted|wrote)\b)|"
    r"(?:,\s|\s)and\s+(?=(?:pledged|vowed|promised|offered|proposed|urged|demanded|rejected|refused|agreed|accepted|"
    r"welcomed|called|threatened)\b)|"
    r"\s(?:in\s+order\s+)?to\s+(?=(?:pressure|push|force|press|coerce|persuade|convince|compel)\b)|"
    r",\s(?=(?:adding|saying|dismissing|rejecting|calling|arguing|warning|insisting|noting|describing|branding|"
    r"characteri[sz]ing|urging)\b)"
)
_BACKGROUND = LazyPattern(
    r"\b(?:despite|in\s+violation\s+of|violat\w*|breach\w*|broke|since)\s+(?:of\s+)?(?:a|the|an)\s+"
    r"(?:[\w-]+\s+){0,2}(?:cease-?fire|truce)|"
    r"(?:cease-?fire|truce)\s+(?:that|which)\s+(?:has\s+been|had\s+been|was|is)\s+in\s+(?:place|force|effect)|"
    r"(?:cease-?fire|truce)\s+violations?|"
    r"(?:cease-?fire|truce)\s+(?:is|was|has\s+been|had\s+been|appeared\s+to\s+be|seemed\s+to\s+be)\s+(?:largely\s+|broadly\s+|still\s+|mostly\s+)?"
    r"(?:holding|in\s+place|in\s+force|in\s+effect)|(?:cease-?fire|truce)\s+(?:took|came\s+into|went\s+into)\s+(?:effect|force)",
    re.IGNORECASE,
)


def _holder_from_cue(text: str, sentence: Sentence, cue: _Cue | None):
    """The actor that is the subject of a verb cue: "Kyiv rejects", "Trump ... would force them"."""
    if cue is None or _NOUN_CUES.search(cue.text):
        return None
    clause_start, _ = _clause_around(text, sentence, cue.start)
    if _JOINT_SUBJECT.search(text, clause_start, cue.start) and not _actor_regex().search(
        text, _JOINT_SUBJECT.search(text, clause_start, cue.start).end(), cue.start
    ):
        return _JOINT
    candidates = []
    for match in _actor_regex().finditer(text, sentence.start, cue.start):
        following = text[match.end() : match.end() + 20].split()
        if following and following[0].strip(",.") in _cognition_words():
            continue
        if text.startswith("'s", match.end()) or _coordinated(text, match, sentence):
            continue
        if in_subject_position(text, sentence.start, match.start()) or (
            _SPEECH_BEFORE.search(text, max(sentence.start, match.start() - 30), match.start())
            and not _OBLIGATION_CUE.fullmatch(cue.text)
        ):
            # "Bessent said Washington would offer to lift sanctions"; but in "Trump said Russia
            # should be brought back" the one obliged is not the one demanding
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
    """"the Ukrainian plan", "Zelensky's victory plan", "a US draft", "a proposal from Kyiv"."""
    match = _owned_plan_regex().search(text, start, end) or _plan_from_regex().search(text, start, end)
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
        if match.group("actor"):
            votes[_actors()[match.group("actor")]] += 2
        else:  # "Witkoff flew to Moscow carrying a revised peace framework"
            votes[_actors()[match.group("carrier")]] += 1
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
def _term_patterns() -> dict[str, re.Pattern[str]]:
    """Per term, its patterns as one alternation (one pass; the leftmost match wins, and at one
    position the first pattern listed), for Document.lower; groups renamed "num__<i>"."""
    terms = plan_terms_config()["terms"]
    compiled = {}
    for name, entry in terms.items():
        parts = [
            _GROUP_NAME.sub(lambda g, i=i: f"(?P<{g.group(1)}__{i}>", lowered(_expand(pattern)))
            for i, pattern in enumerate(entry["patterns"])
        ]
        compiled[name] = re.compile("|".join(f"(?:{part})" for part in parts))
    return compiled


_GROUP_NAME = LazyPattern(r"\(\?P<(\w+)>")


def _expand(pattern: str) -> str:
    pattern = pattern.replace("{NUM}", f"(?P<num>{NUMBER})", 1).replace("{NUM}", NUMBER)
    if "(?P<qual>" not in pattern:
        pattern = pattern.replace("{QUAL}", f"(?P<qual>{QUALIFIER})", 1)
    return pattern.replace("{QUAL}", QUALIFIER)


@cache
def _term_triggers() -> dict[str, re.Pattern[str]]:
    """Per term, the words (a regex over one lower-cased word) one of which its patterns need."""
    terms = plan_terms_config()["terms"]
    return {name: re.compile(entry["trigger"]) for name, entry in terms.items()}


@lru_cache(maxsize=_WORD_CACHE)
def _terms_triggered_by(word: str) -> tuple[str, ...]:
    return tuple(term for term, trigger in _term_triggers().items() if trigger.fullmatch(word))


@cache
def _term_units() -> dict[str, str]:
    return {name: entry["unit"] for name, entry in plan_terms_config()["terms"].items() if "unit" in entry}


@cache
def _stance_cues() -> dict[str, list[re.Pattern[str]]]:
    cues = plan_terms_config()["stances"]["cues"]
    return {stance: [re.compile(lowered(p)) for p in patterns] for stance, patterns in cues.items()}  # for Document.lower


@cache
def _any_cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{regex.pattern})" for regexes in _stance_cues().values() for regex in regexes))


@cache
def _actors() -> dict[str, str]:
    holders = plan_terms_config()["holders"]
    return {alias: holder for holder, aliases in holders.items() if holder != "cognition" for alias in aliases}


@cache
def _cognition_words() -> frozenset[str]:
    return frozenset(plan_terms_config()["holders"]["cognition"]["words"])


@cache
def _actor_alternation() -> str:
    return alternation(_actors())


@cache
def _actor_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{_actor_alternation()})(?![\w])")


@cache
def _owned_plan_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.])(?P<actor>{_actor_alternation()})(?:'s|-(?:drafted|backed|brokered|proposed|led|authored|written))?\s+"
        r"(?:(?:peace|draft|victory|new|latest|own|[\w-]+-point|ceasefire|revised|original|initial|counter|"
        r"alternative|updated|amended|proposed)\s+){0,2}"
        r"(?:plan|draft|proposal|proposals|counter-?proposals?|framework|blueprint|initiative|peace\s+terms)\b"
    )


@cache
def _plan_from_regex() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:plan|draft|proposal|proposals|framework|blueprint|initiative|offer)\s+(?:from|by)\s+(?:the\s+)?"
        rf"(?P<actor>{_actor_alternation()})(?![\w])"
    )


@cache
def _possessive_actor_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?P<actor>{_actor_alternation()})'s\s+(?:[\w-]+\s+)?$")


@cache
def _acting_subject_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?:The\s+)?(?P<actor>{_actor_alternation()})\s+(?:{_GROUP_NOUNS}\s+)?(?:on\s+\w+\s+)?"
        rf"(?!(?:{_GROUP_NOUNS}|officials|said|says|told|added|noted|stressed|warned|insisted|claimed|argued|wrote|confirmed|reported|"
        r"denied|acknowledged|explained|suggested|signalled|signaled|believes|fears|hopes|thinks)\b)"
        r"(?:has\s+|have\s+|had\s+)?[a-z]+(?:ed|s)\b"
    )


_GROUP_NOUNS = r"(?:leaders|officials|ministers|negotiators|envoys|diplomats|governments?|administration|lawmakers|allies)"


@cache
def _authored_plan_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.])(?P<actor>{_actor_alternation()})\s+(?:{_GROUP_NOUNS}\s+)?"
        r"(?:(?:has|have|had|been|quietly|reportedly|also|secretly|jointly|on\s+\w+day)\s+)*"
        r"(?:working\s+on|worked\s+on|drafted|drew\s+up|drawn\s+up|presented|put\s+forward|proposed|unveiled|"
        r"circulated|submitted|prepared|authored|wrote|sent|delivered)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:counter-)?(?:plan|draft|proposal|framework|blueprint|initiative)\b"
        rf"|(?<![\w.])(?P<carrier>{_actor_alternation()})\s+(?:[\w,'-]+\s+){{0,6}}?(?:carrying|carried|bringing|brought|"
        r"delivering|presenting|with)\s+(?:[\w-]+\s+){0,4}?(?:counter-)?(?:plan|draft|proposal|framework|blueprint|initiative)\b"
    )


@cache
def _lemmas() -> dict[str, str]:
    return plan_terms_config()["lemmas"]
