"""Search with Pagefind behind Material's search box, indexed once all languages are built.

Material's search plugin stays for its box and dialog, but indexes no page
(every page is excluded from it); Pagefind indexes the built HTML instead
(pagefind_index.py). `mkdocs serve` indexes at its first build and keeps
that index through later rebuilds, so saving a page stays fast; restart serve
to search the new text.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import is_last_build
from textbook.adapters.material import exclude_from_search
from textbook.build_state import lives_across_builds
from textbook.search.pagefind_index import SearchIndexError, index_site, keep_index, restore_index

log = logging.getLogger("mkdocs.hooks.site_search")


@lives_across_builds("serve indexes once, at its first build")
class ServeIndex:
    """Where `mkdocs serve` keeps the index between rebuilds; None when building."""

    folder: Path | None = None


_index = ServeIndex()

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve":
        _index.folder = Path(tempfile.mkdtemp(prefix="pagefind-")) / "index"


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    # Material's own index would be built and never read: Pagefind answers searches.
    exclude_from_search(page)


# After static-i18n (which builds the other languages in its on_post_build).
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    site = Path(config.site_dir)
    if _index.folder and restore_index(site, _index.folder):
        log.info("Search: kept the index from serve's first build (restart serve to re-index)")
        return
    start = time.perf_counter()
    try:
        pages = index_site(site)
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    log.info(f"Search: Pagefind indexed {pages} pages in {time.perf_counter() - start:.1f} s")
    if _index.folder:
        keep_index(site, _index.folder)


def on_shutdown() -> None:
    if _index.folder:
        shutil.rmtree(_index.folder.parent, ignore_errors=True)
