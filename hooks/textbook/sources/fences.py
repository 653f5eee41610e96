"""Fenced code in a Markdown text, found once for every line-based check of a page's source
(the quiz directive, footnote definitions, blocks left open): code may show any syntax."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A fence may sit in a blockquote; a closing fence repeats the opener's character, at least
# as many times, with nothing after it (CommonMark, and pymdownx.superfences).
_FENCE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def fenced_blocks(lines: list[str]) -> Iterator[tuple[int, int | None, str]]:
    """(index of the opening line, index of the closing line or None when the block is
    never closed, the opening marker) for each fenced code block."""
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        marker, end = opening.group("fence"), None
        for j in range(i + 1, len(lines)):
            closing = _FENCE.match(lines[j])
            if (
                closing
                and closing.group("fence")[0] == marker[0]
                and len(closing.group("fence")) >= len(marker)
                and not closing.group("info").strip()
            ):
                end = j
                break
        yield i, end, marker
        if end is None:
            return
        i = end + 1


def unfenced_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) for every line outside fenced code blocks."""
    lines = text.split("\n")
    code = set()
    for start, end, _ in fenced_blocks(lines):
        code.update(range(start, (len(lines) - 1 if end is None else end) + 1))
    for i, line in enumerate(lines):
        if i not in code:
            yield i, line
