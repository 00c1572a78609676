"""Readable differences between two versions of an article's text."""

import difflib


def text_diff(old: str, new: str, context: int = 1) -> tuple[str, int]:
    """A unified diff by paragraph (line) and the number of characters added plus removed."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    diff = list(difflib.unified_diff(old_lines, new_lines, "previous", "current", n=context, lineterm=""))
    if len(old) + len(new) > 100_000:  # character matching is quadratic: count changed lines' characters
        changed = sum(len(line) - 1 for line in diff[2:] if line[:1] in "+-")
    else:
        changed = 0
        for opcode, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if opcode != "equal":
                changed += (i2 - i1) + (j2 - j1)
    return "\n".join(diff), changed
