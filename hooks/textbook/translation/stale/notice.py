"""What a stale translation's notice (overrides/partials/stale-notice.html) reads from the page
context, and, under `mkdocs serve`, the sections it names for a page whose render is reused."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import language_codes, source_first
from textbook.conventions import page_key
from textbook.translation.state import TranslationBuild


def notice_context(
    context: dict, page: Page, config: MkDocsConfig, build: TranslationBuild
) -> dict:
    key = page_key(page.file.src_uri, language_codes(config))
    context["i18n_stale_since"] = build.stale.get(key)
    context["i18n_stale_sections"] = build.sections.get(page.file.src_uri)
    context["i18n_source_lang"] = source_first(config)[0]
    return context


def saved_sections(build: TranslationBuild, page: Page) -> list[dict] | None:
    return build.sections.get(page.file.src_uri)


def restore_sections(build: TranslationBuild, page: Page, found: list[dict] | None) -> None:
    if found is not None:
        build.sections[page.file.src_uri] = found
