"""The data contract between pipeline stages: plain dataclasses, no behaviour."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to backfill and the folder it was backfilled from (its identity is relative to it)."""

    path: Path
    base: Path

    @property
    def relpath(self) -> str:
        return self.path.relative_to(self.base).as_posix()


@dataclass(slots=True)
class RawDocument:
    """One article as read from its source, before extraction."""

    source: str              # "file" (later "feed", "web", "warc")
    item: str                # where it came from, for logs: a path, "path#3", or a URL
    identity: str            # canonical URL, else "file:<path relative to the backfilled folder>"
    order_key: str           # tie-break for undated articles: the relative path, then the record number
    media_type: str          # "text", "markdown" or "html"
    content: str             # decoded text or HTML
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None   # naive UTC
    outlet: str | None = None
    author: str | None = None
    raw_sha256: str | None = None


@dataclass(slots=True)
class Article:
    """One article ready to load: clean text, fingerprints and extracted positions."""

    source: str
    item: str
    identity: str
    canonical_url: str | None
    order_key: str
    outlet: str | None
    title: str | None
    author: str | None
    published_at: datetime | None
    text: str                 # normalised text; positions' offsets point into it
    original_text: str | None  # the extracted text before normalisation, when it differs
    text_sha256: str
    extractor_version: str
    raw_sha256: str | None
    positions: list = field(default_factory=list)
    positions_version: str = ""
    band_hashes: list[int] = field(default_factory=list)  # near-duplicate LSH bands (pipeline.neardup)
    band_settings: tuple = ()                              # the DedupConfig.signature_settings() they used
    source_url: str | None = None     # the URL fetched (web sources)
    raw_ref: str | None = None        # where the raw response is archived: '<warc file>#<offset>'
    fetched_at: datetime | None = None  # when this copy was fetched (else the run's time)


@dataclass(frozen=True, slots=True)
class ItemFailure:
    """An item that could not be read or extracted, as recorded in ingest_log."""

    source: str
    item: str
    stage: str
    error: str
