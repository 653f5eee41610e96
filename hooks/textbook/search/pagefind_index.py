"""Index a built site with Pagefind: one index per <html lang>, split into small chunks.

The browser fetches only the chunks a query needs (see
overrides/assets/javascripts/search-worker.js). Pagefind's extended binary,
installed with the `pagefind[extended]` package, segments Chinese into words.
"""

from __future__ import annotations

import asyncio
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from textbook.adapters.material import CONTENT_ELEMENT
from textbook.conventions import WEB_ONLY

OUTPUT = "pagefind"
# Material's page content, without the header, navigation and footer.
ROOT_SELECTOR = CONTENT_ELEMENT
# Not the chapter's text: permalink signs, the quiz (its answers), what belongs to the web
# page only (the stale notice among them) and the stale marks.
EXCLUDE = [".headerlink", ".quiz", WEB_ONLY, ".stale-mark"]
# Every page of the book; 404.html pages are left out.
PAGES = "**/index.html"
# Pagefind's own interfaces and its main-thread worker: the book uses Material's
# box and runs Pagefind in its own worker, so these would only be published.
UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js", "pagefind-worker.js")


class SearchIndexError(Exception):
    """Pagefind could not run or index the site."""


def index_site(site: Path, pages: str = PAGES) -> int:
    """Write `site/pagefind/` and return how many pages it indexed (those `pages` matches)."""
    try:
        from pagefind.index import PagefindIndex
    except ImportError as error:
        raise SearchIndexError(
            "search index: the 'pagefind' package is missing; "
            "install it with: .venv/bin/pip install -r requirements.txt"
        ) from error

    async def run() -> int:
        config = {
            "root_selector": ROOT_SELECTOR,
            "exclude_selectors": EXCLUDE,
            "output_path": str(site / OUTPUT),
        }
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site), glob=pages)
        return result["page_count"]

    try:
        # In a thread of its own: the caller may already run an event loop (a test that
        # drives a browser with Playwright builds the book in the same process).
        with ThreadPoolExecutor(max_workers=1) as pool:
            pages = pool.submit(lambda: asyncio.run(run())).result()
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"search index: cannot run Pagefind's binary {error.filename} ({error.strerror}); "
            "install it with: .venv/bin/pip install -r requirements.txt"
        ) from error
    for pattern in UNUSED:
        for path in (site / OUTPUT).glob(pattern):
            path.unlink()
    return pages


def restore_index(site: Path, cache: Path) -> bool:
    """Copy an index kept from an earlier build into `site`; False if there is none."""
    if not cache.is_dir():
        return False
    shutil.copytree(cache, site / OUTPUT, dirs_exist_ok=True)
    return True


def keep_index(site: Path, cache: Path) -> None:
    """Keep a copy of `site/pagefind/`, for rebuilds that do not index again."""
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(site / OUTPUT, cache)
