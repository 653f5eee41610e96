"""Whether this process is `mkdocs serve`: work an author's preview can skip asks here.

`mkdocs build` (and `mkdocs serve --clean`, a full build on every save) is never
serving: it always makes the whole site. The flag is set once, by the
`on_startup` event of hooks/serve.py, and kept in this plain module so that
every hook reads the same value (a hook file is loaded under its own module name).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

_serving = False


def start(command: str) -> None:
    """Record the command MkDocs runs ('build', 'gh-deploy' or 'serve')."""
    global _serving
    _serving = command == "serve"


def stop() -> None:
    global _serving
    _serving = False


def is_serving(config: MkDocsConfig) -> bool:
    """True under `mkdocs serve`, where a save rebuilds only what it touches.

    A search index, for one, need not be rebuilt on every save (hooks/serve.py
    keeps the first build's). `config` is taken so that callers stay the same
    if the answer ever comes from the configuration.
    """
    return _serving
