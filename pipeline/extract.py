"""Extraction: raw documents to clean, normalised articles with their positions."""

import re
from functools import cache

from .documents import Article, RawDocument
from .errors import ExtractError
from .identity import canonical_url, text_sha256
from .normalise import normalise_text
from .readers import parse_datetime

# Explicit trafilatura settings (see design NOTES: precision-oriented, no comments).
TRAFILATURA_OPTIONS = dict(
    favor_precision=True,
    include_comments=False,
    include_tables=False,
    include_images=False,
    include_links=False,
    with_metadata=True,
    deduplicate=False,
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")


def to_article(raw: RawDocument) -> Article:
    """Extract text and metadata, normalise, fingerprint and extract positions. Raises ExtractError."""
    from .positions import EXTRACTOR_VERSION as positions_version, extract_positions

    if raw.media_type == "html":
        extracted, extractor_version = extract_html(raw)
    elif raw.media_type == "markdown":
        extracted, extractor_version = markdown_to_text(raw), "markdown/1"
    else:
        extracted, extractor_version = raw.content, "text/1"
    text = normalise_text(extracted)
    if not text:
        raise ExtractError(raw.item, "no article text found")
    title = normalise_text(raw.title) if raw.title else None
    try:
        positions = extract_positions(text, title=title)
    except Exception as exc:  # a rule bug must not lose the article: keep it, say why
        raise ExtractError(raw.item, f"position extraction failed: {type(exc).__name__}: {exc}") from exc
    return Article(
        source=raw.source,
        item=raw.item,
        identity=raw.identity,
        canonical_url=canonical_url(raw.url) if raw.url else None,
        order_key=raw.order_key,
        outlet=raw.outlet,
        title=title,
        author=raw.author,
        published_at=raw.published_at,
        text=text,
        original_text=extracted if extracted != text else None,
        text_sha256=text_sha256(text),
        extractor_version=extractor_version,
        raw_sha256=raw.raw_sha256,
        positions=positions,
        positions_version=positions_version,
    )


def extract_html(raw: RawDocument) -> tuple[str, str]:
    """Main text of an HTML page with trafilatura; metadata fills what the source did not give."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(raw.content, url=raw.url, **TRAFILATURA_OPTIONS)
    except Exception as exc:  # lxml/trafilatura failures on broken markup
        raise ExtractError(raw.item, f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise ExtractError(raw.item, "no article text found in the HTML")
    raw.title = raw.title or doc.title
    raw.author = raw.author or doc.author
    raw.outlet = raw.outlet or doc.sitename
    raw.published_at = raw.published_at or parse_datetime(doc.date)
    if not raw.url and doc.url and canonical_url(doc.url):
        raw.url = doc.url  # <link rel=canonical> / og:url of a saved page
        if raw.identity.startswith("file:"):
            raw.identity = canonical_url(doc.url)
    return doc.text, trafilatura_version()


def markdown_to_text(raw: RawDocument) -> str:
    """Markdown to plain text: headings, emphasis and link syntax removed; a leading H1 is the title."""
    body = raw.content
    first = re.match(r"\A\s*#\s+(.+)\n", body)
    if first and not raw.title:
        raw.title = first.group(1).strip()
        body = body[first.end():]
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_HEADING.sub("", body)
    return _MD_EMPHASIS.sub("", body)


@cache
def trafilatura_version() -> str:
    import trafilatura

    return f"trafilatura/{trafilatura.__version__}"
