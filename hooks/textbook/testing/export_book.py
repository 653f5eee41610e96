"""A generated book for the export: many chapters with every kind of heading and box,
and code in tab sets of two to twelve languages (pymdownx.tabbed, alternate style).

Each listing says which tab it is in its code (`mark(label, n)`), so a test can read,
in the PDF's or the EPUB's text, which tab each edition kept.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

LANGUAGES = ["Python", "C++", "Java", "Rust", "Go", "JavaScript"]
LANGUAGES += ["TypeScript", "C#", "Kotlin", "Swift", "Ruby", "Haskell"]
BOXES = ["note", "tip", "warning", "example", "question", "danger"]
TITLES = {"zh": "第 {n} 章 生成的章节", "en": "Chapter {n}: a generated chapter"}


def mark(label: str, n: int) -> str:
    """The code that names a tab of set n: 'tab_03_112' for Rust."""
    return f"tab_{LANGUAGES.index(label):02}_{n}"


def tab_set(rng: random.Random, n: int, comment: str, python: bool) -> tuple[str, list[str]]:
    """A tab set and its labels; Python among them (not always first) when `python`."""
    count = rng.randint(2, 12 if python else 11)
    others = [lang for lang in LANGUAGES if lang != "Python"]
    labels = rng.sample(others, count - 1 if python else count)
    if python:
        labels.insert(rng.randrange(len(labels) + 1), "Python")
    parts = [
        f'=== "{label}"\n\n    ```python\n    {mark(label, n)} = {n}  # {comment}\n    ```'
        for label in labels
    ]
    return "\n\n".join(parts), labels


def chapter(n: int, lang: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """One chapter's Markdown in a language, and its tab sets (number, labels) in order."""
    word = {"zh": "正文", "en": "text"}[lang]
    lines = [f"# {TITLES[lang].format(n=n)}", "", f"{word} {n}."]
    sets = []
    for s in range(1, 4):
        lines += ["", f"## {word} {n}.{s} {{#s{n}-{s}}}", "", f"{word} " * 40]
        for level in range(3, 7):
            lines += ["", f"{'#' * level} {word} {n}.{s}" + ".1" * (level - 2), ""]
        box = BOXES[(n + s) % len(BOXES)]
        marker = ["!!!", "???", "???+"][(n + s) % 3]
        lines += [f'{marker} {box} "{word} {box}"', "", f"    {word} in a box.", ""]
        # Seeded alike in both languages: same labels, same places.
        tabs, labels = tab_set(random.Random(n * 10 + s), n * 10 + s, word, python=s != 2)
        if s == 3:  # a tab set inside a box, as a worked example shows code
            inner = "\n".join(("    " + line) if line else "" for line in tabs.split("\n"))
            lines += [f'!!! example "{word} {n}"', "", inner, ""]
        else:
            lines += [tabs, ""]
        sets.append((n * 10 + s, labels))
    return "\n".join(lines) + "\n", sets


def make_book(
    root: Path, repo: Path, chapters: int = 24, book: Path | None = None
) -> list[tuple[int, list[str]]]:
    """The repository's book (or `book`'s docs and mkdocs.yml, with the repository's hooks
    and templates) with `chapters` generated chapters added to its nav; returns every tab
    set (number, labels), in book order."""
    book = book or repo
    for part in ("hooks", "overrides", "docs"):
        source = (book if part == "docs" else repo) / part
        shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    sets = []
    for n in range(1, chapters + 1):
        for lang in ("zh", "en"):
            text, found = chapter(n, lang)
            (root / "docs" / "chapters" / f"gen-{n:03}.{lang}.md").write_text(text, "utf-8")
        sets += found
    config = (book / "mkdocs.yml").read_text("utf-8")
    generated = "".join(f"  - chapters/gen-{n:03}.md\n" for n in range(1, chapters + 1))
    config = config.replace("  - glossary.md\n", generated + "  - glossary.md\n", 1)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    return sets
