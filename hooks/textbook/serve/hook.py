"""`mkdocs serve` at book size: a save renders again only the pages it touches.

`mkdocs build` is untouched: it stays a clean full build. Under `mkdocs serve`
(not `--clean`, which asks for full builds, nor `--dirty`, MkDocs' own
shortcut) serve/cache.py restores every page whose inputs did not change.
Search keeps its own index across saves (search/hook.py).
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from textbook.adapters.i18n import is_first_build, is_last_build
from textbook.build_state import BuildState
from textbook.serve import cache as serve_cache
from textbook.serve.state import ServeBuild

log = logging.getLogger("mkdocs.hooks.serve")

_state = BuildState(ServeBuild)  # the rebuild under way, read by the cache's steps too


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve" and not dirty:
        serve_cache.install(_state)


def on_shutdown() -> None:
    serve_cache.uninstall()


def on_config(config: MkDocsConfig) -> None:
    # A save's rebuild starts with the default language's build, the others inside it.
    if is_first_build(config):
        _state.start()
        serve_cache.begin()


def on_env(env, *, config: MkDocsConfig, files) -> None:
    serve_cache.share_compiled_templates(env)


def on_build_error(*, error: Exception) -> None:
    serve_cache.failed(_state.now)


# Last, once every other hook has finished the build.
@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not serve_cache.active() or not is_last_build(config):
        return
    serve_cache.finish(_state.now, config.site_dir)
    stats = _state.now.stats
    log.info(f"Rendered {stats.rendered} pages, reused {stats.reused} unchanged ones.")
