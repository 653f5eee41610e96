"""The bilingual glossary in the build (the MkDocs glue of textbook/glossary/): terms marked
in chapters, a glossary page per language.

docs/glossary.yml is read and checked before any page is built; the marking happens inside
the Markdown render (mark.py), so it sees exactly what readers get. Pages with marked terms
carry the tips and load glossary.js.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report
from textbook.adapters.i18n import current_language, language_codes
from textbook.build_state import BuildState
from textbook.conventions import CHAPTERS, page_key
from textbook.glossary.load import GlossaryError, load_glossary
from textbook.glossary.mark import GlossaryExtension, PageTerms
from textbook.glossary.page import DIRECTIVE, glossary_markdown
from textbook.glossary.state import GlossaryLanguage
from textbook.glossary.uses import with_tips, with_uses
from textbook.languages.ui_strings import strings_for
from textbook.serve import mode as serve_mode

SOURCE = "glossary.yml"  # in docs_dir, excluded from the site in mkdocs.yml
GLOSSARY_PAGE = "glossary.md"

# The Python-Markdown extension that marks terms: one for the process, added once to every
# language's markdown_extensions; it holds the glossary and the page being rendered.
_extension = GlossaryExtension()
_state = BuildState(GlossaryLanguage)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _state.start()  # every language's build collects its own pages and uses
    docs = Path(config.docs_dir)
    glossary = None  # a book without a glossary file simply has no marked terms
    if (docs / SOURCE).exists():
        try:
            codes = language_codes(config)
            glossary = load_glossary(docs / SOURCE, codes, shown_as=f"{docs.name}/{SOURCE}")
        except GlossaryError as err:  # reported with the book's other problems
            report.add(*str(err).split("\n"))
    _extension.use(glossary)
    if _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    # The glossary lists the chapters that use a term in reading order.
    _state.now.order = {page.file.src_uri: n for n, page in enumerate(nav.pages)}


def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    _state.now.env = env
    # Under `mkdocs serve`, the glossary page is rendered again when the uses change. One
    # name for every language: each language's build sets it before its pages render.
    uses = {term: [(p.file.src_uri, s.id) for p, s in at] for term, at in _state.now.uses.items()}
    serve_mode.depend_on_book("glossary uses", sorted(uses.items()))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
    lang, key = current_language(config), page_key(page.file.src_uri, language_codes(config))[0]
    _extension.page = None
    if _extension.glossary is None:
        return None
    if key.startswith(CHAPTERS):  # terms are marked in chapters, not on the home page
        href = posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(key) or ".")
        _extension.page = PageTerms(lang, href)
    if key == GLOSSARY_PAGE and DIRECTIVE in markdown:
        others = tuple(code for code in language_codes(config) if code != lang)
        return markdown.replace(DIRECTIVE, glossary_markdown(_extension.glossary, lang, others))
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    terms, _extension.page = _extension.page, None
    _state.now.collect(page.file.src_uri, page, terms)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # Only pages with marked terms load glossary.js (see main.html).
    context["glossary_assets"] = page.file.src_uri in _state.now.pages
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    build, lang = _state.now, current_language(config)
    if (terms := build.pages.get(page.file.src_uri)) is not None:
        others = [code for code in language_codes(config) if code != lang]
        return with_tips(output, terms, build.env, lang, others)
    # By its source, not by its Page object: under `mkdocs serve` its render may be reused.
    key = page_key(page.file.src_uri, language_codes(config))[0]
    if key == GLOSSARY_PAGE and _extension.glossary is not None:
        ui = strings_for(config)
        return with_uses(
            output, page.url, _extension.glossary, build.uses, build.order, build.env, ui
        )
    return None


# Under `mkdocs serve` a page whose render is reused keeps its marked terms.
serve_mode.keep_page_state(
    lambda page: _state.now.pages.get(page.file.src_uri),
    lambda page, terms: _state.now.collect(page.file.src_uri, page, terms),
)
