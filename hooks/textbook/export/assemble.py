"""Each language's book as one HTML document for print, and as parts for the EPUB.

Both read the same cleaned pages (export.clean) and the same answer key
(export.answer_key); only where a link points differs: one document (`#id`) or one
file per page (`p01.xhtml#id`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import lxml.html
from jinja2 import Environment, FileSystemLoader, select_autoescape
from lxml import etree
from markupsafe import Markup

from textbook.export.answer_key import KeyEntry, take_answers
from textbook.export.clean import clean_page
from textbook.export.source import BookPage, LanguageBook
from textbook.export.tabs import keep_tab

TEMPLATES = Path(__file__).with_name("templates")
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "xhtml"])
)


def css_string(text: str) -> Markup:
    """Text as a CSS string literal that cannot end the string or the <style> element."""
    return Markup(
        '"' + "".join(c if c.isalnum() or c in " -" else f"\\{ord(c):x} " for c in text) + '"'
    )


ENV.filters["css_string"] = css_string


@dataclass
class TocEntry:
    """A line of the contents: a chapter (level 1) or one of its sections (level 2)."""

    level: int
    title: str
    anchor: str
    slug: str  # the page it belongs to
    page: str = ""  # its page number in the PDF


@dataclass
class Book:
    """One language's book, ready to print or to package."""

    lang: str
    title: str
    date: str
    pages: list[BookPage]
    answers: list[KeyEntry]
    images: set[str]
    stylesheets: list[str]
    toc: list[TocEntry] = field(default_factory=list)

    def sections_of(self, page: BookPage) -> list[TocEntry]:
        return [entry for entry in self.toc if entry.level == 2 and entry.slug == page.slug]

    def answers_of(self, page: BookPage) -> list[KeyEntry]:
        return [entry for entry in self.answers if entry.page is page]


def assemble(source: LanguageBook, site_url: str, href_for, tab: str | None = None) -> Book:
    """Keep one tab of each tab set (export.tabs), clean every page of a language, take
    the quiz answers out, list the contents."""
    by_url = {page.url: page for page in source.pages}
    images, answers, toc = set(), [], []
    for page in source.pages:
        keep_tab(page.article, tab)
        images |= clean_page(page, by_url, site_url, href_for)
        answers += take_answers(page)
        toc.append(TocEntry(1, page.title, page.slug, page.slug))
        for heading in page.article.cssselect("h2[id]"):
            toc.append(TocEntry(2, heading.text_content().strip(), heading.get("id"), page.slug))
    date = datetime.date.today().isoformat()
    return Book(
        source.locale, source.title, date, source.pages, answers, images, source.stylesheets, toc
    )


def inner_html(element: lxml.html.HtmlElement, method: str = "html") -> str:
    """An element's content as HTML, or as XHTML with method="xml" (its own tag left out)."""
    return escape(element.text or "", quote=False) + "".join(
        etree.tostring(child, method=method, encoding="unicode") for child in element
    )
