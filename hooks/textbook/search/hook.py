"""Search with Pagefind behind Material's search box, indexed once all languages are built.

Material's search plugin stays for its box and dialog, but indexes no page
(every page is excluded from it); Pagefind indexes the built HTML instead
(index_book.py). `mkdocs serve` indexes at its first build and keeps
that index through later rebuilds (serve_index.py), so saving a page stays fast; restart
serve to search the new text.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import is_last_build
from textbook.adapters.material import exclude_from_search
from textbook.search.index_book import index_book
from textbook.search.serve_index import ServeIndex

_index = ServeIndex()  # what on_startup says once per process (serve_index.py)


def on_startup(*, command: str, dirty: bool) -> None:
    _index.start(command)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    # Material's own index would be built and never read: Pagefind answers searches.
    exclude_from_search(page)


# After static-i18n (which builds the other languages in its on_post_build).
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_last_build(config):
        index_book(Path(config.site_dir), _index)


def on_shutdown() -> None:
    _index.close()
