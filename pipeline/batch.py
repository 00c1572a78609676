"""Turn a batch of source files into articles and failures: the whole content path, no I/O but reads."""

from .documents import Article, ItemFailure, SourceFile
from .errors import ItemError
from .extract import to_article
from .neardup import DedupConfig, fingerprint
from .readers import read_file


def prepare_files(
    files: list[SourceFile], max_bytes: int, dedup: DedupConfig | None = None
) -> tuple[list[Article], list[ItemFailure]]:
    """Read, extract, normalise, fingerprint and find positions for each file.

    A bad item becomes a failure, never an exception.
    """
    dedup = dedup or DedupConfig()
    articles: list[Article] = []
    failures: list[ItemFailure] = []
    for source in files:
        try:
            documents = read_file(source, max_bytes)
        except ItemError as exc:
            failures.append(ItemFailure("file", exc.item, exc.stage, exc.reason))
            continue
        for document in documents:
            if isinstance(document, ItemError):
                failures.append(ItemFailure("file", document.item, document.stage, document.reason))
                continue
            try:
                article = to_article(document)
            except ItemError as exc:
                failures.append(ItemFailure(document.source, exc.item, exc.stage, exc.reason))
                continue
            fingerprint(article, dedup)
            articles.append(article)
    return articles, failures
