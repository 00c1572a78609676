"""Regexes declared at module level but compiled on first use, so importing does no work."""

import re


class LazyPattern:
    """Behaves like the compiled re.Pattern once used. On first use the compiled pattern's common
    methods are stored on the instance, so that later calls go straight to them (the extractor's
    inner loops call these tens of thousands of times per text)."""

    __slots__ = ("source", "flags", "_compiled", "search", "match", "fullmatch", "finditer", "findall", "sub")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = re.compile(self.source, self.flags)
            for name in _BOUND:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str):
        # Reached only while the slots above are unset (before the first use), or for the
        # pattern's other attributes (.pattern, .groups, ...).
        return getattr(self.compiled(), name)


_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub")


def alternation(words, *, ignore_case: bool = False) -> str:
    """A regex matching any of `words`, as a character trie ("(?:kill(?:ed|ing)|...)"), so that
    a long list is tried in one pass instead of word by word; a space matches any whitespace.
    With ignore_case, words are folded to lower case (compile the result with re.IGNORECASE)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends_here else "(?:" + "|".join(branches) + ")"
    if len(branches) == 1 and not ends_here:
        return body
    return f"(?:{body})?" if ends_here and len(branches) == 1 else (body + "?" if ends_here else body)


def lower_text(text: str) -> str:
    """`text` in lower case with every character at its offset (a letter whose lower case is
    longer, like "İ", stays as it is)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def lowered(source: str) -> str:
    """A case-insensitive regex rewritten for lower-cased text: letters lowered, except escapes
    ("\\S", "\\W") and group syntax ("(?P<name>"). Matching a lowered pattern against lower_text()
    is the same as re.IGNORECASE on the text, and much faster (a literal scan is possible)."""
    out, i = [], 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            i += 2
        elif source.startswith("(?P<", i) or source.startswith("(?P=", i):
            end = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i : end + 1])
            i = end + 1
        else:
            out.append(char.lower())
            i += 1
    return "".join(out)


# Latin capitals and small letters, accented ones included ("Sölden", "Sánchez", "Yılmaz", "Łukasz"):
# Latin-1 and Latin Extended-A/B (whose upper and lower case letters alternate: both are allowed).
LATIN_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
LATIN_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f"
WORD = LazyPattern(r"[^\W_]+")  # a word: letters and digits
