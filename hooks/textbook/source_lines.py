"""Line numbers for things found in a rendered page, looked up in the page's source file.

Python-Markdown's tree has no line numbers. Every element the book checks has a
distinctive piece of source (an id, an image path, a formula's TeX), so the n-th
lookup of the same text returns the line of its n-th occurrence.
"""

from __future__ import annotations

import re


class SourceLines:
    """One page's source text, front matter included, so lines match the file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._next: dict[str, int] = {}

    def line_of(self, needle: str | re.Pattern) -> int:
        """The line of the next occurrence of `needle` (the first again once past the last).

        A string is looked up by its first line (a block's TeX is dedented in the tree);
        a pattern when the text alone is ambiguous (an id is also in references to it).
        """
        if isinstance(needle, str):
            needle = re.compile(re.escape(needle.strip().split("\n", 1)[0].strip() or needle))
        start = self._next.get(needle.pattern, 0)
        found = needle.search(self.text, start) or needle.search(self.text)
        if found is None:
            return 1
        self._next[needle.pattern] = found.end()
        return self.text.count("\n", 0, found.start()) + 1
