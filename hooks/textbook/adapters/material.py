"""The Material for MkDocs internals the book relies on, in one place (Material 9.x).

Material's file and template names, the blocks and variables its templates read, its search
plugin's page option and its palette settings are not a public API: tests/test_adapters.py
fails when one of them changes.
"""

from __future__ import annotations

from pathlib import Path

import material

# Material's main stylesheet, with its content hash in the name.
MAIN_STYLESHEET = "assets/stylesheets/main.*.min.css"
# Its palette stylesheet (the colour schemes), likewise.
PALETTE_STYLESHEET = "assets/stylesheets/palette.*.min.css"
# Material's templates that overrides/ replaces: main.html fills base.html's blocks, 404.html
# is the not-found page (a static template), alternate.html the language switcher.
REPLACED_TEMPLATES = ("main.html", "404.html", "partials/alternate.html")
# The template of the not-found page, one per language (languages/).
NOT_FOUND_TEMPLATE = "404.html"
# The element that holds a page's own content, without header, navigation and footer.
CONTENT_ELEMENT = "article"


def templates_folder() -> Path:
    """Material's own templates (the theme folder after overrides/)."""
    return Path(material.__file__).parent / "templates"


def main_stylesheet(config) -> Path:
    """Material's own copy of its main stylesheet (under `mkdocs serve` the site's copy may
    be an earlier build's)."""
    return next(p for folder in config.theme.dirs for p in Path(folder).glob(MAIN_STYLESHEET))


def palette_stylesheets(site_dir: str) -> list[Path]:
    """The palette stylesheets a build wrote."""
    return sorted(Path(site_dir).glob(PALETTE_STYLESHEET))


def set_alternate_links(config, alternates: list[dict]) -> None:
    """Material's base.html renders `config.extra.alternate` as hreflang links, and its
    switcher (partials/alternate.html) lists it; static-i18n sets it as an attribute, which
    Jinja reads before the item, so both are set."""
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates


def exclude_from_search(page) -> None:
    """Keep a page out of Material's own search index (front matter `search: exclude`)."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def features(config) -> tuple[str, ...]:
    """The theme features mkdocs.yml turns on (`theme.features`)."""
    return tuple(config.theme.get("features", ()))
