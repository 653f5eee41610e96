"""The built site's search index: Pagefind's, or under serve the one its first build made."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from textbook.search.pagefind_index import SearchIndexError, index_site
from textbook.search.serve_index import ServeIndex

log = logging.getLogger("mkdocs.hooks.site_search")


def index_book(site: Path, kept: ServeIndex) -> None:
    """Index every language of `site`; a failure stops the build with Pagefind's words."""
    if kept.restore(site):
        log.info("Search: kept the index from serve's first build (restart serve to re-index)")
        return
    start = time.perf_counter()
    try:
        pages = index_site(site)
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    log.info(f"Search: Pagefind indexed {pages} pages in {time.perf_counter() - start:.1f} s")
    kept.keep(site)
