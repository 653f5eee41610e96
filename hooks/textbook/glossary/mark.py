"""Mark each glossary term's first use in every section of a page, during the render.

A Python-Markdown treeprocessor: it sees the page as the reader gets it, so
terms in code, links, headings, box titles and math are never marked. A marked
term is a link to its glossary entry, described by a hidden tip (its form in the
other language and its definition) that screen readers announce on focus and
glossary.js shows on hover, focus or tap.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from textbook.conventions import CHAPTERS
from textbook.glossary.load import Glossary, Term
from textbook.glossary.page import GLOSSARY_PAGE

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Inside these a term is not marked: it is code, already a link, a heading, or math.
SKIP_TAGS = {"a", "code", "pre", "kbd", "samp", "script", "style", "math", "svg", "button", "dfn"}
SKIP_CLASSES = {"admonition-title", "term", "quiz", "arithmatex", "math"}
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Section:
    """The heading a marked use sits under: its id (an anchor) and its text."""

    id: str
    title: str


@dataclass
class PageTerms:
    """What the marker needs for one page, and what it found there."""

    lang: str
    href: str  # the glossary page, relative to this page's source ("../glossary.md")
    marked: dict[str, Term] = field(default_factory=dict)  # term id -> term, in order
    uses: list[tuple[str, Section]] = field(default_factory=list)  # (term id, section)


def terms_to_mark(key: str, lang: str) -> PageTerms | None:
    """What the marker needs for the page `key` ('chapters/x.md'): terms are marked in
    chapters, not on the home page (None)."""
    if not key.startswith(CHAPTERS):
        return None
    return PageTerms(lang, posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(key) or "."))


class TermMatcher:
    """One regular expression per language over every form of every term."""

    def __init__(self, glossary: Glossary, lang: str):
        self._terms = {}
        patterns = []
        forms = [(form, term) for term in glossary.terms for form in term.forms[lang]]
        for form, term in sorted(forms, key=lambda pair: -len(pair[0])):
            self._terms[form.casefold()] = term
            # Latin letters at a form's edge must not continue a longer word.
            before = r"(?<![A-Za-z0-9_-])" if _LATIN.match(form[0]) else ""
            after = r"(?![A-Za-z0-9_-])" if _LATIN.match(form[-1]) else ""
            patterns.append(before + re.escape(form) + after)
        self._pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def find(self, text: str, start: int = 0):
        """(start, end, term) of each use of a term in text, from start on."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text, start):
            yield match.start(), match.end(), self._terms[match.group(0).casefold()]


class TermMarker(Treeprocessor):
    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        if page is None:
            return
        self._page = page
        self._matcher = self.extension.matcher(page.lang)
        self._marked: set[str] = set()  # term ids marked in the current section
        self._heading = Section("", "")
        self._walk(root, skip=False)

    def _walk(self, element: etree.Element, skip: bool) -> None:
        if element.tag in HEADINGS:
            # A new section: each term may be marked again.
            # The title's section is the top of the page: no anchor needed.
            anchor = element.get("id", "") if element.tag != "h1" else ""
            self._marked, self._heading = set(), Section(anchor, _text(element))
            return
        classes = set((element.get("class") or "").split())
        skip = skip or element.tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        if not skip and element.text:
            self._mark(element, None)
        for child in list(element):
            self._walk(child, skip)
            if not skip and child.tail:
                self._mark(element, child)

    def _mark(self, parent: etree.Element, before: etree.Element | None) -> None:
        """Mark terms in parent.text (before is None) or in before.tail."""
        text = parent.text if before is None else before.tail
        for start, end, term in self._matcher.find(text):
            if term.id in self._marked:
                continue
            self._marked.add(term.id)
            self._page.marked.setdefault(term.id, term)
            self._page.uses.append((term.id, self._heading))
            link = etree.Element(
                "a",
                {
                    "class": "term",
                    "href": f"{self._page.href}#term-{term.id}",
                    "aria-describedby": f"term-tip-{term.id}",
                },
            )
            link.text, link.tail = text[start:end], text[end:]
            if before is None:
                parent.text = text[:start]
                parent.insert(0, link)
            else:
                before.tail = text[:start]
                parent.insert(list(parent).index(before) + 1, link)
            self._mark(parent, link)  # the rest of the text, now the link's tail
            return


def _text(heading: etree.Element) -> str:
    """A heading's text without the permalink that the toc extension appends."""
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in (child.get("class") or ""):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()


class GlossaryExtension(Extension):
    """Holds the glossary and the page being rendered; the hook sets both."""

    def __init__(self, glossary: Glossary | None = None):
        super().__init__()
        self.glossary = glossary
        self.page: PageTerms | None = None
        self._matchers: dict[str, TermMatcher] = {}

    def use(self, glossary: Glossary | None) -> None:
        if glossary != self.glossary:
            self.glossary, self._matchers = glossary, {}

    def matcher(self, lang: str) -> TermMatcher:
        if lang not in self._matchers:
            self._matchers[lang] = TermMatcher(self.glossary, lang)
        return self._matchers[lang]

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        # After inline parsing (20) and attr_list (8), before MkDocs resolves links (0).
        md.treeprocessors.register(TermMarker(md, self), "glossary_terms", 4)
