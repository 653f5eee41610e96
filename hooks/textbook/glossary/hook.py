"""The bilingual glossary in the build (the MkDocs glue of textbook/glossary/): terms marked
in chapters, a glossary page per language.

docs/glossary.yml is read and checked before any page is built; the marking happens inside
the Markdown render (mark.py), so it sees exactly what readers get. Pages with marked terms
carry the tips and load glossary.js.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report
from textbook.adapters.i18n import current_language, language_codes
from textbook.build_state import BuildState
from textbook.conventions import page_key
from textbook.glossary.load import book_glossary
from textbook.glossary.mark import GlossaryExtension, terms_to_mark
from textbook.glossary.page import GLOSSARY_PAGE, with_glossary
from textbook.glossary.state import GlossaryLanguage
from textbook.glossary.uses import with_glossary_parts
from textbook.languages.ui_strings import strings_for
from textbook.serve import mode as serve_mode

# The Python-Markdown extension that marks terms: one for the process, added once to every
# language's markdown_extensions (a rebuild's configuration would get a second); it holds the
# glossary and the page being rendered.
_extension = GlossaryExtension()
_state = BuildState(GlossaryLanguage)

# Under `mkdocs serve` a page whose render is reused keeps its marked terms.
serve_mode.keep_page_state(
    lambda page: _state.now.pages.get(page.file.src_uri),
    lambda page, terms: _state.now.collect(page.file.src_uri, page, terms),
)


def on_config(config: MkDocsConfig) -> None:
    _state.start()  # every language's build collects its own pages and uses
    glossary, problems = book_glossary(Path(config.docs_dir), language_codes(config))
    report.add(*problems)  # reported with the book's other problems
    _extension.use(glossary)
    if _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    # The glossary lists the chapters that use a term in reading order.
    _state.now.order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}


def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    _state.now.env = env
    # One name for every language: each language's build says it before its pages render.
    serve_mode.depend_on_book("glossary uses", _state.now.uses_by_term())


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
    lang, key = current_language(config), page_key(page.file.src_uri, language_codes(config))[0]
    _extension.page = None
    if _extension.glossary is None:
        return None
    _extension.page = terms_to_mark(key, lang)
    if key == GLOSSARY_PAGE:
        return with_glossary(markdown, _extension.glossary, lang, language_codes(config))
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    terms, _extension.page = _extension.page, None
    _state.now.collect(page.file.src_uri, page, terms)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # Only pages with marked terms load glossary.js (see main.html).
    context["glossary_assets"] = page.file.src_uri in _state.now.pages
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    locales, lang = language_codes(config), current_language(config)
    key, ui = page_key(page.file.src_uri, locales)[0], strings_for(config)
    return with_glossary_parts(
        output, page, key, _extension.glossary, _state.now, lang, locales, ui
    )
