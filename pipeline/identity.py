"""Article identity and content fingerprints."""

import hashlib

from courlan import normalize_url


def canonical_url(url: str) -> str | None:
    """Canonical form of a web URL (lower-case host, tracking parameters and fragment removed).

    Returns None for anything that is not an absolute http(s) URL.
    """
    url = (url or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        return normalize_url(url, strict=True)
    except ValueError:
        return None


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id_for(identity: str) -> str:
    """Stable article id: the same identity (canonical URL or relative path) always maps to it."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def version_id_for(article_id: str, version_no: int) -> str:
    return hashlib.sha256(f"{article_id}:v{version_no}".encode()).hexdigest()[:16]
