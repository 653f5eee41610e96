"""Mistakes in a page's source: blocks opened and never closed, a footnote defined twice.

Every block syntax of the book that has a closing line swallows the rest of the
page when that line is missing, and the build would pass: a `/// figure-caption`
takes the rest of the chapter, quiz included, into its caption; a raw `<div>` or
`<details>` wraps everything after it; an HTML comment `<!--` hides it; a code
fence is shown as plain text. (Boxes `!!!`, tabs `===`, lists and quotes end with
their indentation and cannot be left open.)

Fenced code is skipped (it may show the syntax); HTML is read with the standard
library's `html.parser`, which gives each tag's line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from textbook.sources.fences import fenced_blocks, unfenced_lines

# pymdownx.blocks: `/// name | options` opens, `///` alone closes (more slashes nest).
_BLOCK_OPEN = re.compile(r"^[ \t]*(?:>[ \t]?)*(?P<slashes>/{3,})[ \t]*(?P<name>[\w-]+)")
_BLOCK_CLOSE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?P<slashes>/{3,})[ \t]*$")
_FOOTNOTE_DEFINITION = re.compile(r"^[ ]{0,3}\[\^([^\]]+)\]:")
# Elements that make an HTML block when they start a line (Python-Markdown's md_in_html).
_HTML_BLOCKS = {
    "div", "details", "figure", "section", "article", "aside", "table", "blockquote",
    "ul", "ol", "dl", "form", "fieldset", "nav", "header", "footer", "main",
}  # fmt: skip


def unclosed_blocks(body: str, name: str, first_line: int = 1) -> list[str]:
    """A message for every block of a page's body opened and never closed."""
    problems = []
    lines = body.split("\n")
    blocks: list[tuple[int, str, str]] = []  # open `///` blocks: line, slashes, name
    outside = dict(unfenced_lines(body))
    # The lines outside code, for the HTML reader (code lines left empty, so lines count).
    prose = [outside.get(index, "") for index in range(len(lines))]
    for index, line in outside.items():
        if match := _BLOCK_CLOSE.match(line):
            slashes = match.group("slashes")
            while blocks and blocks[-1][1] != slashes:  # an inner block left open
                problems.append(_block(blocks.pop(), name, first_line))
            if blocks:
                blocks.pop()
        elif match := _BLOCK_OPEN.match(line):
            blocks.append((index, match.group("slashes"), match.group("name")))
    problems += [_block(block, name, first_line) for block in blocks]
    for start, end, marker in fenced_blocks(lines):
        if end is None:
            problems.append(
                f"{name}:{first_line + start}: the code block opened with {marker} is never "
                f"closed, so it is shown as plain text; end the code with a line {marker}."
            )
    problems += _unclosed_html("\n".join(prose), name, first_line)
    return sorted(problems, key=_line)


def duplicate_footnotes(body: str, name: str, first_line: int = 1) -> list[str]:
    """A footnote defined twice on a page: Python-Markdown keeps the last one silently."""
    problems, seen = [], {}
    for index, line in unfenced_lines(body):
        if found := _FOOTNOTE_DEFINITION.match(line):
            label = found.group(1)
            if label in seen:
                problems.append(
                    f"{name}:{first_line + index}: the footnote [^{label}] is defined twice "
                    f"(also on line {first_line + seen[label]}); readers would see only this "
                    "text. Keep one, or give the other note a name of its own."
                )
            seen.setdefault(label, index)
    return problems


def _block(block: tuple[int, str, str], name: str, first_line: int) -> str:
    index, slashes, kind = block
    return (
        f"{name}:{first_line + index}: the block '{slashes} {kind}' is never closed, so "
        f"everything after it, to the end of the page, goes into it; end it with a line "
        f"'{slashes}'."
    )


def _unclosed_html(text: str, name: str, first_line: int) -> list[str]:
    reader = _HtmlBlocks(text)
    reader.feed(text)
    reader.close()
    problems = [
        f"{name}:{first_line + line - 1}: the <{tag}> that starts here is never closed, so "
        f"everything after it, to the end of the page, goes into it; close it with </{tag}>."
        for line, tag in reader.open
    ]
    at = 0
    while (at := text.find("<!--", at)) >= 0:
        end = text.find("-->", at + 4)
        if end < 0:
            problems.append(
                f"{name}:{first_line + text.count(chr(10), 0, at)}: the HTML comment '<!--' "
                "that starts here is never closed, so everything after it is hidden from "
                "readers; end it with '-->'."
            )
            break
        at = end + 3
    return problems


class _HtmlBlocks(HTMLParser):
    """The block elements opened at the start of a line and not closed by the end."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.open: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        start = self.starts[line - 1]
        if tag in _HTML_BLOCKS and not self.text[start : start + column].strip(" \t>"):
            self.open.append((line, tag))

    def parse_marked_section(self, i, report=1):
        # `<![` that opens no CDATA section (text such as `<![x](a.svg)`): html.parser
        # stops with an AssertionError; Python-Markdown shows it as text.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return i + 3

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][1] == tag:
                del self.open[index:]
                return


def _line(message: str) -> int:
    found = re.match(r"[^\s:]+:(\d+)", message)
    return int(found.group(1)) if found else 0
