"""Number expressions in news text: digits, number words, vague counts, and count qualifiers.

The regex fragments here are embedded in the casualty and plan-term patterns (all compiled with
re.IGNORECASE); parse_count turns a matched expression into (value, qualifier, detail).
"""

import re
from functools import cache

from text_to_num import text2num

from .lazy_regex import alternation

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ("hundred", "thousand", "million")

_UNIT = "(?:" + alternation(_UNITS) + ")"
_TEN = "(?:" + alternation(_TENS) + ")"
_SMALL_WORDS = rf"(?:{_TEN}(?:[\s-]{_UNIT})?|{_UNIT})"
_SCALE = "(?:" + "|".join(_SCALES) + ")"
# "twenty-six", "one hundred and twenty", "a thousand", "three million"
WORD_NUMBER = (
    rf"(?:(?:{_SMALL_WORDS}|an?)\s+{_SCALE}(?:\s+(?:and\s+)?{_SMALL_WORDS})?|{_SMALL_WORDS})"
)
# "26", "1,200", "1.5", optionally "1.2 million"
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?"
# "a dozen", "two dozen", "half a dozen"
DOZEN_NUMBER = rf"(?:(?:half\s+a|an?|{_SMALL_WORDS})\s+dozen)"
# "dozens of", "hundreds of": counts with no exact value
VAGUE_NUMBER = r"(?:dozens|scores|hundreds|thousands)(?:\s+of)?"

# One number, never glued to a word, currency sign, or decimal point on either side.
NUMBER = (
    rf"(?<![\w$€£¥.,-])(?:{DIGIT_NUMBER}|{DOZEN_NUMBER}|{WORD_NUMBER}|{VAGUE_NUMBER})"
    r"(?![\w%$€£]|-(?:year|month|day|week|hour)|\.\d|,\d)"
)
# A range ("between 10 and 15", "10 to 15", "10-15") or a single number.
COUNT = (
    rf"(?:between\s+{NUMBER}\s+and\s+{NUMBER}|{NUMBER}(?:\s*(?:-|–|to)\s*{NUMBER})?)"
)

_QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "a maximum of": "up to",
    "no more than": "up to",
    "fewer than": "less than",
    "less than": "less than",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "exactly": "exactly",
    "a total of": "exactly",
    "another": "additional",
    "a further": "additional",
    "an additional": "additional",
}
QUALIFIER = "(?:" + alternation(_QUALIFIERS) + ")"

_VAGUE_VALUES = {"dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0}


def parse_count(expression: str, qualifier_text: str | None = None) -> tuple[float | None, str | None, str | None]:
    """(value, normalised qualifier, detail) for a COUNT match and the qualifier words before it.

    Ranges give their lower bound with qualifier "at least" and the range as detail; vague
    counts ("dozens of") give a nominal value with the vague word as qualifier.
    """
    expression = " ".join(expression.split())
    qualifier = normalise_qualifier(qualifier_text)
    numbers = [m.group() for m in _number_regex().finditer(expression)]
    if len(numbers) >= 2:
        low = parse_number(numbers[0])
        return low, "at least", expression
    value = parse_number(expression)
    vague = expression.lower().removesuffix(" of")
    if vague in _VAGUE_VALUES:
        return value, vague, None
    return value, qualifier, None


def parse_number(expression: str) -> float | None:
    """Numeric value of one NUMBER match ("1,200", "twenty-six", "a dozen", "1.2 million")."""
    words = " ".join(expression.lower().replace(",", "").split())
    words = words.removesuffix(" of")
    if words in _VAGUE_VALUES:
        return _VAGUE_VALUES[words]
    multiplier = 1.0
    for scale, factor in (("million", 1e6), ("thousand", 1e3)):
        if words.endswith(" " + scale) and words[0].isdigit():
            words, multiplier = words.removesuffix(" " + scale), factor
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) * multiplier
    if words.endswith("dozen"):
        head = words.removesuffix("dozen").strip()
        if head in ("a", "an", ""):
            return 12.0
        if head == "half a":
            return 6.0
        head_value = parse_number(head)
        return head_value * 12 if head_value is not None else None
    words = re.sub(r"^an?\s+", "one ", words)
    try:
        return float(text2num(words.replace(" and ", " "), "en"))
    except (ValueError, TypeError):
        return None


def normalise_qualifier(qualifier_text: str | None) -> str | None:
    if not qualifier_text:
        return None
    return _QUALIFIERS.get(" ".join(qualifier_text.lower().split()))


@cache
def _number_regex() -> re.Pattern[str]:
    return re.compile(NUMBER, re.IGNORECASE)
