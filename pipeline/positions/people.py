"""Who is named in a text, and who a speech verb, a pronoun or a job title refers to.

SpeakerIndex reads the whole text once (outside quotation marks) and records every mention of a
person ("US President Donald Trump", "Leavitt", "the former president", "he") or an institution
("the Kremlin", "Russia's defense ministry"), each resolved to a canonical speaker:
  - aliases come from speakers.toml; a bare surname resolves to an earlier full name, and a
    capitalised two-to-four-word name after any title words ("White House Press Secretary
    Karoline Leavitt") is a person even when speakers.toml does not know it;
  - a job title with "the" ("the former president") resolves to the most recently named person
    holding it (speakers.toml roles, or a title seen before their name in this text);
  - "he"/"she" resolves to the most recent person named as the subject of a clause.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from .config import places_config, speakers_config
from .lazy_regex import LazyPattern
from .places import CITY, COUNTRY, CURATED, gazetteer
from .quotes import Quote
from .sentences import Sentence

PERSON, INSTITUTION, GENERIC = "person", "institution", "generic"
PRONOUN, ROLE = "pronoun", "role"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str  # PERSON | INSTITUTION | GENERIC ("senior official in Kyiv")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # PERSON | INSTITUTION | PRONOUN | ROLE
    speaker: str | None  # canonical name, once resolved
    gender: str | None = None
    possessive: bool = False  # "Russia's", "Biden's"
    subject: bool = False  # starts its clause
    role: str | None = None  # ROLE mentions: the normalised title, if definite ("the president")

    @property
    def as_speaker(self) -> Speaker | None:
        if self.speaker is None:
            return None
        return Speaker(self.speaker, INSTITUTION if self.kind == INSTITUTION else PERSON)


@dataclass
class SpeakerIndex:
    text: str
    sentences: list[Sentence]
    quotes: list[Quote]
    mentions: list[Mention] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._titles_seen: dict[str, set[str]] = {}
        self._build()
        self._starts = [m.start for m in self.mentions]

    # -- queries ---------------------------------------------------------------------------

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end), in text order."""
        i = bisect_left(self._starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found

    def subject_of_verb(self, sentence: Sentence, verb_start: int) -> Speaker | None:
        """Who performs the verb at verb_start: 'Kremlin spokesman Dmitry Peskov said', 'he told',
        'Kaja Kallas, the EU's foreign policy chief, said', 'Zelensky expressed ... and stated'."""
        text = self.text
        clause_start = max([sentence.start] + [q.end for q in self.quotes if sentence.start <= q.end <= verb_start])
        left = _TRAILING_AUXILIARIES.sub("", text[clause_start:verb_start]).rstrip()
        left_end = clause_start + len(left)
        if not left:
            return None
        if left.endswith(","):
            head = self._appositive_head(clause_start, left_end - 1)
            if head is not None:
                return head
        if _ENDS_WITH_COORDINATION.search(left):
            return self.subject_before(sentence, left_end)
        if _ENDS_WITH_WHO.search(left):
            before = self.mentions_in(clause_start, left_end - 3)
            return before[-1].as_speaker if before else None
        return self.speaker_of_phrase(clause_start + _phrase_start(left), left_end)

    def speaker_of_phrase(self, start: int, end: int) -> Speaker | None:
        """The speaker a subject phrase names: a person ("Kremlin spokesman Dmitry Peskov"), else
        an institution ("Russia's defense ministry"), else a generic source ("a senior official
        in Kyiv")."""
        text = self.text
        if not text[start:end].strip():
            return None
        mentions = self.mentions_in(start, end)
        for person in (m for m in mentions if m.kind != INSTITUTION and m.speaker and not m.possessive):
            lead = text[start : person.start]
            titled = text[person.start : person.end].split()[0] in _titles()
            if not titled and _GENERIC_HEAD.search(lead) and _ENDS_WITH_PREPOSITION.search(lead):
                continue  # "an aide to Zelensky"
            return person.as_speaker
        for institution in (m for m in mentions if m.kind == INSTITUTION):
            if institution.possessive and text[institution.end : end].strip():
                continue  # "Russia's" in "Russia's envoy"
            if not _GENERIC_HEAD.search(text[start : institution.start]):
                return institution.as_speaker
        return _generic(text[start:end])

    def person_just_before(self, position: int, sentence: Sentence) -> Speaker | None:
        """A person named as a clause subject right before `position` ('... that US President
        Donald Trump "supports" it'), allowing auxiliaries ('Trump has "no plans"'); never a
        possessive ('Zelensky's "plan"') or an object ('told Zelensky "..."')."""
        left = self.text[sentence.start : position]
        trimmed = _TRAILING_AUXILIARIES.sub("", left).rstrip()
        if not trimmed:
            return None
        before = self.mentions_in(sentence.start, sentence.start + len(trimmed))
        if not before:
            return None
        mention = before[-1]
        adjacent = mention.end >= sentence.start + len(trimmed) - 1
        if adjacent and mention.subject and not mention.possessive and mention.kind != INSTITUTION:
            return mention.as_speaker
        return None

    def subject_before(self, sentence: Sentence, position: int) -> Speaker | None:
        """The first clause subject (person, pronoun, title or institution) in the sentence
        before `position`."""
        for mention in self.mentions_in(sentence.start, position):
            if mention.subject and mention.speaker and not mention.possessive:
                return mention.as_speaker
        return None

    def _appositive_head(self, start: int, comma: int) -> Speaker | None:
        """'Kaja Kallas, the EU's foreign policy chief,' -> Kaja Kallas."""
        for mention in reversed(self.mentions_in(start, comma)):
            between = self.text[mention.end : comma]
            if _APPOSITIVE.fullmatch(between) and mention.speaker and mention.kind != PRONOUN:
                return mention.as_speaker
        return None

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        surnames = dict(_known_surnames())
        salience: list[Mention] = []
        for sentence in self.sentences:
            found: list[Mention] = []
            for start, end in self._outside_quotes(sentence):
                found.extend(self._scan(start, end, surnames))
            for mention in sorted(found, key=lambda m: m.start):
                self._resolve(mention, sentence, salience)
                self.mentions.append(mention)

    def _outside_quotes(self, sentence: Sentence) -> list[tuple[int, int]]:
        segments, cursor = [], sentence.start
        for quote in self.quotes:
            if quote.end <= sentence.start or quote.start >= sentence.end:
                continue
            if quote.start > cursor:
                segments.append((cursor, quote.start))
            cursor = max(cursor, quote.end)
        if cursor < sentence.end:
            segments.append((cursor, sentence.end))
        return segments

    def _scan(self, start: int, end: int, surnames: dict[str, str]) -> list[Mention]:
        """Unresolved mentions in text[start:end]: multi-word aliases first, then capitalised
        name runs, then job titles, then he/she."""
        text = self.text
        found: list[Mention] = []

        def overlapping(s: int, e: int) -> list[Mention]:
            return [m for m in found if m.start < e and s < m.end]

        for match in _multiword_alias_regex().finditer(text, start, end):
            canonical, kind = _aliases()[match.group().lower()]
            found.append(_alias_mention(text, match.start(), match.end(), canonical, kind))
        for run in _NAME_RUN.finditer(text, start, end):
            for mention in self._mentions_in_run(run.start(), run.end(), surnames):
                clashes = overlapping(mention.start, mention.end)
                if clashes and mention.kind == PERSON and all(
                    m.kind == INSTITUTION or m.speaker == mention.speaker for m in clashes
                ):
                    # A named person wins over an institution in their title
                    # ("White House Press Secretary Karoline Leavitt").
                    found = [m for m in found if m not in clashes]
                    clashes = []
                if not clashes:
                    found.append(mention)
        for match in _role_regex().finditer(text, start, end):
            if overlapping(match.start(), match.end()) or _FOLLOWED_BY_NAME.match(text, match.end()):
                continue
            definite = _DEFINITE.match(match.group())
            qualified = _FOLLOWED_BY_PREPOSITION.match(text, match.end())  # "the spokesman for ..."
            role = _normalise_role(match.group()) if definite and not qualified else None
            found.append(Mention(match.start(), match.end(), ROLE, None, role=role))
        for match in _PRONOUN.finditer(text, start, end):
            if not overlapping(match.start(), match.end()):
                gender = "m" if match.group().lower() == "he" else "f"
                found.append(Mention(match.start(), match.end(), PRONOUN, None, gender=gender))
        return _merge_adjacent(text, found)

    def _mentions_in_run(self, start: int, end: int, surnames: dict[str, str]) -> list[Mention]:
        """Mentions in one run of capitalised words, split after each possessive
        ("Russia's Vladimir Putin" -> "Russia's", "Vladimir Putin")."""
        mentions = []
        group: list[tuple[int, int]] = []
        for token in _TOKEN.finditer(self.text, start, end):
            group.append((token.start(), token.end()))
            if _is_possessive(token.group()):
                mentions.extend(self._mention_in_group(group, surnames))
                group = []
        if group:
            mentions.extend(self._mention_in_group(group, surnames))
        return mentions

    def _mention_in_group(self, group: list[tuple[int, int]], surnames: dict[str, str]) -> list[Mention]:
        text = self.text
        words = [text[s:e] for s, e in group]
        possessive = _is_possessive(words[-1])
        words[-1] = _bare_word(words[-1])
        first = 0  # skip sentence-initial function words ("As", "Following")
        while first < len(words) and words[first] in _function_words():
            first += 1
        if first == len(words):
            return []
        name_start = first  # skip titles ("US President", "White House Press Secretary")
        while name_start < len(words) and words[name_start] in _titles():
            name_start += 1
        last_start, last_end = group[-1]
        span = (group[first][0], last_end if possessive else last_start + len(words[-1]))
        name_words = words[name_start:]
        aliases = _aliases()

        def person(canonical: str) -> list[Mention]:
            title = " ".join(words[first:name_start]).lower()
            if title:
                self._titles_seen.setdefault(canonical, set()).add(title)
            return [Mention(*span, PERSON, canonical, gender=_genders().get(canonical), possessive=possessive)]

        whole = " ".join(words[first:])
        if whole in aliases and aliases[whole][1] == INSTITUTION and len(name_words) <= 1:
            return [_alias_mention(text, *span, aliases[whole][0], INSTITUTION, possessive)]
        name = " ".join(name_words)
        if name in aliases and aliases[name][1] == PERSON:
            return person(aliases[name][0])
        if len(name_words) >= 2 and _looks_like_person_name(name_words):
            canonical = name
            known = surnames.get(name_words[-1])
            if known and known.split()[0] == name_words[0]:
                canonical = known  # "Volodymyr Zelenskyy" after "Volodymyr Zelensky"
            surnames.setdefault(name_words[-1], canonical)
            return person(canonical)
        if len(name_words) == 1:
            word = name_words[0]
            if word in surnames:
                return person(surnames[word])
            titled = name_start > first and words[name_start - 1] in _PERSON_TITLES
            if titled and _looks_like_person_name([word]):
                surnames.setdefault(word, word)  # "Chancellor Merz"
                return person(word)
        return self._alias_inside(group, words, first, possessive)

    def _alias_inside(self, group, words, first, possessive) -> list[Mention]:
        """The longest known alias inside the group ("Kremlin" in "The Kremlin")."""
        aliases = _aliases()
        for i in range(first, len(words)):
            for j in range(len(words), i, -1):
                candidate = " ".join(words[i:j])
                if candidate in aliases:
                    canonical, kind = aliases[candidate]
                    at_end = j == len(words)
                    return [
                        Mention(group[i][0], group[j - 1][1], kind, canonical,
                                gender=_genders().get(canonical), possessive=possessive and at_end)
                    ]
        return []

    def _resolve(self, mention: Mention, sentence: Sentence, salience: list[Mention]) -> None:
        mention.subject = in_subject_position(self.text, sentence.start, mention.start)
        if mention.kind == ROLE and mention.role:
            mention.speaker = self._person_with_role(mention.role)
        elif mention.kind == PRONOUN:
            mention.speaker = self._antecedent(mention.gender, salience)
        if mention.speaker and mention.kind != INSTITUTION:
            mention.gender = _genders().get(mention.speaker) or mention.gender
            if mention.subject and not mention.possessive:
                salience.append(mention)

    def _antecedent(self, gender: str | None, salience: list[Mention]) -> str | None:
        """The latest clause subject of a compatible gender, else the latest person named."""
        for earlier in reversed(salience):
            if earlier.gender in (None, gender):
                return earlier.speaker
        for earlier in reversed(self.mentions):
            if earlier.kind == PERSON and earlier.gender in (None, gender):
                return earlier.speaker
        return None

    def _person_with_role(self, role: str) -> str | None:
        """The most recently mentioned person who holds `role`."""
        roles = _roles()
        for earlier in reversed(self.mentions):
            if earlier.speaker is None or earlier.kind == INSTITUTION:
                continue
            held = roles.get(earlier.speaker, set()) | self._titles_seen.get(earlier.speaker, set())
            if role in held or _without_country(role) in held:
                return earlier.speaker
        return None


def in_subject_position(text: str, sentence_start: int, position: int) -> bool:
    """Whether a mention at `position` starts its clause, ignoring determiners, possessives and
    job titles before it ("The EU's foreign policy chief Kaja Kallas said")."""
    before = text[sentence_start:position]
    words = before.split()
    modifiers = _title_words()
    while words and (words[-1].lower() in modifiers or _POSSESSIVE_WORD.fullmatch(words[-1])):
        words.pop()
    if words:
        before = before[: before.rfind(words[-1]) + len(words[-1])]
    else:
        before = ""
    return bool(_SUBJECT_BOUNDARY.search(before))


# -- patterns ---------------------------------------------------------------------------------

_PRONOUN = LazyPattern(r"(?<![\w'])(?:he|she|He|She)(?![\w'])")
_NAME_RUN = LazyPattern(
    r"(?<![\w'.])[A-Z][\w'.-]*(?:\s(?:[A-Z][\w'.-]*|(?:von|der|van|den|de|da|di|du|bin|al|el|la|le)(?=\s[A-Z])))*"
)
_TOKEN = LazyPattern(r"\S+")
# "Zelensky", "McCarthy", "Jean-Claude", "O'Brien", initials "J." / "JD"
_NAME_WORD = LazyPattern(r"[A-Z](?:[a-z]+(?:[-'][A-Z]?[a-z]+)*|[a-z]*[A-Z][a-z]+|\.)|(?:[A-Z]\.){1,2}|[A-Z]{1,2}")
_INITIALS = LazyPattern(r"(?:[A-Z]\.){1,2}|[A-Z]{1,2}")
_POSSESSIVE_WORD = LazyPattern(r"[A-Z][\w.-]*(?:'s|s')")
_TRAILING_AUXILIARIES = LazyPattern(
    r"(?:\s+(?:has|have|had|also|repeatedly|later|previously|reportedly|once|then|again|further|publicly|"
    r"recently|earlier|already|since|would|will|did|does|is|was|were|are|been|not|never|even|clearly|"
    r"explicitly|openly|privately|separately|subsequently|quickly|firmly|strongly))*\s*$",
    re.IGNORECASE,
)
_ENDS_WITH_COORDINATION = LazyPattern(r"(?:\b(?:and|but|or|then|also)|,)\s*$", re.IGNORECASE)
_ENDS_WITH_WHO = LazyPattern(r"\bwho\s*$", re.IGNORECASE)
_ENDS_WITH_PREPOSITION = LazyPattern(r"\b(?:to|of|for|from|with|in|at|by|on)\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITIVE = LazyPattern(r",\s[^,\"]{1,80}")
_PHRASE_BOUNDARY = LazyPattern(
    r"[,;:(\u2013\u2014\"]|\s-\s|\b(?:and|but|while|as|when|because|if|after|before|that|which|though|although|since|whereas)\b",
    re.IGNORECASE,
)
_SUBJECT_BOUNDARY = LazyPattern(
    r"(?:^|[,;:(\u2013\u2014\"]|\s-|\b(?:and|but|or|while|as|when|because|if|after|before|that|so|then|though|"
    r"although|since|where|whereas|until|once|meanwhile|however|also|now|which|why|how|what)\b)\s*$",
    re.IGNORECASE,
)
_FOLLOWED_BY_NAME = LazyPattern(r"\s+[A-Z][a-z]")
_FOLLOWED_BY_PREPOSITION = LazyPattern(r"\s+(?:for|of|at|in)\s")
_DEFINITE = LazyPattern(r"(?:the|[A-Z][\w.]*'s)\s", re.IGNORECASE)

# Head nouns of a generic source ("a senior official in Kyiv", "the regional governor").
_GENERIC_HEAD_WORDS = (
    "official officials spokesman spokeswoman spokesperson spokespeople minister ministers governor governors "
    "mayor mayors source sources diplomat diplomats aide aides adviser advisers advisor advisors analyst analysts "
    "expert experts commander commanders officer officers lawmaker lawmakers senator senators MP MPs envoy envoys "
    "negotiator negotiators ambassador ambassadors ministry government office army military police agency "
    "administration authorities prosecutor prosecutors resident residents witness witnesses survivor survivors "
    "doctor doctors medic medics rescuers service statement head chief secretary leader leaders representative "
    "representatives member members staff team journalist journalists correspondent correspondents observer services "
    "observers monitors mission council committee parliament president premier general"
).split()
_GENERIC_HEAD = LazyPattern(r"\b(?:" + "|".join(_GENERIC_HEAD_WORDS) + r")\b", re.IGNORECASE)
_PERSON_TITLES = frozenset(
    "President Minister Secretary Chancellor Senator Sen. Governor Gov. Mayor Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. "
    "General Gen. Spokesman Spokeswoman Spokesperson Ambassador Envoy King Queen Prince Pope Sir Dame Lord "
    "Prof. Professor Colonel Col. Lt. Captain Admiral Commander Judge Justice Speaker Leader Chairman".split()
)
_COUNTRY_PREFIX = (
    r"(?:us|u\.s\.|american|ukrainian|ukraine's|russian|russia's|eu|eu's|european|british|french|german)"
)


# -- helpers ----------------------------------------------------------------------------------


def _phrase_start(left: str) -> int:
    """Offset in `left` where the subject phrase before a verb begins."""
    boundary = 0
    for match in _PHRASE_BOUNDARY.finditer(left):
        boundary = match.end()
    return boundary


def _generic(phrase: str) -> Speaker | None:
    """'A senior official in Kyiv' -> Speaker('senior official in Kyiv', GENERIC)."""
    phrase = phrase.split(",")[0].strip()
    phrase = re.sub(r"^(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Aa]lso|[Hh]owever)\s+)+", "", phrase)
    words = phrase.split()
    if not words or len(words) > 8 or not _GENERIC_HEAD.search(phrase):
        return None
    return Speaker(phrase, GENERIC)


def _alias_mention(text: str, start: int, end: int, canonical: str, kind: str, possessive: bool = False) -> Mention:
    possessive = possessive or text.startswith("'s", end)
    return Mention(start, end, kind, canonical, gender=_genders().get(canonical), possessive=possessive)


def _merge_adjacent(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Ukrainian President' + 'Volodymyr Zelensky' -> one mention."""
    merged: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and mention.speaker is not None
            and previous.speaker == mention.speaker
            and not text[previous.end : mention.start].strip()
        ):
            previous.end = mention.end
            previous.possessive = mention.possessive
            continue
        merged.append(mention)
    return merged


def _is_possessive(word: str) -> bool:
    return word.endswith("'s") or word.endswith("s'")


def _bare_word(word: str) -> str:
    """Without possessive and trailing punctuation, keeping initials ("J.", "U.S.")."""
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("s'"):
        word = word[:-1]
    word = word.rstrip(",")
    if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.", word):
        word = word[:-1]
    return word


def _looks_like_person_name(words: list[str]) -> bool:
    """Capitalised name-like words, none a title, a known non-name or a well-known place."""
    places = gazetteer()
    for word in words:
        if word in _non_names() or word in _titles():
            return False
        if not _NAME_WORD.fullmatch(word):
            return False
        place = places.get(word)
        if place is not None and place[1] in (CURATED, CITY, COUNTRY) and word not in _not_places():
            return False
    return not all(_INITIALS.fullmatch(w) for w in words)


def _normalise_role(role_text: str) -> str:
    role = " ".join(role_text.lower().split())
    return re.sub(r"^(?:the|a|an)\s+", "", role)


def _without_country(role: str) -> str:
    return re.sub(rf"^{_COUNTRY_PREFIX}\s+", "", role)


# -- dictionaries (speakers.toml) ---------------------------------------------------------------


@cache
def _people() -> dict:
    return speakers_config()["people"]


@cache
def _known_surnames() -> dict[str, str]:
    return {name.split()[-1]: name for name in _people() if len(name.split()) >= 2}


@cache
def _aliases() -> dict[str, tuple[str, str]]:
    """Alias (as written, and lower-cased when it has several words) -> (canonical, kind)."""
    table: dict[str, tuple[str, str]] = {}
    config = speakers_config()
    entries = [(name, aliases, INSTITUTION) for name, aliases in config["institutions"].items()]
    entries += [(name, entry.get("aliases", []), PERSON) for name, entry in config["people"].items()]
    for canonical, aliases, kind in entries:
        for alias in [canonical, *aliases]:
            table[alias] = (canonical, kind)
            if " " in alias:
                table[alias.lower()] = (canonical, kind)
    return table


@cache
def _multiword_alias_regex() -> re.Pattern[str]:
    """Aliases of several words, in any case ("the Ukrainian leader", "Russia's defense ministry")."""
    aliases = sorted({a for a in _aliases() if " " in a}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, aliases)) + r")(?!\w)", re.IGNORECASE)


@cache
def _roles() -> dict[str, set[str]]:
    return {name: {r.lower() for r in entry.get("roles", [])} for name, entry in _people().items()}


@cache
def _role_regex() -> re.Pattern[str]:
    roles = sorted({r for held in _roles().values() for r in held}, key=len, reverse=True)
    return re.compile(
        rf"(?<![\w'])(?:the\s+|a\s+)?(?:{_COUNTRY_PREFIX}\s+)?(?:" + "|".join(map(re.escape, roles)) + r")(?![\w-])",
        re.IGNORECASE,
    )


@cache
def speech_verb_regex() -> re.Pattern[str]:
    """Verbs that introduce a quote or a paraphrase (speakers.toml [speech])."""
    verbs = sorted(speakers_config()["speech"]["verbs"], key=len, reverse=True)
    alternation = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


@cache
def _genders() -> dict[str, str]:
    return {name: entry["gender"] for name, entry in _people().items() if "gender" in entry}


@cache
def _titles() -> frozenset[str]:
    return frozenset(speakers_config()["titles"]["words"])


@cache
def _title_words() -> frozenset[str]:
    """Lower-cased words that may stand between a clause start and a name: determiners and
    parts of job titles ("the EU's foreign policy chief")."""
    words = {w.lower().rstrip(".") for w in _titles()}
    for held in _roles().values():
        for role in held:
            words.update(role.replace("'s", "").split())
    words.update(w.lower() for w in _GENERIC_HEAD_WORDS)
    words.update(
        "the a an of former then new outgoing incoming acting top senior chief deputy regional local foreign "
        "policy affairs press spokesman spokeswoman spokesperson special envoy".split()
    )
    words -= {"and", "that"}
    return frozenset(words)


@cache
def _non_names() -> frozenset[str]:
    return frozenset(speakers_config()["non_names"]["words"])


@cache
def _not_places() -> frozenset[str]:
    return frozenset(places_config()["not_places"]["words"])


@cache
def _function_words() -> frozenset[str]:
    """Capitalised sentence openers that are not part of a name."""
    return frozenset(
        "The A An In On At As If While When But And Or So Yet For Following Seeking Shortly Some Much Ever It This That "
        "These Those After Before During Since Until Despite However Meanwhile Although Though Because Then Now Even Also "
        "Both Neither Either Only Just Still Instead Asked Speaking Writing Addressing Earlier Later According Under".split()
    )
