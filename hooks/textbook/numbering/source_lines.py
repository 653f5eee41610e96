"""Line numbers for things found in a rendered page, looked up in the page's source file.

Python-Markdown's tree has no line numbers. Every element the book checks has a
distinctive piece of source (an id, an image path, a formula's TeX), so the n-th
lookup of the same text returns the line of its n-th occurrence.
"""

from __future__ import annotations

import re


class SourceLines:
    """One page's source text, front matter included, so lines match the file."""

    def __init__(self, text: str, body_line: int = 1) -> None:
        self.text = text
        self.body_line = body_line  # the file's line of the body's first (after front matter)
        self._next: dict[str, int] = {}

    def line_of(self, needle: str | re.Pattern, block: int | None = None) -> int:
        """The line of the next occurrence of `needle` (the first again once past the last),
        or, given the line its block starts on (from the parser), the first from there.

        A string is looked up by its first line (a block's TeX is dedented in the tree);
        a pattern when the text alone is ambiguous (an id is also in references to it).
        """
        if isinstance(needle, str):
            needle = re.compile(re.escape(needle.strip().split("\n", 1)[0].strip() or needle))
        start = self._next.get(needle.pattern, 0)
        if block is not None:
            start = self._offset(block)
        found = needle.search(self.text, start) or needle.search(self.text)
        if found is None:
            return 1
        self._next[needle.pattern] = found.end()
        return self.text.count("\n", 0, found.start()) + 1

    def _offset(self, line: int) -> int:
        """Where a line (1-based) starts in the text."""
        at = 0
        for _ in range(line - 1):
            at = self.text.find("\n", at) + 1
            if at == 0:
                return len(self.text)
        return at
