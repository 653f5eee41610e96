"""Titles for the book's untitled boxes in each language, through static-i18n's option."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from textbook.adapters.i18n import configured_languages, language_codes
from textbook.languages.ui_strings import load_strings, ui_strings_file

# The admonition kinds the book uses; untitled boxes get a title in the page's language.
ADMONITIONS = ("example", "abstract", "note", "warning", "question")


def translate_admonitions(config: MkDocsConfig) -> None:
    """Each language's titles from ui_strings.yml; mkdocs.yml's own titles win."""
    strings = load_strings(language_codes(config), ui_strings_file(config))
    for lang in configured_languages(config):
        titles = {kind: strings[f"admonition_{kind}"][lang.locale] for kind in ADMONITIONS}
        lang["admonition_translations"] = {**titles, **(lang.admonition_translations or {})}
