"""Casualty counts: "at least 26 people died", "killing 12", "the death toll rose to 30".

A count is only a casualty count when it is tied to a casualty outcome and counts people (or
nothing at all, "12 were injured"): drones destroyed, ages, years, money, percentages and tonnes
of aid never match. The place is the place attached to the count ("killed 12 people in southern
Israel"), else the best place named in the same sentence (a city or region after in/on/at/near
first, never a destination such as "back to Gaza"), else the best place of the nearest earlier
sentence (at most four back, across paragraphs: wire and live-blog paragraphs are one sentence
long), else the headline's, else "unknown".
"""

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .lazy_regex import WORD, LazyPattern, alternation, lowered
from .document import Document
from .model import Position
from .numbers import COUNT, QUALIFIER, parse_count
from .places import COUNTRY, PlaceMention, best_place, contains, dateline, dateline_end, find_places, headline_text, is_container, modifies_organisation, nationalities
from .sentences import Sentence

UNKNOWN_PLACE = "unknown"
_PREVIOUS_SENTENCES_FOR_PLACE = 6

_WORD_CACHE = 1 << 16  # per-word results: texts repeat words; bounded for long backfills


def extract_casualties(document: Document) -> list[Position]:
    positions = []
    for sentence in document.sentences_with(_is_outcome_word):
        counts = _counts_in(document, sentence)
        if not counts:
            continue
        source = document.source_of(sentence)
        for count in counts:
            place = _place_for(document, sentence, count, counts)
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
    end: int  # end of the matched expression (outcome or counted noun)
    value: float
    qualifier: str | None
    outcome: str
    unit: str
    detail: str | None
    bare: bool = False  # no counted noun ("and 29,400 injured")
    scope: tuple[int, int] | None = None  # where the count's own place is named ("the death toll in Turkey ... rose to")


def _counts_in(document: Document, sentence: Sentence) -> list[_Count]:
    """Casualty counts in the sentence, one per number (the first pattern to read it wins)."""
    text, lower = document.text, document.lower  # patterns run on the lower-cased text, readers read the text
    counts: dict[int, _Count] = {}
    for match in _count_then_outcome_matches(document, sentence):
        count = _read_count_then_outcome(text, match, sentence.end)
        if count is not None and count.anchor not in counts:
            counts[count.anchor] = count
    words = document.words_in(sentence)
    readers = []
    if any(_is_casualty_verb(w) for w in words):
        readers.append((_verb_then_count(), _read_verb_then_count))
    if "toll" in words or "number" in words or "total" in words or "tally" in words:
        readers.append((_toll_then_count(), _read_toll))
    if "bodies" in words:
        readers.append((_bodies(), _read_bodies))
    if "of" in words and ("crew" in words or "group" in words or "family" in words or "team" in words):
        readers.append((_group_of(), _read_group_of))
    for regex, reader in readers:
        for match in regex.finditer(lower, sentence.start, sentence.end):
            count = reader(text, match, sentence.end)
            if count is not None and count.anchor not in counts:
                counts[count.anchor] = count
    ordered = sorted(counts.values(), key=lambda c: c.anchor)
    bringing = _BRINGING.search(lower, sentence.start, sentence.end) if "bringing" in words else None
    if bringing:  # "two more died, bringing the number to 303": the new total only
        totals = [c for c in ordered if c.anchor > bringing.start() and c.scope is not None]
        ordered = [c for c in ordered if not (_is_increment(lower, c) and any(
            c.anchor < t.anchor and c.outcome == t.outcome and c.value < t.value for t in totals))]
    for i in range(1, len(ordered)):
        count, previous = ordered[i], ordered[i - 1]
        if count.bare and not previous.bare and count.outcome != previous.outcome and _AND_BEFORE.search(
            lower, max(sentence.start, count.anchor - 30), count.anchor
        ):  # "12,600 civilians have been killed ..., and nearly 29,400 injured": the same civilians
            ordered[i] = _Count(count.anchor, count.end, count.value, count.qualifier, count.outcome, previous.unit,
                                count.detail, False, count.scope)
    return ordered


def _is_increment(lower: str, count: "_Count") -> bool:
    """"two more died", "another three": a count added to a total."""
    return count.qualifier == "additional" or bool(_MORE_AFTER.match(lower, count.anchor + len(count.detail or "")))


def _count_then_outcome_matches(document: Document, sentence: Sentence):
    """The count-then-outcome pattern tried only where a count can start (it is the costly one):
    at each number word or digit, from the qualifier right before it if there is one."""
    text = document.lower
    regex = _count_then_outcome()
    covered = sentence.start
    for found in WORD.finditer(text, sentence.start, sentence.end):
        offset, word = found.start(), found.group()
        if offset < covered or not _is_count_start(word):
            continue
        if word in ("a", "an", "half") and not _DOZEN_AFTER.match(text, offset + len(word)):
            continue
        qualifier = _QUALIFIER_BEFORE.search(text, max(sentence.start, offset - 30), offset)
        match = regex.match(text, qualifier.start() if qualifier else offset, sentence.end)
        if match:
            # "Nineteen children and two teachers were killed": the second count is read on its own
            covered = match.start("conj") if match.group("conj") else match.end()
            yield match


# -- "at least 26 people died", "17 people were still unaccounted for", "five deaths" --------


def _read_count_then_outcome(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    if _EITHER_OUTCOME_AFTER.match(text, match.end("outcome"), sentence_end):
        return None  # "230 were killed or wounded": no single outcome
    outcome = _outcome_of(match.group("outcome"))
    noun = match.group("noun")
    if outcome in ("captured", "evacuated") and not noun and not _AND_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return None  # "251 taken hostage" only after "... 1,200 people were killed and"
    return _make_count(match, outcome, noun)


# -- "killing 12", "injuring at least 30 civilians", "left five people dead" -------------------


def _read_verb_then_count(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    verb = match.group("verb").lower()
    noun = match.group("noun")
    tail = (match.group("tail") or "").strip().lower()
    if _EITHER_OUTCOME_BEFORE.search(text, max(0, match.start() - 25), match.start()):
        return None  # "killed or wounded 230": no single outcome
    if verb.startswith(("took", "tak")):
        held = noun and _unit_of(noun) in ("hostages", "prisoners")
        if not held and (tail not in ("prisoner", "prisoners", "captive", "hostage") or not noun):
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
    if _NUMBER_GLUED_AFTER.match(text, match.end("count")):
        return None  # "toll ... at 4:17", "rose to 35%"
    following = re.match(r"\s*([A-Za-z]+)", text[match.end() : sentence_end])
    if following and following.group(1).lower() in _NON_PERSON_UNITS:
        return None
    outcome = "killed"
    for word, meaning in (("injur", "injured"), ("wound", "injured"), ("missing", "missing")):
        if word in what:
            outcome = meaning
    count = _make_count(match, outcome, match.group("noun"))
    if count is None:
        return None
    qualifier = count.qualifier
    if qualifier is None and match.group("via").lower().split()[-1] in _PASSING:
        qualifier = "more than"
    scope = (match.start("toll"), match.start("via"))
    return _Count(count.anchor, count.end, count.value, qualifier, count.outcome, count.unit, count.detail, count.bare, scope)


def _read_group_of(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    """"its crew of 21 had been evacuated"."""
    noun = match.group("noun")
    return _make_count(match, _outcome_of(match.group("outcome")), noun if noun != "group" else None)


def _read_bodies(text: str, match: re.Match, sentence_end: int) -> _Count | None:
    """"86 bodies have been recovered": that many dead."""
    return _make_count(match, "killed", None)


_PASSING = frozenset(("past", "passed", "surpassed", "exceeded", "topped"))


def _make_count(match: re.Match, outcome: str, noun: str | None) -> _Count | None:
    text = match.string
    if _MONTH_BEFORE.search(text, max(0, match.start("count") - 12), match.start("count")):
        return None  # "since June 13 had killed ...": a date
    if _looks_like_year(match.group("count")) and _YEAR_PREPOSITION_BEFORE.search(text, max(0, match.start("count") - 12), match.start("count")):
        return None  # "a fire in Ashulia in 2012 killed 112": a year
    qual = match.group("qual")
    if qual and qual.strip().lower() == "over" and _PARTICLE_VERB_BEFORE.search(text, max(0, match.start("qual") - 12), match.start("qual")):
        qual = None  # "hand over 28 bodies": no qualifier
    value, qualifier, detail = parse_count(match.group("count"), qual)
    if value is None:
        return None
    return _Count(match.start("count"), match.end(), value, qualifier, outcome, _unit_of(noun), detail, not noun)


# -- place ------------------------------------------------------------------------------------


def _place_for(document: Document, sentence: Sentence, count: _Count, counts: list[_Count]) -> str:
    """The count's place in its sentence; else the context's (earlier sentences, the dateline,
    the headline). A country or US state the sentence only names in passing ("Turkey's disaster
    agency said ...", "after Russia pounded Ukraine's second city") gives way to a place of the
    context that lies in it; "still missing there" takes the context's place."""
    if _THERE_AFTER.match(document.text, count.end, sentence.end):
        for mention in _context_places(document, sentence):
            return mention.name
    place, explicit = _place_in_sentence(document, sentence, count, counts)
    if place is not None and (explicit or not is_container(place)):
        return place
    for mention in _context_places(document, sentence):
        if place is None:
            return mention.name
        if mention.specific and contains(place, mention.name):
            return mention.name
    return place or UNKNOWN_PLACE


def _context_places(document: Document, sentence: Sentence):
    """The best place of each earlier sentence (nearest first; one named inside an institution,
    "Gaza's health ministry", when it names no other), then the dateline, then the headline's."""
    index = document.sentence_index(sentence)
    for back in range(1, _PREVIOUS_SENTENCES_FOR_PLACE + 1):
        if index - back < 0:
            break
        place = _sentence_place(document, document.sentences[index - back])
        if place is not None:
            yield place
    opening = _dateline(document)
    if opening is not None:
        yield opening
    if document.title:
        if "title_place" not in document.cache:
            title = headline_text(document.title)
            document.cache["title_place"] = best_place(find_places(title, 0, len(title)), 0)
        if document.cache["title_place"] is not None:
            yield document.cache["title_place"]


def _sentence_place(document: Document, sentence: Sentence):
    """The place a sentence is about, as context for the sentences after it."""
    cache = document.cache.setdefault("sentence_place", {})
    if sentence.start not in cache:
        free, inside = _places_in(document, sentence)
        free = _uncontained(document.text, [m for m in free if not m.destination])  # not "escaped to Port-au-Prince"
        place = best_place(free, sentence.end)
        if place is None:
            place = best_place([m for m in inside if m.specific or m.possessive], sentence.end)
        cache[sentence.start] = place
    return cache[sentence.start]


def _dateline_end(document: Document) -> int:
    if "dateline_end" not in document.cache:
        document.cache["dateline_end"] = dateline_end(document.text)
    return document.cache["dateline_end"]


def _dateline(document: Document):
    if "dateline" not in document.cache:
        document.cache["dateline"] = dateline(document.text)
    return document.cache["dateline"]


def _uncontained(text: str, mentions: list) -> list:
    """Without the places that only locate another ("the village of Novopavlivka in the Donetsk
    region", "Sutatausa, a town in Cundinamarca province", "a camp near the city of Sidon")."""
    return [
        m for m in mentions
        if not any(_CONTAINED_IN.fullmatch(text, o.end, m.start) and (o.specific or not m.specific) for o in mentions if o is not m)
    ]  # but "off the coast of Libya near the town of Zuwara" keeps the town


def _place_in_sentence(document: Document, sentence: Sentence, count: _Count, counts: list[_Count]) -> tuple[str | None, bool]:
    """The place right after the count in its clause ("1,200 people in southern Israel"), else
    the best in the count's clause, else in the sentence, that is not a destination, else a
    specific place named inside an institution ("Gaza's health ministry"). Also whether the
    sentence puts the count there explicitly (after a locative preposition) rather than naming
    the place in passing."""
    text = document.text
    free, inside = _places_in(document, sentence)
    if count.scope is not None:
        scoped = [m for m in free if count.scope[0] <= m.start < count.scope[1] and not m.destination]
        if scoped:  # "the death toll from the quake in Turkey and Syria climbed past 21,000"
            for i, mention in enumerate(scoped):  # "in Turkey's eastern Malatya province": the province
                if not (mention.possessive and i + 1 < len(scoped) and _JUST_MODIFIERS.fullmatch(text, mention.end, scoped[i + 1].start)):
                    return mention.name, True
    free = _uncontained(text, free)
    if count.outcome == "evacuated":  # "evacuated about 420 people from Kunar to hospitals in Jalalabad"
        clause_start, clause_end = _clause_of(text, sentence, count.anchor)
        origin = [m for m in free if m.preposition == "from" and count.anchor < m.start < clause_end]
        if origin:
            return origin[0].name, True
    others = [c.anchor for c in counts if c is not count]
    for i, mention in enumerate(free):
        if mention.start < count.end or not mention.locative or mention.destination:
            continue
        following = free[i + 1] if i + 1 < len(free) else None
        if mention.possessive and following is not None and _JUST_MODIFIERS.fullmatch(text, mention.end, following.start):
            continue  # "in Papua New Guinea's Enga province", "in Guinea's second-largest city, Nzerekore"
        if not _CLAUSE_BREAK.search(text, count.end, mention.start) and not any(count.end <= a < mention.start for a in others):
            if not mention.specific and following is not None and following.specific and _SAME_PHRASE.fullmatch(text, mention.end, following.start):
                return following.name, True  # "off the coast of Libya near the town of Zuwara"
            return mention.name, True
        break
    clause_start, clause_end = _clause_of(text, sentence, count.anchor)
    candidates = [m for m in free if not m.destination] or free
    described = _speaker_description_end(document, sentence, count)
    if described:  # "X, deputy head of the UN mission in Congo, said 2,880 ...": where the speaker works
        candidates = [m for m in candidates if m.start >= described] or [m for m in candidates if m.specific]
    in_clause = [m for m in candidates if clause_start <= m.start < clause_end]
    place = best_place(in_clause, count.anchor)
    if place is None:  # "Thailand's health ministry said 138,000 ... had been evacuated ..., and that ... in Surin"
        place = best_place([m for m in inside if clause_start <= m.start < clause_end
                            and (m.specific or (m.possessive and count.unit != "soldiers"))], count.anchor)
    if place is None:
        place = best_place(candidates, count.anchor)
    if place is None:
        place = best_place([m for m in inside if m.specific], count.anchor)
    if place is None and count.unit != "soldiers":  # "Myanmar's military government said ...": its country
        place = best_place([m for m in inside if m.possessive], count.anchor)
    if place is None:
        return None, False
    return place.name, place in free and place.locative


def _speaker_description_end(document: Document, sentence: Sentence, count: _Count) -> int:
    """Where the speech verb ends when the sentence opens with a speaker and their description
    before it and the count comes after it ("Vivian van de Perre, deputy head of the UN
    mission in Congo, said 2,880 people ..."); 0 otherwise."""
    text = document.text
    verb = _DESCRIBED_SPEAKER.match(text, sentence.start, count.anchor)
    return verb.end() if verb else 0


def _clause_of(text: str, sentence: Sentence, position: int) -> tuple[int, int]:
    """The part of the sentence holding `position` between ";", ", and (that)", ", while", ", but"."""
    start, end = sentence.start, sentence.end
    for boundary in _COUNT_CLAUSE_BOUNDARY.finditer(text, sentence.start, sentence.end):
        if boundary.end() <= position:
            start = boundary.end()
        elif boundary.start() >= position:
            end = boundary.start()
            break
    return start, end


def _places_in(document: Document, sentence: Sentence):
    """(places, places inside the name of an institution) in the sentence; places inside a
    person's name or title never count ("Hawaii Governor Josh Green" is not about Hawaii), nor
    do reference points ("70 km north of Bogota"), venues ("speaking in Washington"),
    attackers ("Russia pounded ...") or nationalities ("on the Thai side" is Thailand)."""
    cache = document.cache.setdefault("places", {})
    if sentence.start in cache:
        return cache[sentence.start]
    mentions = document.speakers.mentions_in(sentence.start, sentence.end)
    people = [(m.start, m.end) for m in mentions if m.kind in ("person", "role", "pronoun")]
    institutions = [(m.start, m.end) for m in mentions if m.kind == "institution"]
    text = document.text
    # "In Russian-occupied Donetsk": a "person" right after a locative preposition is a place
    people = [(s, e) for s, e in people if not _LOCATIVE_JUST_BEFORE.search(text, max(0, s - 8), s)]
    free, inside = [], []
    opening = _dateline_end(document) if sentence.start == 0 else 0
    for place in find_places(text, sentence.start, sentence.end, people):
        if place.start < opening:
            continue  # the dateline's places: where the reporter is (the context falls back on it)
        if _NOT_THE_PLACE_AFTER.match(text, place.end, sentence.end):
            continue  # "the Kathmandu valley", "the Dnipro river"
        if _REFERENCE_BEFORE.search(text, max(sentence.start, place.start - 50), place.start):
            continue  # "70 km north of Bogota", "speaking in Washington", "told reporters in Geneva"
        if _AGENTS_BEFORE.search(text, max(sentence.start, place.start - 80), place.start):
            continue  # "a deal brokered by the United States, Egypt, Qatar and Turkey"
        country = _nationality_place(text, place, sentence.end)
        if country is False:
            continue  # "Thai officials"
        if country is not None:
            place = replace(place, name=country, rank=COUNTRY, locative=True)
        if not place.locative and _ACTOR_VERB_AFTER.match(text, place.end, sentence.end):
            continue  # "Russia has launched 1,200 drones": the attacker, not where it happened
        if place.possessive and _AGENT_NOUN_AFTER.match(text, place.end, sentence.end):
            continue  # "Israel's offensive has killed ...": the attacker
        if place.possessive and _EVENT_AFTER.match(text, place.end, sentence.end):
            place = replace(place, locative=True)  # "Sudan's war has killed ...": the war in Sudan
        within = any(s <= place.start and place.end <= e and (e - s) > (place.end - place.start) + 3 for s, e in institutions)
        if place.guessed and any(s < place.end and place.start < e for s, e in institutions):
            continue  # "in Hamas captivity"
        if not place.locative and modifies_organisation(text, place.end):
            within = True  # "Maryland State Police Col. Roland Butler said", "Turkey's disaster agency"
        (inside if within else free).append(place)
    if "side" in sentence.text:  # "on the Thai side": Thailand
        for side in _SIDE_OF.finditer(text, sentence.start, sentence.end):
            country = _demonyms().get(side.group("who"))
            if country and not any(m.start <= side.start("who") < m.end for m in free):
                free.append(PlaceMention(side.start("who"), side.end("who"), country, COUNTRY, True, False, "on"))
        free.sort(key=lambda m: m.start)
    # "dozens remain missing, most of them in Valencia": a share of the count, not its place
    if free and ("of them" in sentence.text or "of whom" in sentence.text or "of the" in sentence.text):
        kept = [m for m in free if not _SHARE_BEFORE.search(text, max(sentence.start, m.start - 60), m.start)]
        free = kept or free
    cache[sentence.start] = (free, inside)
    return free, inside


def _nationality_place(text: str, place, end: int):
    """None for a place name; for a nationality ("Thai"), its country when it stands for one
    ("on the Thai side"), else False."""
    country = _demonyms().get(place.name)
    if country is None or _demonyms().get(text[place.start : place.end]) is None:
        return None
    return country if _SIDE_AFTER.match(text, place.end, end) else False


@cache
def _demonyms() -> dict[str, str]:
    """Nationalities that differ from their country's name ("Thai", not "Gaza")."""
    return {demonym: country for demonym, country in nationalities().items() if demonym != country}


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
    "passengers": "passengers", "passenger": "passengers", "occupants": "people", "occupant": "people",
    "devotees": "pilgrims", "devotee": "pilgrims", "students": "students", "pupils": "students",
    "prisoners": "prisoners", "prisoner": "prisoners", "pows": "prisoners", "prisoners of war": "prisoners",
    "hostages": "hostages", "hostage": "hostages", "migrants": "migrants", "refugees": "refugees",
    "pilgrims": "pilgrims", "tourists": "tourists", "citizens": "citizens", "nationals": "citizens",
    "family members": "people", "relatives": "people", "guards": "guards", "peacekeepers": "peacekeepers",
    "crew members": "crew", "crew": "crew", "sailors": "sailors", "volunteers": "volunteers",
    "pensioners": "pensioners", "elderly people": "people", "protesters": "protesters", "demonstrators": "protesters",
    "palestinians": "Palestinians", "ukrainians": "Ukrainians", "russians": "Russians", "israelis": "Israelis",
    "americans": "Americans",
    "patients": "patients", "patient": "patients", "teachers": "teachers", "teacher": "teachers",
    "worshippers": "worshippers", "worshipers": "worshippers", "campers": "campers", "shoppers": "shoppers",
    "pedestrians": "pedestrians", "motorists": "motorists", "drivers": "drivers", "farmers": "farmers",
    "fishermen": "fishermen", "guests": "guests", "spectators": "spectators", "fans": "fans",
    "aid workers": "aid workers", "health workers": "medics", "healthcare workers": "medics",
    "medical workers": "medics", "security personnel": "soldiers", "policemen and soldiers": "people",
    "settlers": "settlers", "detainees": "prisoners", "inmates": "prisoners", "lebanese": "Lebanese",
    "syrians": "Syrians", "afghans": "Afghans", "sudanese": "Sudanese", "britons": "Britons",
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
    if "hospital" in word or word.startswith(("treated", "being treated", "received", "sustained", "suffered")):
        return "injured"
    if word.endswith(("to death", "shot dead")):
        return "killed"
    if word in ("stabbed", "shot"):
        return "injured"  # "three people were stabbed" (to death would say so)
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


_PERSON_NOUN = "(?:" + alternation(_PERSON_NOUNS, ignore_case=True) + ")"
_MORE = r"(?:\s+(?:more|other|further|additional)(?![\w-]))?"
# "160 residents of a nearby apartment block were evacuated", "12 people with burns were treated":
# a phrase after the noun, up to the verb
_AFTER_NOUN = (  # cheap to try: one lookahead per word, at most six words
    r"(?:\s+(?:in|across|from|at|near|on|with|of|aboard|along|inside|onboard)(?:\s+(?!(?:and|or|but)\b)[\w'-]+){1,6}?"
    r"(?=\s+(?:were|was|are|is|have|has|had)\b))?"
)
_ADJECTIVES_AND_NOUN = rf"(?:\s+(?:[\w'-]+\s+){{0,2}}?(?P<noun>{_PERSON_NOUN})(?![\w-]){_AFTER_NOUN})?"
_GAP = (
    r"(?:were|was|are|is|have|has|had|been|being|be|to|still|reportedly|also|later|all|now|so\s+far|confirmed|"
    r"believed|feared|thought|known|presumed|found|left|remain|remained|remains|reported|listed|as|who|"
    r"subsequently|initially|since|already|seriously|critically|badly|severely|slightly|lightly|fatally|"
    r"gravely|mortally|either|officially|tragically)"
)
_OUTCOME = (
    r"(?:killed|dead|died|perished|slain|deaths|fatalities|lost\s+their\s+lives|injured|injuries|wounded|hurt|"
    r"(?:taken|rushed|admitted|airlifted|brought)\s+to\s+(?:a\s+|the\s+)?hospitals?|"
    r"(?:treated|hospitali[sz]ed)\s+(?:in|at)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:hospitals?|clinics?|institute|"
    r"medical\s+(?:centres?|centers?|facilities))|hospitali[sz]ed|"
    r"treated\s+for\s+(?:[\w-]+\s+)?(?:wounds|injuries|burns)|(?:received|sustained|suffered)\s+(?:[\w-]+\s+)?(?:injuries|wounds|burns)|"
    r"(?:stabbed|shot|beaten|burned|burnt|crushed|hacked)\s+to\s+death|shot\s+dead|stabbed|shot(?!\s+down)|"
    r"missing|unaccounted(?:\s+for)?|captured|taken\s+(?:prisoner|captive|hostage)|abducted|evacuated|"
    r"drowned|suffocated|electrocuted|murdered|massacred|executed|(?:burned|burnt)\s+alive|succumbed\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))"
)
# A sentence can only hold a count if it has one of these words (the full patterns are costly).
_OUTCOME_WORD = LazyPattern(
    r"(?:kill|dead|death|died|dies|dying|perish|slain|fatalit|lives|injur|wound|hurt|hospital|missing|"
    r"unaccounted|captur|prisoner|captive|hostage|abduct|evacuat|toll|casualt|stabbed|shot|taken|took|left|leav|"
    r"claim|number|drown|suffocat|electrocut|alive|succumb|bodies|treat|total|tally|murder|massacr|execut|gunned)\w*"
)


@lru_cache(maxsize=_WORD_CACHE)
def _is_outcome_word(word: str) -> bool:
    return bool(_OUTCOME_WORD.fullmatch(word))


@lru_cache(maxsize=_WORD_CACHE)
def _is_casualty_verb(word: str) -> bool:
    return bool(_CASUALTY_VERB_WORD.fullmatch(word))


_CASUALTY_VERB_WORD = LazyPattern(r"(?:kill|injur|wound|hurt|evacuat|captur|left|leav|took|taken|tak|claim|shot|shooting|gunned|gunning)\w*")


@lru_cache(maxsize=_WORD_CACHE)
def _is_count_start(word: str) -> bool:
    """Words a count can start with (after its qualifier): digits, number words, "dozens"."""
    return word[0].isdigit() or word in _COUNT_WORDS


_COUNT_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    dozen dozens scores hundreds thousands a an half between""".split()
)
_DOZEN_AFTER = LazyPattern(r"(?:\s+a)?\s+dozen\b", re.IGNORECASE)
_QUALIFIER_BEFORE = LazyPattern(lowered(rf"(?<![\w-]){QUALIFIER}\s+$"))  # on Document.lower
_EITHER_OUTCOME_AFTER = LazyPattern(
    r"\s+(?:or|and/or)\s+(?:(?:gone|went|been|are|were|feared|presumed)\s+)?(?:killed|dead|injured|wounded|hurt|missing|captured)\b",
    re.IGNORECASE,
)
_PARTICLE_VERB_BEFORE = LazyPattern(r"\b(?:hand(?:ed|ing|s)?|turn(?:ed|ing|s)?|took|take[sn]?|taking)\s+$", re.IGNORECASE)
_YEAR_PREPOSITION_BEFORE = LazyPattern(r"\b(?:in|since|from|of|by|during|until|before|after)\s+$", re.IGNORECASE)
_MORE_AFTER = LazyPattern(r"[\w,.-]*\s+(?:more|other|further|additional)\b")
_BRINGING = LazyPattern(r"\bbringing\s+the\s+")
_MONTH_BEFORE = LazyPattern(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    r"jul|aug|sept?|oct|nov|dec)\.?\s+$",
    re.IGNORECASE,
)
_EITHER_OUTCOME_BEFORE = LazyPattern(r"\b(?:killed|dead|injured|wounded|hurt|missing|captured)\s+(?:or|and/or)\s+$", re.IGNORECASE)
_NUMBER_GLUED_AFTER = LazyPattern(r"(?:[:%]\d|\s*(?:%|percent|per\s+cent)\b)", re.IGNORECASE)
_CONTAINED_IN = LazyPattern(
    r"(?:'s)?(?:\s+[\w-]+){0,3}?,?\s+(?:in|near|outside)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:city|town|village|region|province|district|"
    r"state|county|area)\s+of\s+)?"
    r"|,\s(?:(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|district|region|province|suburb|area|port|county|"
    r"municipality|neighbou?rhood|camp)\s+(?:in|of|near)\s+(?:the\s+)?(?:[\w-]+\s+)?)?"
)
_JUST_MODIFIERS = LazyPattern(r"\s+(?:[a-z][\w-]*\s+){0,3}(?:(?:city|town|capital|port|province|region)\s*,\s+)?|\s")
_SAME_PHRASE = LazyPattern(r"\s+(?:near|in|outside|at)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:town|city|village|port|district)\s+of\s+)?|,\s+")
_THERE_AFTER = LazyPattern(r"(?:\s+(?:still|now|so\s+far|too|also))?\s+there\b(?!\s+(?:is|are|was|were|had|have|has|will|would)\b)")
_COUNT_CLAUSE_BOUNDARY = LazyPattern(r";|,\s+(?:and|but|while|whereas|which|when|where)\s+(?:that\s+)?|\s+and\s+that\s+|\.\s")
_REFERENCE_BEFORE = LazyPattern(
    r"(?:\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?"
    r"|\b(?:speaking|spoke|addressing|visiting|visit\s+to|arrived|arriving|flew|flying|travelled|traveled|"
    r"talks|summit|meeting|conference|briefing|interview|reporters|journalists|rally|hosted|hosting|headquartered|"
    r"based|station)\s+(?:\w+\s+){0,2}?(?:in|at|to|from)\s+(?:the\s+)?"
    r"|\b\d{1,3},\s+(?:from|of)\s+|\bwho\s+(?:lives|lived)\s+(?:in|on)\s+)$",  # "Jake Hennessy, 22, from Leeds"
    re.IGNORECASE,
)
_EVENT_AFTER = LazyPattern(
    r"\s+(?:[\w-]+\s+){0,2}?(?:war|conflict|civil\s+war|earthquake|quake|floods?|fires?|wildfires?|crisis|famine|"
    r"epidemic|outbreak|disaster|monsoon|drought)\b"
)
_DESCRIBED_SPEAKER = LazyPattern(
    r"[A-Z][^,.;:\"]{2,60},\s+(?:the\s+|a\s+|an\s+)?[^,;:\"]{3,90}?,\s+(?:said|says|told|announced|reported|confirmed|added|estimated)\b"
)
_AGENT_NOUN_AFTER = LazyPattern(
    r"\s+(?:[\w-]+\s+)?(?:offensive|strikes?|air\s?strikes?|attacks?|bombardment|shelling|campaign|invasion|assault|raids?|"
    r"missiles?|drones?|rockets?|bombing|war\s+on|blockade|siege)\b"
)
_SIDE_OF = LazyPattern(r"\b(?:on|from|to)\s+the\s+(?P<who>[A-Z][a-z]+)\s+side\b")
_AGENTS_BEFORE = LazyPattern(
    r"\b(?:brokered|mediated|backed|sponsored|hosted|led|funded|supported|condemned|criticised|criticized)\s+by\s+"
    r"(?:the\s+)?(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)*,?\s+(?:and\s+)?(?:the\s+)?)*$"
)
_SIDE_AFTER = LazyPattern(r"\s+(?:side|territory|soil|border|waters|airspace|frontier)\b")
_AND_BEFORE = LazyPattern(lowered(rf"(?<![\w-])and\s+(?:{QUALIFIER}\s+)?$"))
_LOCATIVE_JUST_BEFORE = LazyPattern(r"(?<![\w-])(?:in|In|near|Near|outside|Outside)\s+$")
_NOT_THE_PLACE_AFTER = LazyPattern(
    r"\s+(?:[Vv]alley|[Rr]iver|[Bb]asin|[Mm]ountains|[Hh]ills|[Cc]oast|[Ss]ea|[Ll]ake|[Dd]elta|[Bb]ay|Fire|Complex)\b"
)  # "the Dnipro river", "the Mesa Fire"
_ACTOR_VERB_AFTER = LazyPattern(
    r"\s+(?:(?:has|have|had)\s+(?:\w+\s+)?)?(?:launched|fired|attacked|struck|shelled|bombed|invaded|sent|"
    r"deployed|claimed|says|said|pounded|hit|targeted|unleashed|battered|pummel+ed|blitzed|raided|stormed|bombarded|"
    r"carried\s+out|retaliated|downed|shot\s+down|intercepted)\b"
)
_SHARE_BEFORE = LazyPattern(
    r"\b(?:most|many|some|half|all|several|the\s+majority|\w+)\s+of\s+(?:them|whom|the\s+(?:dead|victims|deaths|"
    r"injured|wounded|missing|fatalities))\s+(?:\w+\s+){0,2}?"
    r"(?:in|on|at|near)\s+(?:the\s+)?(?:(?:province|region|city|town|village|district)\s+of\s+)?(?:[\w-]+\s+){0,1}$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = LazyPattern(r"[,;:()\u2013\u2014]|\s-\s")


@cache
def _count_then_outcome() -> re.Pattern[str]:
    return _lowered_regex(
        rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT}){_MORE}{_ADJECTIVES_AND_NOUN}"
        rf"(?P<conj>\s+and\s+(?:{QUALIFIER}\s+)?{COUNT}(?:\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON_NOUN}(?![\w-])))?"
        r"(?:\s+and\s+(?:their|his|her)\s+(?:companions|relatives|families|family\s+members|carers|children))?"
        r"(?:\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|aged|ages|both\s+aged|all\s+aged)\s+[^,.;]{1,60},)?"
        rf"(?:\s+(?:civilian|military|confirmed|reported))?"
        rf"(?:\s+{_GAP})*?\s+(?P<outcome>{_OUTCOME})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _verb_then_count() -> re.Pattern[str]:
    return _lowered_regex(
        r"(?<![\w-])(?P<verb>kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|injur(?:ed|ing|es)|wound(?:ed|ing|s)?|hurt(?:ing|s)?|"
        r"evacuat(?:ed|ing|es)|captur(?:ed|ing|es)|left|leav(?:ing|es)|took|taken|tak(?:e|es|ing)|"
        r"claim(?:ed|ing|s)?\s+the\s+lives\s+of|claim(?:ed|ing|s)?)"
        rf"\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT}){_MORE}{_ADJECTIVES_AND_NOUN}"
        r"(?P<tail>\s+(?:dead|injured|wounded|hurt|lives|prisoner|prisoners|captive|hostage|murdered|missing)(?![\w-]))?",
        re.IGNORECASE,
    )


@cache
def _toll_then_count() -> re.Pattern[str]:
    return _lowered_regex(
        r"(?P<toll>(?:death|the|injury|casualty|confirmed|official|overall|total|civilian)\s+toll|"
        r"(?<=bringing\s)the\s+(?:number|total|tally)|"
        r"number\s+of\s+(?:people\s+)?(?:(?:confirmed|reported|known)\s+)?(?:dead|deaths|killed|fatalities|victims|injured|"
        r"wounded|missing))(?![\w-])"
        r"(?P<mid>(?:[^.;!?\"]|\.(?=\d)){0,120}?)"
        r"(?<![\w-])(?P<via>to|at|of|reached|reach|reaches|hit|is|was|now|stands\s+at|stood\s+at|past|passed|"
        r"surpassed|exceeded|topped)\s+"
        rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT})(?:\s+(?P<noun>{_PERSON_NOUN})(?![\w-]))?",
        re.IGNORECASE,
    )


@cache
def _group_of() -> re.Pattern[str]:
    return _lowered_regex(
        rf"(?<![\w-])(?P<noun>crew|group|family|team)\s+of\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT})(?:\s+(?:[\w-]+\s+)?(?:people|members))?"
        rf"(?:\s+{_GAP})*?\s+(?P<outcome>{_OUTCOME})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _bodies() -> re.Pattern[str]:
    return _lowered_regex(
        rf"(?<![\w-])(?:(?P<qual>{QUALIFIER})\s+)?(?P<count>{COUNT})(?:\s+(?:more|other|further))?\s+bodies"
        r"(?!\s+of\s+water)(?![\w-])",
        re.IGNORECASE,
    )


def _lowered_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """A case-insensitive pattern compiled to run on Document.lower (see lazy_regex.lowered)."""
    return re.compile(lowered(source), flags & ~re.IGNORECASE)
