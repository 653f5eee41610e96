"""Source lines from Python-Markdown's own parse: the line each block element starts on.

Python-Markdown's tree has no line numbers, but its block parser knows where it
is: it splits the text into blocks on blank lines and hands them to its block
processors in order, and a processor that parses nested content (a box, a list
item, a tab) calls the parser again on a piece of its block. `SourceMap` follows
that: every element a block processor adds to the tree gets the line of the
block it was made from. It is a Python-Markdown extension step of the parity
recorder (outline.py), not a second parser, so nesting, indentation and every
extension's syntax count exactly as they render.

Two things stand between the parser's text and the file:

- preprocessors replace fenced code and raw HTML blocks with one placeholder
  line each: the lines after preprocessing are mapped back onto the page's text
  (unchanged lines pair exactly, a placeholder takes the first
  line of what it replaced);
- nested content is dedented (a box's body, a list item): each nested piece is
  found as the first line that reads the same, after the line of the block that
  holds it.

Lines are paired in one pass (`_align`). A line stays unknown (None) when a
processor rewrites its text beyond that (a footnote's body, for example); the
outline then falls back to its needle (lines.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.util import STX

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_ATX = re.compile(r"^[ \t]*#{1,6}(?:[ \t]|$)")
# Last of all preprocessors: the text the block parser gets.
PRIORITY = -1000


class SourceMap:
    """The lines of one conversion; `line(element)` is an index into the page's lines."""

    def __init__(self) -> None:
        self.body: list[str] | None = None  # the page as the file has it, when known
        self.text: list[str] = []  # the lines the parser gets, after preprocessing
        self.to_body: list[int] = []  # parser line -> page line
        self.lines: dict[int, int] = {}  # id(element) -> page line (0-based)
        self._keep: list[etree.Element] = []  # the elements, so their ids stay theirs
        self._here: tuple[int | None, int] = (0, 0)  # the block being parsed: text, body
        self._top = True

    def line(self, element: etree.Element | None) -> int | None:
        return None if element is None else self.lines.get(id(element))

    # -- set up by the preprocessor ------------------------------------------------

    def start(self, text: list[str], body: str) -> None:
        """A conversion starts: `text` is the preprocessed lines, `body` the page's text
        (as the file has it: a hook may have changed what Markdown was given)."""
        self.text = text
        self.body = _normalized(body)
        self.lines, self._keep, self._here, self._top = {}, [], (0, 0), True
        self.to_body = _align(self.body, text)

    # -- the block parser ----------------------------------------------------------

    def parse_blocks(self, original, parent: etree.Element, blocks: list[str]) -> None:
        """BlockParser.parseBlocks, noting the line of every element it adds."""
        chunk = "\n\n".join(blocks)
        frame = self._frame(chunk)
        originals, offsets, at = list(blocks), [], 0
        for block in originals:
            offsets.append(at)
            at += len(block) + 2
        next_original = 0
        counted = (0, 0)  # (an offset in the chunk, the lines before it)
        parser = original.__self__
        while blocks:
            head = blocks[0]
            offset, next_original = _offset(head, blocks, originals, offsets, next_original, chunk)
            here = None
            if offset is not None:  # lines counted on from the previous block's
                if offset < counted[0]:
                    counted = (0, 0)
                counted = (offset, counted[1] + chunk.count("\n", counted[0], offset))
                here = frame(counted[1])
            count = len(parent)
            last = parent[count - 1] if count else None
            saved = self._here
            if here is not None:
                self._here = here
            for processor in parser.blockprocessors:
                if processor.test(parent, head):
                    if processor.run(parent, blocks) is not False:
                        break
            self._here = saved
            if here is not None:
                # A processor may replace the last element (a caption wraps it in a figure).
                replaced = count and (len(parent) < count or parent[count - 1] is not last)
                self._note(parent, count - 1 if replaced else count, here[1], head)

    def _note(self, parent: etree.Element, start: int, line: int, head: str) -> None:
        heading = next((i for i, text in enumerate(head.split("\n")) if _ATX.match(text)), 0)
        for child in list(parent)[start:]:
            if id(child) not in self.lines:
                shift = heading if child.tag in _HEADINGS else 0
                self.lines[id(child)] = min(line + shift, len(self.body or [""]) - 1)
                self._keep.append(child)

    def _frame(self, chunk: str):
        """A function from a line of `chunk` to (its line in the parser's text or None,
        its line in the page), or one that returns None when the chunk is not found."""
        if self._top:  # the document itself
            self._top = False
            return lambda rel: (rel, self.to_body[min(rel, len(self.to_body) - 1)])
        lines = chunk.split("\n")
        lead = next((i for i, text in enumerate(lines) if text.strip()), None)
        if lead is None:
            return lambda rel: None
        wanted = lines[lead].strip()
        text_at, body_at = self._here
        if text_at is not None:
            found = _find(self.text, wanted, text_at)
            if found is not None:
                start = found - lead
                return lambda rel: (
                    start + rel,
                    self.to_body[min(max(start + rel, 0), len(self.to_body) - 1)],
                )
        found = _find(self.body or [], wanted, body_at)
        if found is not None:  # content the preprocessors stashed (markdown in raw HTML)
            start = found - lead
            return lambda rel: (None, max(start + rel, 0))
        return lambda rel: None


class SourcePreprocessor(Preprocessor):
    """Runs after every other preprocessor: the text the block parser will read."""

    def __init__(self, md: Markdown, recorder) -> None:
        super().__init__(md)
        self.recorder = recorder

    def run(self, lines: list[str]) -> list[str]:
        if self.recorder.active:
            body = self.recorder.body
            if body is None:  # what Markdown was given is the page
                body = "\n".join(self.recorder.input_lines or lines)
            self.recorder.source.start(list(lines), body)
        return lines


class InputPreprocessor(Preprocessor):
    """Runs right after whitespace is normalized: the text as Markdown was given it."""

    def __init__(self, md: Markdown, recorder) -> None:
        super().__init__(md)
        self.recorder = recorder

    def run(self, lines: list[str]) -> list[str]:
        self.recorder.input_lines = list(lines) if self.recorder.active else None
        return lines


def install(md: Markdown, recorder) -> None:
    """Make `md` note source lines into `recorder.source` while the recorder is active."""
    md.preprocessors.register(InputPreprocessor(md, recorder), "parity_input", 29)
    md.preprocessors.register(SourcePreprocessor(md, recorder), "parity_source", PRIORITY)
    original = md.parser.parseBlocks

    def parse_blocks(parent: etree.Element, blocks: list[str]) -> None:
        if not recorder.active:
            return original(parent, blocks)
        return recorder.source.parse_blocks(original, parent, blocks)

    md.parser.parseBlocks = parse_blocks
    # Other treeprocessors of the page (textbook/collect.py) place their messages with it.
    md.block_line = lambda element: recorder.source.line(element) if recorder.active else None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _align(body: list[str], text: list[str]) -> list[int]:
    """For each line the parser reads, the page's line it comes from. Preprocessors only
    replace ranges of lines (a fence, a raw HTML block) with a placeholder line: an
    unchanged line pairs with itself, a placeholder with the first line it replaced, and
    the two texts meet again at the next line with words that is not a placeholder."""
    to_body: list[int] = []
    last = max(len(body) - 1, 0)
    i = j = 0
    while j < len(text):
        if i < len(body) and body[i] == text[j]:
            to_body.append(i)
            i, j = i + 1, j + 1
            continue
        to_body.append(min(i, last))
        k = next(
            (k for k in range(j + 1, len(text)) if text[k].strip() and STX not in text[k]), None
        )
        found = None
        if k is not None:
            found = next((x for x in range(i + 1, len(body)) if body[x] == text[k]), None)
        if found is None:
            i, j = i + 1, j + 1
            continue
        for m in range(j + 1, k):  # blank lines and placeholders before the meeting line
            to_body.append(min(max(i, found - (k - m)), last))
        i, j = found, k
    return to_body


def _normalized(text: str) -> list[str]:
    """The page's lines as Python-Markdown's first preprocessor leaves them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return [line if line.strip() else "" for line in text.split("\n")]


def _offset(head, blocks, originals, offsets, start, chunk):
    """Where the first remaining block starts in the chunk, and the index to search the
    original blocks from next. Blocks are consumed in order, so what remains is the
    end of the chunk (a processor that splits a block puts back its end)."""
    for index in range(start, min(start + 3, len(originals))):
        if originals[index] is head:
            return offsets[index], index
    if len(blocks) > 1:
        for index in range(start, min(start + 3, len(originals))):
            if originals[index] is blocks[1]:
                offset = offsets[index] - 2 - len(head)
                return (offset, start) if chunk.startswith(head, offset) else (None, start)
    rest = sum(len(b) for b in blocks) + 2 * (len(blocks) - 1)
    offset = len(chunk) - rest
    return (offset, start) if offset >= 0 and chunk.startswith(head, offset) else (None, start)


def _find(lines: list[str], wanted: str, start: int) -> int | None:
    """The first line from `start` that reads `wanted` (then one that ends with it: a
    footnote's or a list item's marker may precede the text)."""
    for index in range(max(start, 0), len(lines)):
        if lines[index].strip() == wanted:
            return index
    for index in range(max(start, 0), len(lines)):
        if lines[index].rstrip().endswith(wanted):
            return index
    return None
