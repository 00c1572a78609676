"""Who is named in a text, and who a speech verb, a pronoun or a job title refers to.

SpeakerIndex reads the whole text once (outside quotation marks) and records every mention of a
person ("US President Donald Trump", "Leavitt", "the former president", "he") or an institution
("the Kremlin", "Russia's defense ministry"), each resolved to a canonical speaker:
  - aliases come from speakers.toml; a bare surname resolves to an earlier full name, and a
    capitalised two-to-four-word name after any title words ("White House Press Secretary
    Karoline Leavitt") is a person even when speakers.toml does not know it;
  - a job title with "the" ("the former president") resolves to the most recently named person
    holding it (speakers.toml roles, or a title seen before their name in this text);
  - "he"/"she" resolves to the most recent person named as the subject of a clause;
  - institutions are speakers.toml aliases, capitalised organisation names ("National Disaster
    Management Authority"), a nation's bodies ("Lebanon's health ministry" -> "Lebanese health
    ministry", "Israel" -> "Israeli government"), a body after the nation named last ("the
    interior ministry") and references back ("the agency" -> the latest institution subject);
  - an unknown single name counts after a title or description ("WHO chief Tedros", "pensioner
    Halyna, 71") and an unnamed source by its description ("one man" -> "man").
Each family of patterns runs only on sentences holding one of its key words, case-insensitive
ones on the lower-cased text (see lazy_regex.lowered): the index is built for every text.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .config import places_config, speakers_config
from .lazy_regex import LATIN_LOWER, LATIN_UPPER, WORD, LazyPattern, alternation, lower_text, lowered
from .places import CITY, COUNTRY, CURATED, gazetteer
from .quotes import Quote
from .sentences import Sentence

PERSON, INSTITUTION, GENERIC = "person", "institution", "generic"
PRONOUN, ROLE = "pronoun", "role"
_WORD_CACHE = 1 << 16  # per-word results: texts repeat words; bounded for long backfills


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
    role: str | None = None  # ROLE mentions: the normalised title, if definite ("the president")
    # Whether it starts its clause: worked out on first use (most mentions never need it).
    _subject: bool | None = None
    _context: tuple[str, int] | None = None  # (text, sentence start)

    @property
    def subject(self) -> bool:
        if self._subject is None:
            text, sentence_start = self._context
            self._subject = in_subject_position(text, sentence_start, self.start)
        return self._subject

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
    lower: str | None = None  # the text lower-cased, offsets unchanged (Document.lower)
    sentence_words: list[set[str]] | None = None  # each sentence's lower-cased words (Document.sentence_words)
    mentions: list[Mention] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        if self.lower is None:
            self.lower = lower_text(self.text)
        self._titles_seen: dict[str, set[str]] = {}
        # "the National Emergency Management Agency (NEMA)": NEMA later is that agency
        self._acronyms: dict[str, str] = {
            m.group("short"): _without_the(" ".join(m.group("long").split())) for m in _ACRONYM_DEFINED.finditer(self.text)
            if _initials_match(m.group("long"), m.group("short"))
        } if _ACRONYM_IN_PARENTHESES.search(self.text) else {}
        # Quotes never overlap and come in order: their starts and their ends are both sorted.
        self._quote_starts = [q.start for q in self.quotes]
        self._quote_ends = [q.end for q in self.quotes]
        self._build()
        self._starts = [m.start for m in self.mentions]

    # -- queries ---------------------------------------------------------------------------

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end), in text order."""
        starts = self._starts
        i = bisect_left(starts, start)
        return [m for m in self.mentions[i : bisect_left(starts, end, i)] if m.end <= end]

    def subject_of_verb(self, sentence: Sentence, verb_start: int) -> Speaker | None:
        """Who performs the verb at verb_start: 'Kremlin spokesman Dmitry Peskov said', 'he told',
        'Kaja Kallas, the EU's foreign policy chief, said', 'Zelensky expressed ... and stated'."""
        text = self.text
        clause_start = self.last_quote_end(sentence.start, verb_start)
        left = _without_trailing_auxiliaries(text[clause_start:verb_start]).rstrip()
        left_end = clause_start + len(left)
        if not left:
            return None
        if left.endswith(","):
            head = self._appositive_head(clause_start, left_end - 1) or self._appositive_name(clause_start, left_end - 1)
            if head is not None:
                return head
        if _ends_with_word(left, _COORDINATION, _ENDS_WITH_COORDINATION, comma=True):
            return self.subject_before(sentence, left_end)
        if _ends_with_word(left, _WHO, _ENDS_WITH_WHO):
            before = self.mentions_in(clause_start, left_end - 3)
            return before[-1].as_speaker if before else None
        return self.speaker_of_phrase(clause_start + _phrase_start(left), left_end)

    def last_quote_end(self, start: int, position: int) -> int:
        """The end of the last quotation that ends in [start, position], else start."""
        i = bisect_right(self._quote_ends, position) - 1
        return self._quote_ends[i] if i >= 0 and self._quote_ends[i] >= start else start

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
            if _GENERIC_HEAD.search(text[institution.end : end]) and _PERSON_DESCRIPTION.search(text[institution.end : end]):
                continue  # "a Qatari foreign ministry spokesman"
            if not _GENERIC_HEAD.search(text[start : institution.start]):
                return institution.as_speaker
        phrase = text[start:end].strip()
        after_verb = _AFTER_LOWER_WORD.search(text, max(0, start - 20), start)
        if after_verb and _BARE_NAME.fullmatch(phrase) and _looks_like_person_name(phrase.split()):
            return Speaker(phrase, PERSON)  # "wept Oleksiy, 43" (never a sentence's first word: "Critics")
        return _generic(phrase)

    def person_just_before(self, position: int, sentence: Sentence) -> Speaker | None:
        """A person named as a clause subject right before `position` ('... that US President
        Donald Trump "supports" it'), allowing auxiliaries ('Trump has "no plans"'); never a
        possessive ('Zelensky's "plan"') or an object ('told Zelensky "..."')."""
        left = self.text[sentence.start : position]
        trimmed = _without_trailing_auxiliaries(left).rstrip()
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

    def _appositive_name(self, start: int, comma: int) -> Speaker | None:
        """'the Archbishop of Saint Paul, Bernard Hebda,' -> Bernard Hebda: a person named alone
        between the last two commas."""
        previous = self.text.rfind(",", start, comma)
        if previous < 0:
            return None
        segment_start = previous + 1
        while segment_start < comma and self.text[segment_start].isspace():
            segment_start += 1
        mentions = self.mentions_in(segment_start, comma)
        if len(mentions) == 1 and mentions[0].kind == PERSON and mentions[0].start == segment_start:
            if not self.text[mentions[0].end : comma].strip():
                return mentions[0].as_speaker
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
        for index, sentence in enumerate(self.sentences):
            found: list[Mention] = []
            words = self.sentence_words[index] if self.sentence_words is not None else None
            for start, end in self._outside_quotes(sentence):
                found.extend(self._scan(start, end, surnames, words))
            for mention in sorted(found, key=lambda m: m.start):
                self._resolve(mention, sentence, salience)
                self.mentions.append(mention)

    def _outside_quotes(self, sentence: Sentence) -> list[tuple[int, int]]:
        segments, cursor = [], sentence.start
        quotes = self.quotes
        for i in range(bisect_right(self._quote_ends, sentence.start), bisect_left(self._quote_starts, sentence.end)):
            quote = quotes[i]  # one that ends after the sentence start and starts before its end
            if quote.start > cursor:
                segments.append((cursor, quote.start))
            cursor = max(cursor, quote.end)
        if cursor < sentence.end:
            segments.append((cursor, sentence.end))
        return segments

    def _scan(self, start: int, end: int, surnames: dict[str, str], words: set[str] | None = None) -> list[Mention]:
        """Unresolved mentions in text[start:end]: multi-word aliases first, then capitalised
        name runs, then job titles, then he/she."""
        text = self.text
        found: list[Mention] = []
        # Each family of patterns only runs where one of its key words is (a cheap test that
        # spares most regex passes over most sentences); the sentence's words will do.
        lower = words if words is not None else set(_WORD.findall(self.lower, start, end))

        def overlapping(s: int, e: int) -> list[Mention]:
            return [m for m in found if m.start < e and s < m.end]

        first = _first_possible("alias", lower, self.lower, start, end) if not lower.isdisjoint(_key_words("alias")) else -1
        for match in _multiword_alias_regex().finditer(self.lower, first, end) if first >= 0 else ():
            canonical, kind = _aliases()[" ".join(match.group().lower().split())]
            found.append(_alias_mention(text, match.start(), match.end(), canonical, kind))
        for mention in self._institutions(start, end, lower):
            if not overlapping(mention.start, mention.end):
                found.append(mention)
        never = _never_names()
        for run in _NAME_RUN.finditer(text, start, end):
            if run.group() in never:  # "The", "Monday", "President": no mention (most runs)
                continue
            for mention in self._mentions_in_run(run.start(), run.end(), surnames):
                clashes = overlapping(mention.start, mention.end)
                if clashes and mention.kind == PERSON and all(
                    (m.kind == INSTITUTION and not (m.start <= mention.start and mention.end <= m.end))
                    or m.speaker == mention.speaker
                    for m in clashes
                ):
                    # A named person wins over an institution in their title
                    # ("White House Press Secretary Karoline Leavitt").
                    found = [m for m in found if m not in clashes]
                    clashes = []
                if not clashes:
                    found.append(mention)
        first = _first_possible("role", lower, self.lower, start, end) if not lower.isdisjoint(_key_words("role")) else -1
        for match in _role_regex().finditer(self.lower, first, end) if first >= 0 else ():
            prefix = _role_prefix_regex().search(text, max(start, match.start() - 40), match.start())
            role_start = prefix.start() if prefix else match.start()
            if overlapping(role_start, match.end()) or _FOLLOWED_BY_NAME.match(text, match.end()):
                continue
            role_text = text[role_start : match.end()]
            definite = _DEFINITE.match(role_text)
            qualified = _FOLLOWED_BY_PREPOSITION.match(text, match.end())  # "the spokesman for ..."
            role = _normalise_role(role_text) if definite and not qualified else None
            found.append(Mention(role_start, match.end(), ROLE, None, role=role))
        for title in self._titles_in_use():  # "Sheriff Jud Smith ... the sheriff said"
            needle = "the " + title
            at = self.lower.find(needle, start, end)
            while at >= 0:
                stop = at + len(needle)
                if (
                    (at == 0 or not self.lower[at - 1].isalnum())
                    and (stop >= len(text) or not (text[stop].isalnum() or text[stop] in "-'"))
                    and not overlapping(at, stop)
                    and not _FOLLOWED_BY_NAME.match(text, stop)
                    and not _FOLLOWED_BY_PREPOSITION.match(text, stop)
                ):
                    found.append(Mention(at, stop, ROLE, None, role=title))
                at = self.lower.find(needle, stop, end)
        for match in _PRONOUN.finditer(text, start, end) if ("he" in lower or "she" in lower) else ():
            if not overlapping(match.start(), match.end()):
                gender = "m" if match.group().lower() == "he" else "f"
                found.append(Mention(match.start(), match.end(), PRONOUN, None, gender=gender))
        for match in _reference_regex().finditer(self.lower, start, end) if not lower.isdisjoint(_key_words("reference")) else ():
            if not overlapping(match.start(), match.end()) and not _FOLLOWED_BY_PREPOSITION.match(text, match.end()):
                found.append(Mention(match.start(), match.end(), INSTITUTION, None, role="ref:" + match.group("word").lower()))
        return _merge_adjacent(text, found)

    def _institutions(self, start: int, end: int, lower: set[str]) -> list[Mention]:
        """Named organisations ("the National Disaster Management Authority"), national bodies
        ("Lebanon's health ministry", "the Israeli military") and bare bodies whose nation the
        text named before ("the interior ministry")."""
        text = self.text
        found: list[Mention] = []
        heads = _organisation_heads()
        for match in _organisation_regex().finditer(text, start, end) if not _lower_heads().isdisjoint(lower) else ():
            if heads.isdisjoint(match.group().replace("'s", " ").replace(",", " ").split()):
                continue
            span = _organisation_span(text, match.start(), match.end())
            if span is None:
                continue
            name = text[span[0] : span[1]]
            canonical, kind = (_aliases().get(name) or _aliases().get(name.lower())
                               or (self._acronyms.get(name) or _national_name(name, text, span[0]), INSTITUTION))
            if kind == INSTITUTION:
                found.append(_alias_mention(text, span[0], span[1], canonical, INSTITUTION))
        nations = not lower.isdisjoint(_key_words("nation"))
        bodies = not lower.isdisjoint(_key_words("body"))
        for match in _national_body_regex().finditer(text, start, end) if nations and bodies else ():
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            nation = match.group("nation")
            adjective = _nations()[nation] if nation else _adjectives()[match.group("adj")]
            found.append(_national_body(text, match.start("who"), match.end(), adjective, match.group("body")))
        for match in _bare_body_regex().finditer(self.lower, start, end) if bodies and "the" in lower else ():
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            adjective = _last_nation_before(text, match.start())
            if adjective:
                found.append(_national_body(text, match.start(), match.end(), adjective, match.group("body")))
        return found

    def _mentions_in_run(self, start: int, end: int, surnames: dict[str, str]) -> list[Mention]:
        """Mentions in one run of capitalised words, split after each possessive
        ("Russia's Vladimir Putin" -> "Russia's", "Vladimir Putin")."""
        text = self.text
        run = text[start:end]
        if " " not in run:  # one word: most runs ("The", "Ukraine", "Monday")
            static = _single_run(run)
            if static is not None:
                if not static:
                    return []
                kind, canonical, possessive, length, gender = static
                span_end = start + length
                possessive = possessive or text.startswith("'s", span_end)  # as _alias_mention
                return [Mention(start, span_end, kind, canonical, gender=gender, possessive=possessive)]
        elif "'" not in run:  # "The Kremlin", "Volodymyr Zelensky": a known name after openers
            static = _static_run(run)
            if static is not None:
                offset, kind, canonical = static
                bare_end = start + len(run.rstrip(",."))
                return [_alias_mention(text, start + offset, bare_end, canonical, kind)]
        mentions = []
        for offsets, plan in _run_plans(run):
            group = [(start + s, start + e) for s, e in offsets]
            mentions.extend(self._mention_in_group(group, plan, surnames))
        return mentions

    def _mention_in_group(self, group: list[tuple[int, int]], plan: "_GroupPlan", surnames: dict[str, str]) -> list[Mention]:
        """The mention in one group of capitalised words (their reading worked out once per
        group of words by _group_plan), given the surnames seen so far and the text around."""
        if plan.first is None:
            return []
        text = self.text
        last_start, last_end = group[-1]
        span_end = last_end if plan.possessive else last_start + plan.last_length
        possessive = plan.possessive
        if plan.institution is not None:
            return [_alias_mention(text, group[plan.first][0], span_end, plan.institution, INSTITUTION, possessive)]
        reading = plan.plain
        titled = plan.titled
        if titled is not None and (not plan.titled_if_known or titled.single in surnames):
            reading = titled
        span = (group[reading.span_start][0], span_end)

        def person(canonical: str) -> list[Mention]:
            if reading.title:
                self._titles_seen.setdefault(canonical, set()).add(reading.title)
            return [Mention(*span, PERSON, canonical, gender=_genders().get(canonical), possessive=possessive)]

        if reading.person_alias is not None:
            return person(reading.person_alias)
        if reading.full_name:
            canonical = reading.name
            known = surnames.get(reading.last_word)
            if known and known.split()[0] == reading.first_word:
                canonical = known  # "Volodymyr Zelenskyy" after "Volodymyr Zelensky"
            surnames.setdefault(reading.last_word, canonical)
            first = reading.first_word
            if len(first) > 3 and first not in _never_names() and first not in _non_names():
                # "Phumtham" after "Phumtham Wechayachai", "Anwar" after "Anwar Ibrahim": names by which
                # people in many countries are called; the first person given the name keeps it
                surnames.setdefault(first, canonical)
            return person(canonical)
        word = reading.single
        if word is not None:
            if word in surnames:
                return person(surnames[word])
            if reading.single_name_like:
                name_at = group[reading.name_start][0]
                if (
                    reading.single_titled
                    or _LOWER_TITLE_BEFORE.search(text[max(0, name_at - 30) : name_at])
                    or _AGE_AFTER.match(text, last_end)
                ):
                    surnames.setdefault(word, word)  # "Chancellor Merz", "WHO chief Tedros", "Halyna, 71,"
                    return person(word)
        if reading.inside is None:
            return []
        i, j, canonical, kind = reading.inside
        return [Mention(group[i][0], group[j - 1][1], kind, canonical, gender=_genders().get(canonical),
                        possessive=possessive and j == len(group))]

    def acronym(self, name: str) -> str:
        """The full name an acronym was introduced for in the text ("NEMA" -> "National Emergency
        Management Agency"), else the name."""
        return self._acronyms.get(name, name)

    def _titles_in_use(self) -> set[str]:
        """The titles the text has given a named person so far ("sheriff", "king", "prime
        minister"), which roles known to speakers.toml do not already cover."""
        if not self._titles_seen:
            return set()
        size = sum(len(titles) for titles in self._titles_seen.values())
        if getattr(self, "_titles_in_use_for", None) != size:
            known = _known_roles()
            self._titles_in_use_cache = {t for titles in self._titles_seen.values() for t in titles if t not in known and len(t) > 2}
            self._titles_in_use_for = size
        return self._titles_in_use_cache

    def _resolve(self, mention: Mention, sentence: Sentence, salience: list[Mention]) -> None:
        mention._context = (self.text, sentence.start)
        if mention.kind == ROLE and mention.role:
            mention.speaker = self._person_with_role(mention.role)
        elif mention.kind == INSTITUTION and mention.role and mention.role.startswith("ref:"):
            mention.speaker = self._institution_referred(mention.role[4:])
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

    def _institution_referred(self, word: str) -> str | None:
        """'the agency' -> the latest institution that was a clause subject (not a possessive)."""
        fixed = speakers_config()["references"]["fixed"]
        if word in fixed:
            return fixed[word]
        for earlier in reversed(self.mentions):
            if earlier.kind == INSTITUTION and earlier.speaker and earlier.subject and not earlier.possessive:
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
    window_start = max(sentence_start, position - 160)
    before = text[window_start:position] if window_start == sentence_start else "\x00 " + text[window_start:position]
    words = before.split()
    modifiers = _title_words()
    while words and (
        words[-1].lower() in modifiers
        or _POSSESSIVE_WORD.fullmatch(words[-1])
        or (words[-1].isupper() and len(words[-1]) > 2 and words[-1].isalpha())  # "VLADIMIR Putin"
    ):
        words.pop()
    if words:
        before = before[: before.rfind(words[-1]) + len(words[-1])]
    else:
        before = ""
    if len(before) > 40:  # the boundary is at the end: test the tail only (never as the start)
        before = "\x00 " + before[-40:]
    if not before.isascii():
        return bool(_SUBJECT_BOUNDARY.search(before))
    tail = before.rstrip()  # what _SUBJECT_BOUNDARY tests, spelled out (much faster)
    if not tail:
        return True
    if tail[-1] in ',;:("':
        return True
    if tail[-1] == "-":
        return len(tail) > 1 and tail[-2].isspace()
    return _trailing_word(tail).lower() in _BOUNDARY_WORDS


# The patterns below that end in "\s*$" are tested at the end of a string without a regex search
# (which would try every position): for ASCII text these functions say the same, faster.


def _trailing_word(text: str) -> str:
    """The run of word characters ([A-Za-z0-9_], ASCII text) that ends `text`."""
    last = text[text.rfind(" ") + 1 :]
    if last.isalnum():  # most often the last word
        return last
    i = len(text)
    while i and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:]


def _ends_with_word(text: str, words: frozenset[str], pattern: LazyPattern, comma: bool = False) -> bool:
    """pattern.search(text) for the patterns "\\b(?:word|...)\\s*$" (and "|," when `comma`), ignoring case."""
    if not text.isascii():
        return bool(pattern.search(text))
    tail = text.rstrip()
    if not tail:
        return False
    if comma and tail[-1] == ",":
        return True
    return _trailing_word(tail).lower() in words


def _without_trailing_auxiliaries(text: str) -> str:
    """_TRAILING_AUXILIARIES.sub("", text): without the auxiliaries and adverbs ("has also") and
    the whitespace that end it."""
    if not text.isascii():
        return _TRAILING_AUXILIARIES.sub("", text)
    end = len(text.rstrip())
    while True:
        start = end  # of the last word
        while start and not text[start - 1].isspace():
            start -= 1
        if not start or text[start:end].lower() not in _AUXILIARIES:  # one only after whitespace
            return text[:end]
        end = start
        while end and text[end - 1].isspace():
            end -= 1


# -- patterns ---------------------------------------------------------------------------------

_UP, _LO = LATIN_UPPER, LATIN_LOWER  # letters of names, accented ones included ("Sánchez", "Yılmaz")
# Patterns that would start with a look-behind ("(?<![\w'])[A-Z]") test it after their first
# character instead ("[A-Z](?<![\w'][A-Z])", the same condition): a pattern that starts with a
# character set lets the regex engine skip ahead to the next candidate character.
_PRONOUN = LazyPattern(r"(?:h(?<![\w']h)e|s(?<![\w']s)he|H(?<![\w']H)e|S(?<![\w']S)he)(?![\w'])")  # he/she/He/She
_NAME_RUN = LazyPattern(
    r"[A-Z](?<![\w'.][A-Z])[\w'.-]*(?:\s(?:[A-Z][\w'.-]*|(?:al|el|ibn|bin|abu)-[A-Z][\w'.-]*|"
    r"(?:von|der|van|den|de|da|di|du|bin|al|el|la|le)(?:\s(?:de|der|den|la|le))?(?=\s[A-Z])))*"
)
_TOKEN = LazyPattern(r"\S+")
# "Zelensky", "McCarthy", "Jean-Claude", "O'Brien", initials "J." / "JD"
_NAME_WORD = LazyPattern(
    rf"[{_UP}](?:[{_LO}]+(?:[-'][{_UP}]?[{_LO}]+)*|[{_LO}]*[{_UP}][{_LO}]+|'[{_UP}][{_LO}]+|\.)|(?:[A-Z]\.){{1,2}}|[A-Z]{{1,2}}|(?:al|el|ibn|bin|abu)-[{_UP}][{_LO}]+"
)
_INITIALS = LazyPattern(r"(?:[A-Z]\.){1,2}|[A-Z]{1,2}")
_POSSESSIVE_WORD = LazyPattern(r"[A-Z][\w.-]*(?:'s|s')")
_AUXILIARIES = frozenset(
    "has have had also repeatedly later previously reportedly once then again further publicly recently earlier "
    "already since would will did does is was were are been not never even clearly explicitly openly privately "
    "separately subsequently quickly firmly strongly".split()
)
_TRAILING_AUXILIARIES = LazyPattern(r"(?:\s+(?:" + "|".join(sorted(_AUXILIARIES)) + r"))*\s*$", re.IGNORECASE)
_COORDINATION = frozenset(["and", "but", "or", "then", "also"])
_ENDS_WITH_COORDINATION = LazyPattern(r"(?:\b(?:" + "|".join(sorted(_COORDINATION)) + r")|,)\s*$", re.IGNORECASE)
_WHO = frozenset(["who"])
_ENDS_WITH_WHO = LazyPattern(r"\bwho\s*$", re.IGNORECASE)
_ENDS_WITH_PREPOSITION = LazyPattern(r"\b(?:to|of|for|from|with|in|at|by|on)\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITIVE = LazyPattern(r",\s[^,\"]{1,80}")
_PHRASE_BOUNDARY = LazyPattern(
    r"[,;:(\u2013\u2014\"]|\s-\s|\b(?:and|but|while|as|when|because|if|after|before|that|which|though|although|since|whereas)\b",
    re.IGNORECASE,
)
_BOUNDARY_WORDS = frozenset(
    "and but or while as when because if after before that so then though although since where whereas until once "
    "meanwhile however also now which why how what".split()
)
_SUBJECT_BOUNDARY = LazyPattern(
    r"(?:^|[,;:(\u2013\u2014\"]|\s-|\b(?:" + "|".join(sorted(_BOUNDARY_WORDS)) + r")\b)\s*$", re.IGNORECASE
)
_FOLLOWED_BY_NAME = LazyPattern(rf"\s+[{_UP}][{_LO}]")
# A lower-case title or description right before a single name: "WHO chief Tedros", "pensioner Halyna".
_LOWER_TITLE_BEFORE = LazyPattern(
    r"\b(?:chief|head|spokesman|spokeswoman|spokesperson|minister|governor|mayor|president|secretary|director|"
    r"leader|commander|envoy|ambassador|sheriff|premier|chancellor|senator|official|pensioner|resident|mother|"
    r"father|survivor|witness|volunteer|medic|nurse|doctor|teacher|student|farmer|soldier|driver|grandmother|"
    r"grandfather|widow|shopkeeper|villager|neighbou?r)\s+$"
)
_AGE_AFTER = LazyPattern(r",\s\d{1,3}(?=[,.;)](?!\d))")  # "Halyna, 71," / "Mohamed Ait Bouzid, 54," (not "Derna, 10,100")
# Nouns that describe who a person is ("a ministry spokesman", "officials"); statements.py shares them.
PERSON_ROLE_NOUNS = (
    "spokesman|spokeswoman|spokesperson|official|officials|minister|adviser|advisor|aide|envoy|ambassador|"
    "chief|head|director|commander|officer|source|sources|diplomat|negotiator|representative"
)
_PERSON_DESCRIPTION = LazyPattern(rf"\b(?:{PERSON_ROLE_NOUNS}|member)\b", re.IGNORECASE)
_AFTER_LOWER_WORD = LazyPattern(r"[a-z]\s+$")
_BARE_NAME = LazyPattern(rf"[{_UP}][{_LO}'-]+(?:\s(?:al-|el-|bin\s|van\s|de\s)?[{_UP}][{_LO}'-]+){{0,3}}")
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
    "observers monitors mission council committee parliament president premier general man woman men women "
    "mother father neighbour neighbor shopkeeper driver student teacher nurse pensioner farmer volunteer villager "
    "worker workers refugee relative lawyer activist protester girl boy grandmother grandfather widow"
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


def _national_body(text: str, start: int, end: int, adjective: str, body_text: str) -> Mention:
    """'Lebanon's health ministry' -> "Lebanese health ministry" (or the [institutions] name for it)."""
    canonical = f"{adjective} {_body_name(body_text)}"
    known = _aliases().get(canonical) or _aliases().get(canonical.lower())
    if known and known[1] == INSTITUTION:
        canonical = known[0]
    return _alias_mention(text, start, end, canonical, INSTITUTION)


def _national_name(name: str, text: str = "", start: int = 0) -> str:
    """A named body in national form: "Israel's Health Ministry" -> "Israeli health ministry",
    "Gaza's Ministry of Health" -> "Gaza health ministry", "Britain's Foreign Office" -> "British
    foreign ministry", and a body named without its nation ("the Defense Ministry said") by the
    nation the text named last; other names as written."""
    nation, sep, body = name.partition("'s ")
    if sep and nation in _nations() and body:
        canonical = _body_name(body)
        if canonical != body.lower() or body.split()[-1] in _NATIONAL_HEADS:
            return f"{_nations()[nation]} {canonical}"
        return f"{_nations()[nation]} {body}"
    if text and " " in name and _body_name(name) in _bare_bodies():
        adjective = _last_nation_before(text, start)
        if adjective:
            return f"{adjective} {_body_name(name)}"
    return name


_ACRONYM_IN_PARENTHESES = LazyPattern(r"\([A-Z][A-Z0-9&]{1,9}\)")
_ACRONYM_DEFINED = LazyPattern(r"(?P<long>(?:[A-Z][\w'-]*\s+(?:(?:of|for|and|the|on)\s+)*){1,8}[A-Z][\w'-]*)\s+\((?P<short>[A-Z][A-Z0-9&]{1,9})\)")


def _without_the(name: str) -> str:
    return name[4:] if name.startswith("The ") else name


def _initials_match(long: str, short: str) -> bool:
    """Whether an acronym stands for a name: its letters are the initials of the name's
    capitalised words, in order ("National Emergency Management Agency" / "NEMA")."""
    initials = "".join(w[0] for w in long.split() if w[0].isupper())
    return "".join(c for c in short if c.isalpha()) in initials


_NATIONAL_HEADS = frozenset(("Ministry", "Office", "Agency", "Service", "Forces"))


@cache
def _bare_bodies() -> frozenset[str]:
    return frozenset(speakers_config()["bodies"]["bare"])


def _government_of(nation: str) -> str:
    canonical = f"{_nations()[nation]} government"
    known = _aliases().get(canonical)
    return known[0] if known else canonical


def _last_nation_before(text: str, position: int) -> str | None:
    """The adjective of the nation the text named last before `position` (within 1,500 chars)."""
    last = None
    for last in _nation_word_regex().finditer(text, max(0, position - 1500), position):
        pass
    if last is None:
        return None
    word = last.group()
    if word in _adjectives():
        return _adjectives()[word]
    return _nations()[_nations_and_capitals()[word]]


def _organisation_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The organisation name in a capitalised phrase, without leading function words or a
    trailing possessive; None when no organisation head word is in it."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    heads = _organisation_heads()
    words = [_bare_word(text[s:e]) for s, e in tokens]
    if not any(w in heads for w in words):
        return None
    first = 0
    while first < len(words) and (words[first] in _function_words() or words[first].lower() in ("the", "of", "for", "and")):
        first += 1
    last = len(words)
    while last > first and words[last - 1].lower() in ("of", "for", "and", "the", "on"):
        last -= 1
    if first >= last or not any(w in heads for w in words[first:last]):
        return None
    span_end = tokens[last - 1][0] + len(words[last - 1])
    return tokens[first][0], span_end


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


@lru_cache(maxsize=_WORD_CACHE)
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


@dataclass(frozen=True, slots=True)
class _Reading:
    """One reading of a group of capitalised words: which of them name the person."""
    span_start: int  # index of the word the mention starts at
    name_start: int  # index of the first word of the name
    title: str  # the title words before the name, lower-cased ("us president"), or ""
    name: str
    person_alias: str | None  # the canonical person when the name is a known alias
    full_name: bool  # two or more words that look like a person's name
    first_word: str
    last_word: str
    single: str | None  # the name, when it is one word
    single_titled: bool  # ... right after a person title ("Chancellor Merz")
    single_name_like: bool
    inside: tuple[int, int, str, str] | None  # the longest alias inside: (first, end word index, canonical, kind)


@dataclass(frozen=True, slots=True)
class _GroupPlan:
    """What a group of capitalised words (split after a possessive) can be, worked out from the
    words alone; SpeakerIndex._mention_in_group adds what depends on the text around them."""
    first: int | None  # first word after sentence openers ("As", "Following"); None: only openers
    possessive: bool
    last_length: int  # length of the last word without its possessive or trailing punctuation
    institution: str | None = None  # the whole group names an institution or a nation's government
    plain: _Reading | None = None
    titled: _Reading | None = None  # the name after a title inside the group ("Erie County Sheriff John Garcia")
    titled_if_known: bool = False  # ... only when that one-word name is a surname seen before


@lru_cache(maxsize=_WORD_CACHE)
def _run_plans(run: str) -> tuple[tuple[tuple[tuple[int, int], ...], _GroupPlan], ...]:
    """The groups of a run of capitalised words, split after each possessive ("Russia's
    Vladimir Putin" -> "Russia's", "Vladimir Putin"): (word offsets in the run, plan) each."""
    groups = []
    group: list[tuple[int, int]] = []
    for token in _TOKEN.finditer(run):
        group.append((token.start(), token.end()))
        if _is_possessive(token.group()):
            groups.append(tuple(group))
            group = []
    if group:
        groups.append(tuple(group))
    return tuple((offsets, _group_plan(tuple(run[s:e] for s, e in offsets))) for offsets in groups)


def _group_plan(tokens: tuple[str, ...]) -> _GroupPlan:
    words = list(tokens)
    possessive = _is_possessive(words[-1])
    words[-1] = _bare_word(words[-1])
    first = 0  # skip sentence-initial function words ("As", "Following")
    while first < len(words) and words[first] in _function_words():
        first += 1
    if first == len(words):
        return _GroupPlan(None, possessive, len(words[-1]))
    name_start = first  # skip titles ("US President", "White House Press Secretary")
    while name_start < len(words) and words[name_start] in _titles():
        name_start += 1
    name_words = words[name_start:]
    aliases = _aliases()
    whole = " ".join(words[first:])
    if whole in aliases and aliases[whole][1] == INSTITUTION and len(name_words) <= 1:
        return _GroupPlan(first, possessive, len(words[-1]), institution=aliases[whole][0])
    nation = _nations_and_capitals().get(whole)
    if nation:
        return _GroupPlan(first, possessive, len(words[-1]), institution=_government_of(nation))
    plain = _reading(words, first, name_start, first)
    titled, titled_if_known = None, False
    inner_title = max((i for i in range(name_start, len(words)) if words[i] in _titles()), default=None)
    if inner_title is not None and 0 < len(words) - inner_title - 1 <= 4:
        # "Erie County Sheriff John Garcia", "Hawaii Governor Josh Green": the name after the title
        rest = words[inner_title + 1 :]
        if _looks_like_person_name(rest):
            person_title = words[inner_title] in _PERSON_TITLES
            titled_first = inner_title if person_title else first
            titled = _reading(words, titled_first, inner_title + 1, inner_title + 1)
            titled_if_known = len(rest) == 1 and not person_title
    return _GroupPlan(first, possessive, len(words[-1]), plain=plain, titled=titled, titled_if_known=titled_if_known)


def _reading(words: list[str], first: int, name_start: int, span_start: int) -> _Reading:
    name_words = words[name_start:]
    name = " ".join(name_words)
    alias = _aliases().get(name)
    single = name_words[0] if len(name_words) == 1 else None
    return _Reading(
        span_start=span_start,
        name_start=name_start,
        title=" ".join(words[first:name_start]).lower(),
        name=name,
        person_alias=alias[0] if alias and alias[1] == PERSON else None,
        full_name=len(name_words) >= 2 and _looks_like_person_name(name_words),
        first_word=name_words[0] if name_words else "",
        last_word=name_words[-1] if name_words else "",
        single=single,
        single_titled=single is not None and name_start > first and words[name_start - 1] in _PERSON_TITLES,
        single_name_like=single is not None and _looks_like_person_name([single]),
        inside=_alias_inside(words, first),
    )


def _alias_inside(words: list[str], first: int) -> tuple[int, int, str, str] | None:
    """The longest known alias inside the group ("Kremlin" in "The Kremlin"): (index of its
    first word, index after its last word, canonical, kind)."""
    aliases = _aliases()
    for i in range(first, len(words)):
        for j in range(len(words), i, -1):
            candidate = " ".join(words[i:j])
            if candidate in aliases:
                canonical, kind = aliases[candidate]
                return i, j, canonical, kind
    return None


def looks_like_person_name(words: list[str]) -> bool:
    return _looks_like_person_name(words)


def _looks_like_person_name(words) -> bool:
    return _name_like(tuple(words))


@lru_cache(maxsize=_WORD_CACHE)
def _name_like(words: tuple[str, ...]) -> bool:
    """Capitalised name-like words, none a title, a known non-name or an organisation word, and
    not a well-known place: a one-word name that is one, a name that is one as a whole ("Kryvyi
    Rih"), or one that starts with a curated place or a country ("Ukraine Kyiv"). A surname that
    is also a city stays a name ("Ahmad Hassan")."""
    places = gazetteer()
    whole = places.get(" ".join(words))
    if len(words) > 1 and whole is not None and whole[1] in (CURATED, CITY, COUNTRY):
        return False
    heads = _organisation_heads()
    for i, word in enumerate(words):
        if word in _non_names() or word in _titles() or word in heads:
            return False
        if not _NAME_WORD.fullmatch(word):
            return False
        place = places.get(word)
        if place is None or word in _not_places():
            continue
        if len(words) == 1 and place[1] in (CURATED, CITY, COUNTRY):
            return False
        if i == 0 and place[1] in (CURATED, COUNTRY):
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
    aliases = {a for a in _aliases() if " " in a}
    return re.compile(r"(?<![\w'])(?:" + alternation(aliases, ignore_case=True) + r")(?!\w)")  # on the lower-cased text


@cache
def _roles() -> dict[str, set[str]]:
    return {name: {r.lower() for r in entry.get("roles", [])} for name, entry in _people().items()}


@cache
def _known_roles() -> frozenset[str]:
    return frozenset(r for held in _roles().values() for r in held)


@cache
def _role_regex() -> re.Pattern[str]:
    roles = {r for held in _roles().values() for r in held}
    return re.compile(r"(?<![\w'])(?:" + alternation(roles, ignore_case=True) + r")(?![\w-])")  # on the lower-cased text


@cache
def _role_prefix_regex() -> re.Pattern[str]:
    """What may stand before a role: "the", "a", a country ("the US special envoy")."""
    return re.compile(rf"(?<![\w'])(?:(?:the|a)\s+)?(?:{_COUNTRY_PREFIX}\s+)?(?:the\s+|a\s+|{_COUNTRY_PREFIX}\s+)$", re.IGNORECASE)


@cache
def speech_verb_regex() -> re.Pattern[str]:
    """Verbs that introduce a quote or a paraphrase (speakers.toml [speech])."""
    return re.compile(rf"(?<![\w-])(?:{alternation(speakers_config()['speech']['verbs'])})(?![\w-])")


_WORD = WORD
_STOP = frozenset("the a an of for and on in to at by".split())


@cache
def _key_words(family: str) -> frozenset[str]:
    """Lower-case words one of which any match of a family of patterns contains."""
    config = speakers_config()
    if family == "alias":
        phrases = [a for a in _aliases() if " " in a]
    elif family == "role":
        phrases = [r for held in _roles().values() for r in held]
    elif family == "reference":
        phrases = list(config["references"]["words"]) + list(config["references"]["fixed"])
    elif family == "nation":
        phrases = list(_nations_and_capitals()) + list(_adjectives())
    else:  # "body": the words of the national bodies' patterns
        phrases = [re.sub(r"[^a-z' ]", " ", p) for name, ps in config["bodies"].items() if name != "bare" for p in ps]
    words = {w for phrase in phrases for w in _WORD.findall(phrase.lower())}
    return frozenset(words - _STOP) if family != "reference" else frozenset(words)


def _first_possible(family: str, words: set[str], lower: str, start: int, end: int) -> int:
    """Where in lower[start:end] a match of the family's pattern can start at the earliest; -1:
    nowhere. A phrase matches only in a sentence holding all its words (as whole words), and its
    match starts with its text up to its first space."""
    keys, phrases_by_word = _phrase_words(family)
    if "" in keys:  # (none such) a phrase without a word could match anywhere
        return start
    first = -1
    for word in words & keys:
        for phrase_words, opening in phrases_by_word[word]:
            if phrase_words <= words:
                at = lower.find(opening, start, end)
                if at >= 0 and (first < 0 or at < first):
                    first = at
    return first


@cache
def _phrase_words(family: str) -> tuple[frozenset[str], dict[str, list[tuple[frozenset[str], str]]]]:
    """The phrases of a family ("alias": aliases of several words, "role": job titles) as (their
    lower-case words, their text up to the first space), under the longest of their words."""
    if family == "alias":
        phrases = [a for a in _aliases() if " " in a]
    else:
        phrases = [r for held in _roles().values() for r in held]
    index: dict[str, list[tuple[frozenset[str], str]]] = {}
    for phrase in phrases:
        phrase = phrase.lower()  # as the patterns have them
        words = frozenset(_WORD.findall(phrase))
        index.setdefault(max(sorted(words), key=len, default=""), []).append((words, phrase.split(" ")[0]))
    return frozenset(index), index


@cache
def _never_names() -> frozenset[str]:
    """One-word runs that are never a mention: function words, titles and non-names that are
    neither an alias nor a nation (as written, with a possessive or a comma too)."""
    words = set(_function_words()) | set(_titles()) | set(_non_names())
    words -= set(_aliases()) | set(_nations_and_capitals())
    return frozenset(w + suffix for w in words for suffix in ("", "'s", ",", "."))


@lru_cache(maxsize=_WORD_CACHE)
def _static_run(run: str) -> tuple[int, str, str] | None:
    """A run of several words that is a known alias once sentence openers are dropped ("The
    Kremlin", "Volodymyr Zelensky"): (offset of the alias in the run, kind, canonical)."""
    words = run.rstrip(",.").split(" ")
    first = 0
    while first < len(words) and words[first] in _function_words():
        first += 1
    alias = _aliases().get(" ".join(words[first:]))
    if alias is None or first == len(words):
        return None
    return len(" ".join(words[:first])) + (1 if first else 0), alias[1], alias[0]


@lru_cache(maxsize=_WORD_CACHE)
def _single_run(run: str) -> tuple[str, str, bool, int, str | None] | tuple[()] | None:
    """_single_word_mention for a one-word run as written ("Russia's"): () nothing, None: it
    depends on the text, else (kind, canonical, possessive, length of the mention, gender)."""
    bare = _bare_word(run)
    static = _single_word_mention(bare)
    if not static:
        return static
    kind, canonical = static
    possessive = _is_possessive(run)
    return kind, canonical, possessive, len(run) if possessive else len(bare), _genders().get(canonical)


@lru_cache(maxsize=_WORD_CACHE)
def _single_word_mention(word: str) -> tuple[str, str] | tuple[()] | None:
    """What a one-word capitalised run is when that does not depend on the text around it:
    () nothing, (kind, canonical) a known person, institution or nation; None: it depends
    (an unknown name may be the surname of a person named earlier)."""
    if word in _function_words():
        return ()
    alias = _aliases().get(word)
    if alias is not None:
        return alias[1], alias[0]
    nation = _nations_and_capitals().get(word)
    if nation:
        return INSTITUTION, _government_of(nation)
    if word in _titles() or word in _non_names() or not _looks_like_person_name([word]):
        return ()  # never a name, nor (so) the surname of one named before
    return None


@cache
def _nations() -> dict[str, str]:
    """Nation -> adjective ("Lebanon" -> "Lebanese")."""
    return dict(speakers_config()["nations"])


@cache
def _nations_and_capitals() -> dict[str, str]:
    """Nation or capital -> nation."""
    table = {nation: nation for nation in _nations()}
    table.update(speakers_config()["capitals"])
    return table


@cache
def _adjectives() -> dict[str, str]:
    return {adjective: adjective for adjective in _nations().values()}


@cache
def _body_patterns() -> list[tuple[str, re.Pattern[str]]]:
    bodies = speakers_config()["bodies"]
    return [(name, re.compile(rf"(?:{'|'.join(patterns)})", re.IGNORECASE))
            for name, patterns in bodies.items() if name != "bare"]


def _body_name(body_text: str) -> str:
    body_text = " ".join(body_text.split())
    for name, pattern in _body_patterns():
        if pattern.fullmatch(body_text):
            return name
    return body_text.lower()


def _alternation(words) -> str:
    return alternation(words)


@cache
def _national_body_regex() -> re.Pattern[str]:
    """"Lebanon's health ministry", "the Israeli military", "Russia's state emergencies ministry"."""
    bodies = "|".join(p for name, patterns in speakers_config()["bodies"].items() if name != "bare" for p in patterns)
    return re.compile(
        rf"(?<![\w'])(?:the\s+)?(?P<who>(?:(?P<nation>{_alternation(_nations())})(?:'s|s')|(?P<adj>{_alternation(_adjectives())}))"
        rf"(?:\s+(?i:state|national|federal|interim|military|transitional))?\s+(?P<body>(?i:{bodies})))(?![\w-])"
    )


@cache
def _bare_body_regex() -> re.Pattern[str]:
    bodies = speakers_config()["bodies"]
    patterns = [p for name in bodies["bare"] for p in bodies[name]]
    return re.compile(lowered(rf"(?<![\w'])the\s+(?P<body>{'|'.join(patterns)})(?![\w-])(?!\s+(?:of|for|in)\s)"))  # lower-cased text


@cache
def _nation_word_regex() -> re.Pattern[str]:
    words = list(_nations_and_capitals()) + list(_adjectives())
    return re.compile(rf"(?<![\w'])(?:{_alternation(words)})(?![\w-])")


@cache
def _reference_regex() -> re.Pattern[str]:
    config = speakers_config()["references"]
    words = list(config["words"]) + list(config["fixed"])
    return re.compile(rf"(?<![\w'])the\s+(?P<word>{alternation(words, ignore_case=True)})(?![\w-])")  # lower-cased text


@cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(speakers_config()["organisations"]["heads"])


@cache
def _lower_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in _organisation_heads())


@cache
def _organisation_regex() -> re.Pattern[str]:
    """Capitalised phrases, with of/for/and/on/the between capitalised words."""
    return re.compile(r"[A-Z](?<![\w'][A-Z])[\w.'&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.'&-]*)*")  # see _NAME_RUN


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
