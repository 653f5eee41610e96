"""The structure of a Markdown page, read from its source in one pass.

An outline is the sequence of things both languages of a page must share:
headings, admonitions, tables, code blocks, images, math blocks, quizzes and
internal links. Fenced code is skipped when looking for the rest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+\{([^}]*)\})?[ \t]*#*[ \t]*$")
_ID = re.compile(r"#([\w-]+)")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)")
_MATH = re.compile(r"^[ \t]*(\$\$|\\\[)")
_QUIZ = re.compile(r"^\{\{\s*quiz\(\s*\"([^\"]*)\"\s*\)\s*\}\}")
_CODE_SPAN = re.compile(r"`[^`\n]*`")

# A fenced block marked like this may differ between languages.
TRANSLATED_MARK = ".translated"


@dataclass(frozen=True)
class Element:
    """One structural element: its kind, what identifies it, and where it is."""

    kind: str  # "h1".."h6", "admonition:note", "table", "code", "image", "math", "quiz", "link"
    key: str  # compared across languages (heading id, code hash, link target, quiz id, ...)
    label: str  # shown to authors (heading text, admonition kind, ...)
    line: int


def outline(body: str, first_line: int = 1) -> list[Element]:
    """The elements of a page body, in order."""
    elements: list[Element] = []
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        line, number = lines[i], first_line + i
        fence = _FENCE.match(line)
        if fence:
            i = _skip_fence(lines, i, fence, number, elements)
            continue
        heading = _HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2).strip()
            explicit = _ID.search(heading.group(3) or "")
            elements.append(
                Element(f"h{level}", explicit.group(1) if explicit else "", text, number)
            )
        elif admonition := _ADMONITION.match(line):
            kind = admonition.group(1).lower()
            elements.append(Element(f"admonition:{kind}", kind, kind, number))
        elif _TABLE_RULE.match(line):
            elements.append(Element("table", "", "table", number))
        elif _MATH.match(line):
            elements.append(Element("math", "", "math", number))
            i = _skip_math(lines, i)
        elif quiz := _QUIZ.match(line):
            elements.append(Element("quiz", quiz.group(1), quiz.group(1), number))
        else:
            text = _CODE_SPAN.sub("", line)
            for image in _IMAGE.findall(text):
                elements.append(Element("image", image, image, number))
            for target in _LINK.findall(text):
                if "://" not in target and not target.startswith("mailto:"):
                    elements.append(Element("link", target, target, number))
        i += 1
    return elements


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


def _skip_fence(lines: list[str], i: int, fence: re.Match, number: int, out: list) -> int:
    """Record the code block that opens at line i; return the line after it."""
    marker, info = fence.group("fence"), fence.group("info")
    end = _fence_end(lines, i, marker)
    code = "\n".join(line.strip() for line in lines[i + 1 : end])
    translated = TRANSLATED_MARK in info
    key = "translated" if translated else hashlib.sha256(code.encode()).hexdigest()[:12]
    out.append(Element("code", key, info.strip() or "code", number))
    return end + 1


def _skip_math(lines: list[str], i: int) -> int:
    opener = lines[i].strip()
    closer = "$$" if opener.startswith("$$") else "\\]"
    if opener.endswith(closer) and len(opener) > len(closer):
        return i  # one-line block
    end = i + 1
    while end < len(lines) and closer not in lines[end]:
        end += 1
    return end
