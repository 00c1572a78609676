"""The extractor's output record."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    kind: str  # "casualty_count" | "plan_term" | "statement"
    key: str  # casualty "<Place>|<outcome>"; plan term: taxonomy term; statement: canonical speaker
    value_num: float | None  # casualty count; numeric plan value; None for statements
    value_text: str | None  # plan term: stance; statement: the quote (no quote marks); casualty: None
    unit: str | None  # casualty: counted noun ("people", "civilians", ...); plan: "personnel" ...
    qualifier: str | None  # "at least" | "more than" | "nearly" | "up to" | "about" | ... ; None when bare
    speaker: str | None  # statements: canonical speaker; others: the attributed source, if any
    evidence: str  # the evidence sentence(s), exactly as in the text
    char_start: int  # text[char_start:char_end] == evidence
    char_end: int
    place: str | None = None  # casualty place
    outcome: str | None = None  # casualty: killed | injured | missing | captured | evacuated
    holder: str | None = None  # plan term: who holds/proposes it ("US", "Kyiv", "Moscow", "EU")
    detail: str | None = None  # short normalised phrase of what the text says
    indirect: bool = False  # statements: paraphrase attributed to an institution
