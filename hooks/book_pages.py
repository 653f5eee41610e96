"""Every Markdown page of the book, read once and grouped by language.

The parity check, the freshness check and the quiz hook all read pages through
this module; a page is read again only when its file changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.meta import get_data


@dataclass
class Source:
    """One language variant of a page."""

    path: Path
    name: str  # the path as messages show it (docs/chapters/x.en.md)
    text: str
    meta: dict
    body: str
    first_line: int  # line of the body's first line in the file


@dataclass
class BookPage:
    """A page and its variants: {'zh': Source, 'en': Source}."""

    key: str  # chapters/sft-to-rl.md
    variants: dict[str, Source] = field(default_factory=dict)


_cache: dict[Path, tuple[float, Source]] = {}


def read_book(docs_dir: Path, locales: tuple[str, ...]) -> dict[str, BookPage]:
    """Pages by key; a file without a known language suffix counts as the default language."""
    docs_dir = Path(docs_dir)
    pages: dict[str, BookPage] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        key, locale = page_key(path.relative_to(docs_dir).as_posix(), locales)
        pages.setdefault(key, BookPage(key)).variants[locale] = _read(path, docs_dir)
    return pages


def page_key(rel: str, locales: tuple[str, ...]) -> tuple[str, str]:
    """('chapters/x.md', 'en') for 'chapters/x.en.md'; no suffix means the default language."""
    stem, _, suffix = rel[: -len(".md")].rpartition(".")
    if stem and suffix in locales:
        return stem + ".md", suffix
    return rel, locales[0]


def _read(path: Path, docs_dir: Path) -> Source:
    mtime = path.stat().st_mtime
    cached = _cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    text = path.read_text(encoding="utf-8")
    body, meta = get_data(text)
    start = text.find(body) if body else len(text)
    name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
    source = Source(path, name, text, meta, body, text.count("\n", 0, max(start, 0)) + 1)
    _cache[path] = (mtime, source)
    return source
