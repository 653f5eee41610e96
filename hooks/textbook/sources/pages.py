"""Every Markdown page of the book, read once and grouped by language.

The parity check, the freshness check and the quiz hook all read pages through
this module; a page is read again only when its file changes. A page that is not
UTF-8 or whose front matter is not valid YAML stops everything: MkDocs would show
the broken front matter to readers as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from textbook.adapters.mkdocs import meta_lines, split_front_matter
from textbook.build_state import ProcessCache, file_version
from textbook.conventions import page_key
from textbook.sources.files import SourceError, load_yaml, read_text, yaml_error


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


# Every page file read in this process: the build, the checks and the CLI read each page.
_sources: ProcessCache[Path, Source] = ProcessCache("a book's pages are read by every check")


def read_book(docs_dir: Path, locales: tuple[str, ...]) -> dict[str, BookPage]:
    """Pages by key; a file without a known language suffix counts as the default language.

    Raises SourceError naming every file that cannot be read as a page.
    """
    docs_dir = Path(docs_dir)
    pages: dict[str, BookPage] = {}
    errors = []
    for path in sorted(docs_dir.rglob("*.md")):
        key, locale = page_key(path.relative_to(docs_dir).as_posix(), locales)
        try:
            pages.setdefault(key, BookPage(key)).variants[locale] = _read(path, docs_dir)
        except SourceError as err:
            errors.append(str(err))
    if errors:
        raise SourceError("\n".join(errors))
    return pages


def _read(path: Path, docs_dir: Path) -> Source:
    def read() -> Source:
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        text = read_text(path, name)
        body, meta = front_matter(text, name)
        start = text.find(body) if body else len(text)
        return Source(path, name, text, meta, body, text.count("\n", 0, max(start, 0)) + 1)

    return _sources.get(path, file_version(path), read)


def front_matter(text: str, name: str) -> tuple[str, dict]:
    """(body, meta) as MkDocs reads them, or SourceError where MkDocs would give up silently."""
    found = split_front_matter(text)
    if found is None:
        if text.startswith("---\n"):
            raise SourceError(
                f"{name}:1: the front matter is never closed. End it with a line '---'."
            )
        return meta_lines(text)  # no front matter, or MultiMarkdown-style meta lines
    try:
        meta = load_yaml(found[0])
    except yaml.YAMLError as err:
        raise SourceError(
            yaml_error(err, name, first_line=2, what=" in the front matter")
        ) from None
    if not isinstance(meta, dict):
        found = f"a {type(meta).__name__}" if meta is not None else "nothing"
        raise SourceError(
            f"{name}:2: the front matter (between the '---' lines) must be 'key: value' lines; "
            f"found {found}."
        )
    return found[1].lstrip("\n"), meta
