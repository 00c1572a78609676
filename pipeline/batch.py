"""Turn a batch of source files into articles and failures: the whole content path, no I/O but reads."""

from .documents import Article, ItemFailure, SourceFile
from .errors import ItemError
from .extract import to_article
from .readers import read_file


def prepare_files(files: list[SourceFile], max_bytes: int) -> tuple[list[Article], list[ItemFailure]]:
    """Read, extract, normalise and find positions for each file; a bad item becomes a failure."""
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
                articles.append(to_article(document))
            except ItemError as exc:
                failures.append(ItemFailure(document.source, exc.item, exc.stage, exc.reason))
    return articles, failures
