"""The site's languages: interface text, per-page language alternates, a 404 page each.

static-i18n leaves two gaps: hreflang links are relative and have no
x-default, and the English build overwrites the Chinese 404.html. This hook
closes them (alternates.py, not_found.py). (Search keeps to the page's language through
Pagefind, which indexes each <html lang> apart: see search/hook.py.)
"""

from __future__ import annotations

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
from textbook.adapters.material import NOT_FOUND_TEMPLATE
from textbook.build_state import BuildState
from textbook.conventions import CHAPTERS
from textbook.languages.alternates import is_home, not_found_paths, page_paths, set_alternates
from textbook.languages.not_found import NotFoundPages
from textbook.languages.ui_strings import load_strings, strings_for, ui_strings_file

_state = BuildState(NotFoundPages)


def on_config(config: MkDocsConfig) -> None:
    if is_first_build(config):
        _state.start()
    # Fail before any page is built if a language is missing a string.
    load_strings(language_codes(config), ui_strings_file(config))


# Run after static-i18n (priority 50), which rewrites extra.alternate per page.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    context["ui"] = strings_for(config)
    set_alternates(context, config, page_paths(page, config))
    context["i18n_is_home"] = is_home(page, config)
    # Chapters can be read in both languages at once (partials/parallel-toggle.html).
    context["parallel_reading"] = page.file.src_uri.startswith(CHAPTERS)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["ui"] = strings_for(config)
    if template_name == NOT_FOUND_TEMPLATE:
        set_alternates(context, config, not_found_paths(config))
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    if template_name == NOT_FOUND_TEMPLATE:
        _state.now.by_language[current_language(config)] = output
    return None


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_last_build(config):
        _state.now.write(Path(config.site_dir), languages(config))
