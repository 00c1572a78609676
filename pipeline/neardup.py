"""Near-duplicate detection: MinHash over word shingles, LSH banding, exact confirmation.

The same wire story appears on many sites with other boilerplate, another headline, a paragraph
added or cut. Candidates come from LSH band collisions (cheap, stored in the warehouse); each
candidate is then confirmed on the real shingle sets: Jaccard similarity, or containment of the
smaller text in the larger (a cut-down copy of a longer story).

Shingles are taken within sentences, so reordered sentences or paragraphs do not change them.
Defaults were chosen on the labelled evaluation set in bench/neardup.py (see README).
"""

import re
from dataclasses import asdict, dataclass, fields
from functools import cache

import numpy as np

_SCHEME = "affine32"  # datasketch 2.x hashing scheme; changing it changes every stored band
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTATION = re.compile(r'"[^"\n]{1,3000}"')
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x27D4EB2F165667C5, 0x94D049BB133111EB],
                dtype=np.uint64)


@dataclass(frozen=True)
class DedupConfig:
    """Settings for near-duplicate detection; stored in the warehouse so every run agrees."""

    shingle_size: int = 4        # words per shingle
    num_perm: int = 128          # MinHash permutations
    bands: int = 64              # LSH bands of num_perm // bands rows (2): finds low-Jaccard excerpts too
    min_shared_bands: int = 3    # ... and a candidate must share this many bands, to keep lookups few
    jaccard: float = 0.5         # confirmed when Jaccard >= this ...
    containment: float = 0.85    # ... or the smaller text is this much inside the larger
    min_shingles: int = 25       # containment needs at least this many shingles on the smaller side

    def __post_init__(self):
        if not 1 <= self.bands <= self.num_perm:
            raise ValueError(f"bands must be between 1 and num_perm ({self.num_perm}), not {self.bands}")
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be at least 1")
        for name in ("jaccard", "containment"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in (0, 1]")

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "DedupConfig":
        names = {f.name: f.type for f in fields(cls)}
        kwargs = {}
        for name, value in values.items():
            if name in names:
                kwargs[name] = float(value) if names[name] in (float, "float") else int(value)
        return cls(**kwargs)

    def signature_settings(self) -> tuple:
        """What band hashes depend on: a change means stored bands must be rebuilt."""
        return (self.shingle_size, self.num_perm, self.bands)


@dataclass(frozen=True, slots=True)
class Similarity:
    jaccard: float
    containment: float   # |A ∩ B| / min(|A|, |B|)
    smaller: int         # shingles in the smaller set

    def is_duplicate(self, config: DedupConfig) -> bool:
        if self.jaccard >= config.jaccard:
            return True
        return self.smaller >= config.min_shingles and self.containment >= config.containment

    @property
    def score(self) -> float:
        return max(self.jaccard, self.containment)


def shingles(text: str, size: int) -> set[str]:
    """Word n-grams within each sentence, quotations left out; short sentences are one shingle.

    Quoted speech is what independent reports of one event share (every outlet quotes the same
    statement), so it says little about copying; the narrative around it does. A text that is
    (almost) all quotation keeps its quotes.
    """
    narrative = _QUOTATION.sub(". ", text)
    if len(_WORD.findall(narrative)) >= 3 * size:
        text = narrative
    out = set()
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.lower())
        if not words:
            continue
        if len(words) <= size:
            out.add(" ".join(words))
            continue
        out.update(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))
    return out


def band_hashes(text: str, config: DedupConfig) -> list[int]:
    """LSH band keys of the text's MinHash signature: one signed 64-bit value per band.

    The band number is mixed into each key, so two texts share a band exactly when they share a
    key, and the warehouse can look candidates up on a single numeric column.
    """
    grams = shingles(text, config.shingle_size)
    if not grams:
        return []
    from datasketch import MinHash

    signature = MinHash(num_perm=config.num_perm, seed=1, scheme=_SCHEME, permutations=_permutations(config.num_perm))
    signature.update_batch([g.encode("utf-8") for g in grams])
    rows = config.rows
    values = signature.hashvalues[: config.bands * rows].astype(np.uint64).reshape(config.bands, rows)
    mixed = np.arange(config.bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        for column in range(rows):
            mixed = (mixed ^ (values[:, column] * _MIX[column % len(_MIX)])) * np.uint64(0xBF58476D1CE4E5B9)
            mixed ^= mixed >> np.uint64(31)
    return mixed.view(np.int64).tolist()


def fingerprint(article, config: DedupConfig) -> None:
    """Give an article the band hashes of `config`; kept when they were made with the same settings."""
    if article.band_settings != config.signature_settings():
        article.band_hashes = band_hashes(article.text, config)
        article.band_settings = config.signature_settings()


def similarity(a: set[str], b: set[str]) -> Similarity:
    if not a or not b:
        return Similarity(0.0, 0.0, 0)
    common = len(a & b)
    smaller = min(len(a), len(b))
    return Similarity(common / len(a | b), common / smaller, smaller)


def best_match(text: str, candidates: list[tuple[str, str]], config: DedupConfig) -> tuple[str, Similarity] | None:
    """The candidate (id, text) that `text` is most similar to among confirmed near-duplicates, or None."""
    found = matches(text, candidates, config)
    return found[0] if found else None


def matches(text: str, candidates: list[tuple[str, str]], config: DedupConfig) -> list[tuple[str, Similarity]]:
    """Every candidate (id, text) that `text` is a confirmed near-duplicate of, most similar first."""
    mine = shingles(text, config.shingle_size)
    confirmed = []
    for candidate_id, candidate_text in candidates:
        found = similarity(mine, shingles(candidate_text, config.shingle_size))
        if found.is_duplicate(config):
            confirmed.append((candidate_id, found))
    return sorted(confirmed, key=lambda pair: -pair[1].score)


@cache
def _permutations(num_perm: int):
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME).permutations
