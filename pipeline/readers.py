"""Readers for local files: plain text, Markdown, HTML, JSON / JSON Lines, with optional sidecars.

``discover`` turns command-line arguments (files, folders, globs) into source files;
``read_file`` turns one file into raw documents (a JSON file may hold many).
"""

import glob
import hashlib
import json
import os
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from .decode import DecodeError, decode_bytes
from .documents import RawDocument, SourceFile
from .errors import PathNotFound, ReadError
from .identity import canonical_url

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
WARC_SUFFIXES = (".warc", ".warc.gz")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SIDECAR_SUFFIX = ".json"
_GLOB_CHARS = re.compile(r"[*?\[]")


def max_bytes_from_env() -> int:
    return int(os.environ.get("ARTICLEWATCH_MAX_BYTES", DEFAULT_MAX_BYTES))


def discover(args: Iterable[str]) -> list[SourceFile]:
    """Expand files, folders (recursively) and globs into source files, in a stable order.

    Hidden files, sidecars (``<file>.json`` beside ``<file>``) and, inside folders, files of
    unknown type are left out. A file named explicitly is kept whatever its type (reading it
    then records a clear error). Raises PathNotFound for an argument that matches nothing.
    """
    found: dict[Path, SourceFile] = {}
    for arg in args:
        if _GLOB_CHARS.search(arg):
            base = _glob_base(arg)
            matches = [Path(p) for p in sorted(glob.glob(arg, recursive=True))]
            if not matches:
                raise PathNotFound(f"no file matches {arg!r}")
            for match in matches:
                files = _walk(match) if match.is_dir() else [match]
                for path in files:
                    if match.is_dir() or _is_candidate(path):
                        found.setdefault(path.resolve(), SourceFile(path.resolve(), base.resolve()))
            continue
        path = Path(arg)
        if not path.exists():
            raise PathNotFound(f"no such file or folder: {arg}")
        if path.is_dir():
            for file in _walk(path):
                found.setdefault(file.resolve(), SourceFile(file.resolve(), path.resolve()))
        else:
            found.setdefault(path.resolve(), SourceFile(path.resolve(), path.resolve().parent))
    return sorted(found.values(), key=lambda f: (f.base.as_posix(), f.relpath))


def read_file(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> list[RawDocument | ReadError]:
    """Read one file into raw documents; per-record problems come back as ReadError items.

    Raises ReadError when the whole file is unusable (missing, empty, too large, binary,
    undecodable, malformed JSON, unknown type).
    """
    item = _display(source.path)
    if source.path.name.lower().endswith(WARC_SUFFIXES):
        return read_warc(source, max_bytes)
    kind = SUFFIXES.get(source.path.suffix.lower())
    if kind is None:
        raise ReadError(item, f"unsupported file type {source.path.suffix or '(none)'!r}; "
                              f"expected one of {', '.join(sorted(SUFFIXES))}")
    data = _read_capped(source.path, item, max_bytes)
    sidecar = _read_sidecar(source.path, item)
    try:
        content, _ = decode_bytes(data, sidecar.get("encoding"), html=kind == "html")
    except DecodeError as exc:
        raise ReadError(item, str(exc)) from None
    if not content.strip():
        raise ReadError(item, "file has no text (only whitespace)")
    raw_sha = hashlib.sha256(data).hexdigest()
    file_identity = "file:" + source.relpath
    if kind in ("json", "jsonl"):
        return list(_read_records(content, kind, source, item, raw_sha))
    doc = RawDocument(source="file", item=item, identity=file_identity, order_key=source.relpath,
                      media_type=kind, content=content, raw_sha256=raw_sha)
    if kind == "text":
        doc.title, doc.content = split_headline(content)
    elif kind == "markdown":
        meta, doc.content = split_front_matter(content)
        _apply_metadata(doc, meta)
    _apply_metadata(doc, sidecar)
    return [doc]


def read_warc(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES):
    """HTML responses in a WARC file (e.g. a Common Crawl news WARC), one raw document each.

    Streams the file (a WARC may be gigabytes): the size cap applies to each record, not the file.
    Non-HTML and non-200 records are passed over; a record over the cap or undecodable is an error item.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    item = _display(source.path)
    try:
        with source.path.open("rb") as handle:
            if handle.read(5) != b"WARC/" and not _is_gzip(source.path):
                yield ReadError(item, "not a readable WARC file: it does not start with a WARC or gzip header")
                return
            handle.seek(0)
            iterator = ArchiveIterator(handle)
            for record in iterator:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode()
                if status != "200" or "html" not in content_type.lower():
                    continue
                body = record.content_stream().read(max_bytes + 1)
                offset = iterator.get_record_offset()  # only valid once the record has been read
                where = f"{item}#{offset}"
                if len(body) > max_bytes:
                    yield ReadError(where, f"record is over the {max_bytes:,}-byte cap (ARTICLEWATCH_MAX_BYTES)")
                    continue
                charset = _charset(content_type)
                try:
                    content, _ = decode_bytes(body, charset, html=True)
                except DecodeError as exc:
                    yield ReadError(where, str(exc))
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield RawDocument(source="warc", item=where, identity=canonical_url(url) or f"file:{source.relpath}#{offset}",
                                  order_key=f"{source.relpath}#{offset:015d}", media_type="html", content=content,
                                  url=url, raw_sha256=hashlib.sha256(body).hexdigest())
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield ReadError(item, f"not a readable WARC file: {exc}")


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def split_headline(text: str) -> tuple[str | None, str]:
    """Split off a first line that reads as a headline: short, not a sentence, with body after it."""
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip():
        return None, text
    words = first.split()
    is_sentence = first.endswith((".", ",", ";", ":")) or first[:1].islower()
    if 1 <= len(words) <= 18 and len(first) <= 160 and not is_sentence:
        return first, rest
    return None, text


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter between ``---`` lines at the top of a Markdown file."""
    match = re.match(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", text, re.S)
    if not match:
        return {}, text
    import yaml  # only Markdown with front matter needs it

    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


def parse_datetime(value) -> datetime | None:
    """A date or timestamp from metadata, as naive UTC; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif hasattr(value, "year") and hasattr(value, "month"):  # a date
        parsed = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            from dateutil import parser as date_parser

            try:
                parsed = date_parser.parse(text)
            except (ValueError, OverflowError):
                return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if _is_candidate(path):
                files.append(path)
    return files


def _is_candidate(path: Path) -> bool:
    if path.name.startswith(".") or not path.is_file():
        return False
    if path.suffix.lower() not in SUFFIXES and not path.name.lower().endswith(WARC_SUFFIXES):
        return False
    is_sidecar = path.name.endswith(SIDECAR_SUFFIX) and path.with_name(path.name[: -len(SIDECAR_SUFFIX)]).is_file()
    return not is_sidecar


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if _GLOB_CHARS.search(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_capped(path: Path, item: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(item, f"file is {size:,} bytes, over the {max_bytes:,}-byte cap (ARTICLEWATCH_MAX_BYTES)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(item, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError(item, f"file grew past the {max_bytes:,}-byte cap while being read")
    if not data:
        raise ReadError(item, "empty file")
    return data


def _read_sidecar(path: Path, item: str) -> dict:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if path.suffix.lower() == SIDECAR_SUFFIX or not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(item, f"sidecar {sidecar.name} is not valid JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise ReadError(item, f"sidecar {sidecar.name} must hold a JSON object")
    return meta


def _apply_metadata(doc: RawDocument, meta: dict) -> None:
    """Fill url/title/published_at/outlet/author from metadata; a URL becomes the identity."""
    if not meta:
        return
    if meta.get("title"):
        doc.title = str(meta["title"]).strip()
    for name in ("published_at", "date", "published"):
        if meta.get(name):
            doc.published_at = parse_datetime(meta[name]) or doc.published_at
            break
    if meta.get("outlet") or meta.get("source"):
        doc.outlet = str(meta.get("outlet") or meta.get("source")).strip()
    if meta.get("author"):
        doc.author = str(meta["author"]).strip()
    if meta.get("url"):
        doc.url = str(meta["url"]).strip()
        canonical = canonical_url(doc.url)
        if canonical:
            doc.identity = canonical


def _read_records(content: str, kind: str, source: SourceFile, item: str, raw_sha: str):
    if kind == "jsonl":
        lines = [(no, line) for no, line in enumerate(content.splitlines(), 1) if line.strip()]
        for no, line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadError(f"{item}#{no}", f"line {no} is not valid JSON: {exc.msg}")
                continue
            yield _record_document(record, no, source, item, raw_sha)
        return
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise ReadError(item, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    for no, record in enumerate(records, 1):
        yield _record_document(record, no, source, item, raw_sha)


def _record_document(record, no: int, source: SourceFile, item: str, raw_sha: str) -> RawDocument | ReadError:
    where = f"{item}#{no}"
    if not isinstance(record, dict):
        return ReadError(where, "record is not a JSON object")
    if isinstance(record.get("html"), str) and record["html"].strip():
        media_type, content = "html", record["html"]
    elif isinstance(record.get("text"), str) and record["text"].strip():
        media_type, content = "text", record["text"]
    else:
        return ReadError(where, "record has neither 'text' nor 'html'")
    doc = RawDocument(source="file", item=where, identity=f"file:{source.relpath}#{no}",
                      order_key=f"{source.relpath}#{no:09d}", media_type=media_type, content=content,
                      raw_sha256=raw_sha)
    _apply_metadata(doc, record)
    return doc
