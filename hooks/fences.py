"""Lines of a Markdown text outside fenced code, for the quiz directive's line-based syntax."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def unfenced_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) for every line outside fenced code blocks."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence:
            i = _fence_end(lines, i, fence.group("fence")) + 1
            continue
        yield i, lines[i]
        i += 1


def _fence_end(lines: list[str], i: int, marker: str) -> int:
    """The index of the line that closes the fence opened at line i."""
    end = i + 1
    while end < len(lines) and not lines[end].strip().startswith(marker):
        end += 1
    return end
