"""Regexes declared at module level but compiled on first use, so importing does no work."""

import re


class LazyPattern:
    """Behaves like the compiled re.Pattern (search, match, finditer, sub, ...) once used."""

    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)
