"""Run the book's checks on a fixture book, through the real mkdocs.yml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.config import load_config

from textbook.translation.check import BookStatus, check_book

ROOT = Path(__file__).parent.parent
BOOKS = Path(__file__).parent / "fixtures" / "books"
# What the book will use besides today's extensions (content tabs, footnotes).
MORE_EXTENSIONS = ("footnotes", "pymdownx.tabbed")


@cache
def _config(docs_dir: str, more: tuple[str, ...] = ()):
    # The real configuration (the fixture book keeps the same: test_fixture_book.py), its
    # overrides/ beside it; the pages are the caller's.
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=docs_dir)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    # Only those the book does not list yet: an extension listed twice runs twice.
    config.markdown_extensions.extend(e for e in more if e not in config.markdown_extensions)
    if "pymdownx.tabbed" in more:
        config.mdx_configs.setdefault("pymdownx.tabbed", {"alternate_style": True})
    return config


def status_of(book: str | Path, more: tuple[str, ...] = ()) -> BookStatus:
    docs = Path(book) if isinstance(book, Path) else BOOKS / book / "docs"
    return check_book(_config(str(docs), more))


def config_of(book: str):
    return _config(str(BOOKS / book / "docs"))


def write_pair(docs: Path, zh: str, en: str, name: str = "x") -> None:
    """A book with home pages and one chapter in two languages."""
    (docs / "chapters").mkdir(parents=True, exist_ok=True)
    (docs / "index.zh.md").write_text("# 首页\n", "utf-8")
    (docs / "index.en.md").write_text("# Home\n", "utf-8")
    (docs / "chapters" / f"{name}.zh.md").write_text(zh, "utf-8")
    (docs / "chapters" / f"{name}.en.md").write_text(en, "utf-8")
