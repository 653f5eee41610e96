"""The book as the built site shows it: each language's pages in nav order, their articles.

The PDF and the EPUB are assembled from the built HTML, so they carry what the site
carries (numbers, cross-references, MathML, quizzes) after the same checks.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from mkdocs.config.defaults import MkDocsConfig

from textbook.adapters.i18n import languages
from textbook.conventions import WEB_ONLY

# Parts of an article that belong to the web page only: what the book marks so, and the
# scripts, permalink signs and the quiz's controls.
WEB_ONLY_PARTS = (
    f"{WEB_ONLY}, script, a.headerlink, .quiz__actions, .quiz__feedback, .quiz__summary"
)


@dataclass
class BookPage:
    """One page of one language: its nav key, id prefix, title and article element."""

    key: str  # chapters/sft-to-rl.md
    slug: str  # chapters-sft-to-rl: prefixes the page's ids in the assembled book
    url: str  # site-relative URL of the built page: en/chapters/sft-to-rl/
    title: str
    article: lxml.html.HtmlElement


@dataclass
class LanguageBook:
    """One language's book: its code, the site's name in it, its pages (home excluded)."""

    locale: str
    prefix: str  # '' or 'en/'
    title: str
    pages: list[BookPage]
    stylesheets: list[str]  # site-relative, as the chapter pages link them


def read_books(config: MkDocsConfig, site_dir: Path) -> list[LanguageBook]:
    """Every built language's book, default language first: the nav's pages in order,
    but those `extra.book_leaves_out` names (pages of the site, not of the book)."""
    left_out = set(config.extra.get("book_leaves_out", ["index.md"]))
    keys = [key for key in nav_keys(config.nav or []) if key not in left_out]
    books = []
    for lang in languages(config):
        pages, stylesheets = [], []
        for key in keys:
            url = lang.prefix + page_url(key)
            tree = lxml.html.parse(str(site_dir / url / "index.html")).getroot()
            article = tree.cssselect("article.md-content__inner")[0]
            for node in article.cssselect(WEB_ONLY_PARTS):
                node.drop_tree()
            title = article.cssselect("h1")[0].text_content().strip()
            slug = key.removesuffix(".md").replace("/", "-")
            pages.append(BookPage(key=key, slug=slug, url=url, title=title, article=article))
            for link in tree.cssselect("link[rel=stylesheet]"):
                href = posixpath.normpath(posixpath.join(url, link.get("href")))
                if href not in stylesheets:  # every page's, in order: quiz.css is on some
                    stylesheets.append(href)
        home = lxml.html.parse(str(site_dir / lang.prefix / "index.html")).getroot()
        title = home.findtext(".//title").strip()
        books.append(LanguageBook(lang.locale, lang.prefix, title, pages, stylesheets))
    return books


def nav_keys(nav: list) -> list[str]:
    """The Markdown files of the nav, in order, nested sections flattened."""
    keys = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            keys += nav_keys(value)
        elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
            keys.append(value)
    return keys


def page_url(key: str) -> str:
    """A page's site-relative URL with directory URLs: chapters/x.md -> chapters/x/."""
    stem = key.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
