"""The Material for MkDocs internals the book relies on, in one place (Material 9.x).

Material's file names, its search plugin's page option and its palette settings are not
a public API: tests/test_adapters.py fails when one of them changes.
"""

from __future__ import annotations

from pathlib import Path

# Material's main stylesheet, with its content hash in the name.
MAIN_STYLESHEET = "assets/stylesheets/main.*.min.css"
# Its palette stylesheet (the colour schemes), likewise.
PALETTE_STYLESHEET = "assets/stylesheets/palette.*.min.css"


def main_stylesheet(config) -> Path:
    """Material's own copy of its main stylesheet (under `mkdocs serve` the site's copy may
    be an earlier build's)."""
    return next(p for folder in config.theme.dirs for p in Path(folder).glob(MAIN_STYLESHEET))


def palette_stylesheets(site_dir: str) -> list[Path]:
    """The palette stylesheets a build wrote."""
    return sorted(Path(site_dir).glob(PALETTE_STYLESHEET))


def exclude_from_search(page) -> None:
    """Keep a page out of Material's own search index (front matter `search: exclude`)."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def features(config) -> tuple[str, ...]:
    """The theme features mkdocs.yml turns on (`theme.features`)."""
    return tuple(config.theme.get("features", ()))
