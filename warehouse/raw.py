"""The raw archive: every fetched response written to WARC files, addressable by offset.

Kept so a better extractor can re-extract old articles from what the server actually sent.
Location: $ARTICLEWATCH_DATA (default warehouse/raw/), one gzipped WARC file per run.
"""

import io
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_DATA_DIR = Path("warehouse") / "raw"
_TRANSFER_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


def data_dir() -> Path:
    return Path(os.environ.get("ARTICLEWATCH_DATA") or DEFAULT_DATA_DIR)


class RawArchive:
    """Appends response records to one WARC file; `write` returns the record's reference."""

    def __init__(self, run_id: str, root: Path | None = None):
        root = root or data_dir()
        day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
        self.path = root / day / f"{run_id}.warc.gz"
        self._lock = threading.Lock()

    def write(self, url: str, status: int, headers: dict[str, str], content: bytes, fetched_at: datetime) -> str:
        # The body is stored decoded (httpx removed any gzip), so headers describing the transfer go.
        kept = [(k, v) for k, v in headers.items() if k.lower() not in _TRANSFER_HEADERS]
        http_headers = StatusAndHeaders(f"{status} {'OK' if status == 200 else ''}".strip(), kept,
                                        protocol="HTTP/1.1")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as handle:
                offset = handle.tell()
                writer = WARCWriter(handle, gzip=True)
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(content), http_headers=http_headers,
                    warc_headers_dict={"WARC-Date": fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")},
                )
                writer.write_record(record)
        return f"{self.path.as_posix()}#{offset}"


def read_raw(ref: str) -> tuple[str, bytes]:
    """The (URL, body) archived under a reference returned by RawArchive.write."""
    path, _, offset = ref.rpartition("#")
    with open(path, "rb") as handle:
        handle.seek(int(offset))
        for record in ArchiveIterator(handle):
            return record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()
    raise ValueError(f"no WARC record at {ref}")
