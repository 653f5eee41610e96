"""A built page's glossary parts: the tips of the terms it marked, and on the glossary page
the list of chapters that use each term."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from textbook.glossary.load import Glossary
from textbook.glossary.mark import PageTerms
from textbook.glossary.page import GLOSSARY_PAGE, USES_MARKER
from textbook.glossary.state import GlossaryLanguage


def with_glossary_parts(
    output: str,
    page,
    key: str,
    glossary: Glossary | None,
    build: GlossaryLanguage,
    lang: str,
    locales: tuple[str, ...],
    ui: dict[str, str],
) -> str | None:
    """A built page with its glossary parts (None when it has none): the tips of the terms
    it marked; on the glossary page (`key` 'glossary.md'), where each term is used."""
    if (terms := build.pages.get(page.file.src_uri)) is not None:
        others = [code for code in locales if code != lang]
        return with_tips(output, terms, build.env, lang, others)
    # By its key, not by its Page object: under `mkdocs serve` its render may be reused.
    if key == GLOSSARY_PAGE and glossary is not None:
        return with_uses(output, page.url, glossary, build.uses, build.order, build.env, ui)
    return None


def with_tips(output: str, terms: PageTerms, env, lang: str, others: list[str]) -> str:
    """The page with its terms' tips at the end of its article."""
    template = env.get_template("partials/glossary-tips.html")
    tips = template.render(terms=terms.marked.values(), lang=lang, others=others)
    return output.replace("</article>", tips + "</article>", 1)


def with_uses(output: str, glossary_url: str, glossary: Glossary, uses, order, env, ui) -> str:
    """Each entry of the glossary page links to every chapter that uses the term, at its
    first use there, in reading order."""
    for term in glossary.terms:
        first: dict[str, tuple] = {}
        found = uses.get(term.id, [])
        for page, section in sorted(found, key=lambda use: order.get(use[0].file.src_uri, 0)):
            first.setdefault(page.url, (page, section))
        links = [
            {
                "href": get_relative_url(page.url, glossary_url)
                + (f"#{section.id}" if section.id else ""),
                "page": page.title,
                "section": section.title if section.id else None,
            }
            for page, section in first.values()
        ]
        html = env.get_template("partials/glossary-uses.html").render(links=links, ui=ui)
        output = output.replace(USES_MARKER.format(term.id), html, 1)
    return output
