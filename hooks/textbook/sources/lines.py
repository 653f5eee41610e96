"""Source lines for rendered blocks.

Most blocks come with their line from Python-Markdown's own parse
(`source_map.py`: `Block.at`). The others (an image or a link inside a
paragraph, a footnote whose text the footnotes extension moved, a tab) carry a
needle, something its first source line contains, and the
blocks are found in reading order by a forward search from the previous one:

- `Words("The school analogy")`: a line with the first words of the rendered
  text (inline markup, escapes and a setext underline do not get in the way);
- a tuple of markers: a line that starts with one of them, after indentation
  and blockquote `>` (`("!!!", "???")` for a box);
- a plain string: a line that contains it (an image's src, a link's href);
- nothing: the block starts where the next one does (a figure, whose caption may
  follow its image or table).

A block that owns its line (a heading, a paragraph, a table...) is looked for
after the previous such block's line; one that shares a line (an image in a
paragraph, the paragraph of a `> quote`) from that line itself. A needle that is
not found forward is looked for from the top (footnotes may be defined
anywhere), then the block takes the previous block's line. The result depends
only on the source and the outline, so the build and the CLI agree.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
# Blocks that start on a line of their own.
OWNS_LINE = {
    "heading", "paragraph", "list", "table", "code", "math", "box", "tab", "quiz", "footnote",
    "rule", "html",
}  # fmt: skip


class Words(str):
    """A needle matched by the text's first words, in any markup."""

    __slots__ = ()


def locate(outline, body: str, first_line: int) -> None:
    """Set the `line` of every block and link of an outline (1-based, in the file)."""
    lines = body.split("\n")
    cursor, owned = 0, -1
    waiting = []  # blocks without a needle: they start where the next block does
    for block in outline.blocks:
        if not block.needle and block.at < 0:
            waiting.append(block)
            continue
        owner = block.kind in OWNS_LINE
        start = max(cursor, owned + 1) if owner else cursor
        if 0 <= block.at < len(lines):  # the parser's own line (source_map.py)
            found = block.at
        else:
            found = _find(lines, block.needle, start)
        if found is None:
            found = _find(lines, block.needle, 0) if block.kind == "footnote" else None
        index = found if found is not None else cursor
        if found is not None and block.kind != "footnote":
            cursor = index
        if owner:
            owned = max(owned, index + block.span)
        block.line = first_line + index
        for early in waiting:
            early.line = block.line
        waiting.clear()
    for early in waiting:
        early.line = first_line + cursor
    row, column = 0, 0  # links: a position in a line, as one line may have several
    for link in outline.links:
        found = _find_link(lines, link.needle, row, column)
        if found is None:
            link.line = first_line + row
            continue
        row, column = found
        link.line = first_line + row


def _find_link(lines: list[str], href: str, row: int, column: int) -> tuple[int, int] | None:
    """Where a link's target is written, and the column after it: as a link target
    (`](#b`, `href="#b"`, `<https://…>`, `[x]: #b`) first, so that `#b` is not found in a
    heading's `{#b}` or a caption's `| #b`; the bare text if none of these is there."""
    bare = None
    for index in range(row, len(lines)):
        line = lines[index]
        at = line.find(href, column if index == row else 0)
        while at >= 0:
            if line.endswith(_LINK_OPENERS, 0, at):
                return index, at + len(href)
            bare = bare or (index, at + len(href))
            at = line.find(href, at + 1)
    return bare


# What comes just before a link target in Markdown or HTML.
_LINK_OPENERS = ("](", '"', "'", "<", "]: ")


def _find(lines: list[str], needle, start: int) -> int | None:
    if isinstance(needle, Words):
        words = _WORD.findall(needle, 0, 80)[:6]
        if not words:
            return None
        for index in range(start, len(lines)):
            line = lines[index]
            if all(word in line for word in words):
                return index
        return None
    if isinstance(needle, tuple):
        for index in range(start, len(lines)):
            line = lines[index].lstrip(" \t")
            if line.startswith(needle) or line.lstrip("> \t").startswith(needle):
                return index
        return None
    if not needle:
        return None
    for index in range(start, len(lines)):
        if needle in lines[index]:
            return index
    return None
