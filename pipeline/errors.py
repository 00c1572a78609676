"""Typed errors raised by the pipeline; flows record them in ``ingest_log`` and go on."""


class ItemError(Exception):
    """One input item (file, record, URL) could not be turned into an article.

    ``stage`` says where it failed: ``read``, ``extract`` or ``positions``.
    """

    stage = "read"

    def __init__(self, item: str, reason: str):
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class ReadError(ItemError):
    stage = "read"


class ExtractError(ItemError):
    stage = "extract"


class UserError(ValueError):
    """A mistake in what the user gave us (a path, a feed list): one clear line, no traceback."""


class PathNotFound(UserError, FileNotFoundError):
    """A path given by the user matches nothing: reported before any work starts."""
