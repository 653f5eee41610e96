"""Reads a chapter's bilingual source text (one line: Chinese, then English)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef「」①-⑳]")


@dataclass
class ChapterSource:
    """The parts of a chapter, each a list of texts per language."""

    title: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, list[str]] = field(default_factory=lambda: {"zh": [], "en": []})
    key_points: dict[str, list[str]] = field(default_factory=lambda: {"zh": [], "en": []})
    questions: dict[str, list[str]] = field(default_factory=lambda: {"zh": [], "en": []})


def split_line(line: str) -> tuple[str, str]:
    """Chinese is everything up to the last CJK character and its closing punctuation."""
    last = max(m.end() for m in CJK.finditer(line))
    while last < len(line) and line[last] in "?!。)」":
        last += 1
    return line[:last].strip(), line[last:].strip()


def read_source(text: str) -> ChapterSource:
    src = ChapterSource()
    lines = [line for line in text.splitlines() if line.strip()]
    src.title["zh"], src.title["en"] = split_line(lines[0])
    in_quiz = False
    for line in lines[1:]:
        if line.startswith("- •"):
            point = line.removeprefix("- •").strip()
            src.key_points["zh" if CJK.search(point) else "en"].append(point)
        elif line.startswith("📝"):
            in_quiz = True
        else:
            zh, en = split_line(line)
            part = src.questions if in_quiz else src.paragraphs
            part["zh"].append(zh)
            part["en"].append(en)
    return src


def normalize(text: str) -> str:
    """Letters and digits only, case-folded: typography may change, words may not."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph in either language."""
    parts = re.split(r"(?<=[。?!])|(?<=[.?!])\s+(?=[A-Z'“‘])", paragraph)
    return [p for p in parts if p and normalize(p)]
