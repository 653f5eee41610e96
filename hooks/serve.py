"""`mkdocs serve` at book size: a save renders again only the pages it touches.

`mkdocs build` is untouched: it stays a clean full build. Under `mkdocs serve`
(not `--clean`, which asks for full builds, nor `--dirty`, MkDocs' own
shortcut) serve_cache.py restores every page whose inputs did not change.
Material's search plugin indexes only the pages that are rendered, so the
search index of the last full build is kept until the next one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import serve_cache
import serve_mode
from languages import is_last_build

log = logging.getLogger("mkdocs.hooks.serve")

SEARCH_INDEX = "search/search_index.json"

# Search indexes of the last build that rendered every page, by site-relative path.
_search_indexes: dict[Path, bytes] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    serve_mode.start(command)
    if command == "serve" and not dirty:
        serve_cache.install()


def on_shutdown() -> None:
    serve_cache.uninstall()
    serve_mode.stop()
    _search_indexes.clear()


def on_env(env, *, config: MkDocsConfig, files) -> None:
    serve_cache.share_compiled_templates(env)


def on_pre_build(*, config: MkDocsConfig) -> None:
    # The outer build (the default language) starts a save's rebuild.
    if is_last_build(config):
        serve_cache.begin()


def on_build_error(*, error: Exception) -> None:
    serve_cache.failed()


# After i18n_site.py (-200) has split the index per language.
@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not serve_cache.active() or not is_last_build(config):
        return
    serve_cache.finish(config.site_dir)
    stats = serve_cache.stats
    log.info(f"Rendered {stats.rendered} pages, reused {stats.reused} unchanged ones.")
    site = Path(config.site_dir)
    if not stats.reused:
        _search_indexes.clear()
        for path in site.glob(f"**/{SEARCH_INDEX}"):
            _search_indexes[path.relative_to(site)] = path.read_bytes()
        return
    for rel, data in _search_indexes.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
