"""The bilingual glossary in the build: terms marked in chapters, a glossary page per language.

docs/glossary.yml is read and checked before any page is built; the marking
happens inside the Markdown render (hooks/textbook/glossary/mark.py), so it sees exactly
what readers get. Pages with marked terms carry the tips and load glossary.js.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from textbook import report as book_report
from textbook.adapters.i18n import current_language, language_codes
from textbook.conventions import CHAPTERS
from textbook.glossary.load import GlossaryError, load_glossary
from textbook.glossary.mark import GlossaryExtension, PageTerms
from textbook.glossary.page import DIRECTIVE, USES_MARKER, glossary_markdown
from textbook.languages.ui_strings import strings_for
from textbook.serve import mode as serve_mode

SOURCE = "glossary.yml"  # in docs_dir, excluded from the site in mkdocs.yml
GLOSSARY_PAGE = "glossary.md"

_extension = GlossaryExtension()
# Per language build: the Jinja env, each page's marked terms, and where terms are used.
_build: dict = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    docs = Path(config.docs_dir)
    path = docs / SOURCE
    # A book without a glossary file simply has no marked terms.
    glossary = None
    if path.exists():
        try:
            glossary = load_glossary(path, language_codes(config), shown_as=f"{docs.name}/{SOURCE}")
        except GlossaryError as err:  # reported with the book's other problems
            book_report.add(*str(err).split("\n"))
    _extension.use(glossary)
    if _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)
    _build.clear()
    _build.update(env=None, pages={}, uses={}, order={})


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    # The glossary lists the chapters that use a term in reading order.
    _build["order"] = {page.file.src_uri: n for n, page in enumerate(nav.pages)}


def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    _build["env"] = env
    # Under `mkdocs serve`, the glossary page is rendered again when the uses change.
    uses = {
        term: [(p.file.src_uri, s.id) for p, s in pages] for term, pages in _build["uses"].items()
    }
    # One name for every language: each language's build sets it before its pages render.
    serve_mode.depend_on_book("glossary uses", sorted(uses.items()))


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    lang = current_language(config)
    src = _source_key(page, config)
    _extension.page = None
    if _extension.glossary is None:
        return None
    if src.startswith(CHAPTERS):  # terms are marked in chapters, not on the home page
        href = posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(src) or ".")
        _extension.page = PageTerms(lang, href)
    if src == GLOSSARY_PAGE and DIRECTIVE in markdown:
        others = tuple(code for code in language_codes(config) if code != lang)
        return markdown.replace(DIRECTIVE, glossary_markdown(_extension.glossary, lang, others))
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    terms, _extension.page = _extension.page, None
    _collect(page, terms)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # Only pages with marked terms load glossary.js (see main.html).
    context["glossary_assets"] = page.file.src_uri in _build.get("pages", {})
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    terms = _build["pages"].get(page.file.src_uri)
    if terms is not None:
        lang = current_language(config)
        others = [code for code in language_codes(config) if code != lang]
        template = _build["env"].get_template("partials/glossary-tips.html")
        tips = template.render(terms=terms.marked.values(), lang=lang, others=others)
        return output.replace("</article>", tips + "</article>", 1)
    # By its source, not by its Page object: under `mkdocs serve` its render may be reused.
    if _source_key(page, config) == GLOSSARY_PAGE and _extension.glossary is not None:
        return _fill_uses(output, page, config)
    return None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _collect(page: Page, terms: PageTerms | None) -> None:
    """The terms a page marked: its tips, and the glossary's list of where each is used."""
    if terms is None or not terms.marked:
        return
    _build["pages"][page.file.src_uri] = terms
    for term_id, section in terms.uses:
        _build["uses"].setdefault(term_id, []).append((page, section))


# Under `mkdocs serve` a page whose render is reused keeps its marked terms.
serve_mode.keep_page_state(lambda page: _build["pages"].get(page.file.src_uri), _collect)


def _source_key(page: Page, config: MkDocsConfig) -> str:
    """'chapters/x.md' for chapters/x.en.md: the page whatever its language."""
    src = page.file.src_uri
    for code in language_codes(config):
        if src.endswith(f".{code}.md"):
            return src[: -len(f".{code}.md")] + ".md"
    return src


def _fill_uses(output: str, glossary_page: Page, config: MkDocsConfig) -> str:
    """Each entry links to every chapter that uses the term, at its first use there."""
    ui = strings_for(config)
    env = _build["env"]
    for term in _extension.glossary.terms:
        first: dict[str, tuple] = {}
        order = _build.get("order", {})
        uses = _build["uses"].get(term.id, [])
        for page, section in sorted(uses, key=lambda use: order.get(use[0].file.src_uri, 0)):
            first.setdefault(page.url, (page, section))
        links = [
            {
                "href": get_relative_url(page.url, glossary_page.url)
                + (f"#{section.id}" if section.id else ""),
                "page": page.title,
                "section": section.title if section.id else None,
            }
            for page, section in first.values()
        ]
        html = env.get_template("partials/glossary-uses.html").render(links=links, ui=ui)
        output = output.replace(USES_MARKER.format(term.id), html, 1)
    return output
