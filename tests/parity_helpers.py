"""Run the book's checks on a fixture book, through the real mkdocs.yml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.config import load_config

from book_check import BookStatus, check_book

ROOT = Path(__file__).parent.parent
BOOKS = Path(__file__).parent / "fixtures" / "books"


@cache
def _config(docs_dir: str):
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=docs_dir)
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)


def status_of(book: str | Path) -> BookStatus:
    docs = Path(book) if isinstance(book, Path) else BOOKS / book / "docs"
    return check_book(_config(str(docs)))


def config_of(book: str):
    return _config(str(BOOKS / book / "docs"))
