"""The site's languages: interface text, per-page language alternates, a 404 page each.

static-i18n leaves two gaps: hreflang links are relative and have no
x-default, and the English build overwrites the Chinese 404.html. This hook
closes them. (Search keeps to the page's language through Pagefind, which
indexes each <html lang> apart: see search/hook.py.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import (
    current_language,
    is_first_build,
    is_last_build,
    language_codes,
    languages,
)
from textbook.build_state import BuildState
from textbook.conventions import CHAPTERS
from textbook.languages.ui_strings import load_strings, strings_for, ui_strings_file

log = logging.getLogger("mkdocs.hooks.i18n_site")


@dataclass
class NotFoundPages:
    """404.html of each language, kept until the last language's build writes them side by
    side (static-i18n would let the last language's overwrite the others')."""

    by_language: dict[str, str] = field(default_factory=dict)


_state = BuildState(NotFoundPages)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    if is_first_build(config):
        _state.start()
    # Fail before any page is built if a language is missing a string.
    load_strings(language_codes(config), ui_strings_file(config))


# Run after static-i18n (priority 50), which rewrites extra.alternate per page.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    context["ui"] = strings_for(config)
    alternates = {lang.locale: lang.prefix for lang in languages(config)}
    for locale, alt in page.file.alternates.items():
        alternates[locale] = "" if alt.url == "./" else alt.url
    _set_alternates(context, config, alternates)
    context["i18n_is_home"] = page.file.dest_uri == _prefix(config) + "index.html"
    # Chapters can be read in both languages at once (partials/parallel-toggle.html).
    context["parallel_reading"] = page.file.src_uri.startswith(CHAPTERS)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["ui"] = strings_for(config)
    if template_name == "404.html":
        paths = {lang.locale: lang.prefix + "404.html" for lang in languages(config)}
        _set_alternates(context, config, paths)
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    if template_name == "404.html":
        _state.now.by_language[current_language(config)] = output
    return None


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    site = Path(config.site_dir)
    for lang in languages(config):
        if lang.locale in _state.now.by_language:
            _write(site / lang.prefix / "404.html", _state.now.by_language[lang.locale])


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _set_alternates(context: dict, config: MkDocsConfig, paths: dict[str, str]) -> None:
    """Absolute URLs for <link hreflang>, site-relative paths for the switcher."""
    site_url = config.site_url or "/"
    alternates = [
        {
            "name": lang.name,
            "lang": lang.locale,
            "link": site_url + paths[lang.locale],
            "path": paths[lang.locale] or "./",
            "current": lang.locale == current_language(config),
        }
        for lang in languages(config)
        if lang.locale in paths
    ]
    # Material's base.html renders config.extra.alternate as hreflang links.
    # static-i18n sets it as an attribute, which Jinja reads before the item.
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates
    context["i18n_alternates"] = alternates
    context["i18n_x_default"] = alternates[0]["link"]


def _prefix(config: MkDocsConfig) -> str:
    return next(
        lang.prefix for lang in languages(config) if lang.locale == current_language(config)
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
