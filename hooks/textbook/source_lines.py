"""Line numbers for things found in a rendered page, looked up in the page's source file.

Python-Markdown's tree has no line numbers. Every element the book checks has a
distinctive piece of source (an id, an image path, a formula's TeX), so the n-th
lookup of the same text returns the line of its n-th occurrence.
"""

from __future__ import annotations


class SourceLines:
    """One page's source text, front matter included, so lines match the file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._next: dict[str, int] = {}

    def line_of(self, needle: str) -> int:
        """The line of the next occurrence of `needle` (the first again once past the last)."""
        needle = needle.strip().split("\n", 1)[0].strip() or needle
        start = self._next.get(needle, 0)
        position = self.text.find(needle, start)
        if position < 0:
            position = self.text.find(needle)
        if position < 0:
            return 1
        self._next[needle] = position + len(needle)
        return self.text.count("\n", 0, position) + 1
