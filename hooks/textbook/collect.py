"""What a rendered page holds for the book: numbered items, headings, references, images.

A treeprocessor walks each page's tree once, after the table of contents has
given headings their ids and before MkDocs rewrites links. Numbers are not known
yet (they depend on every page of the language), so it leaves a marker comment
where a number goes; `numbering.fill` replaces the markers once the whole book
is read.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER

from textbook.math_ext import EQUATION_CLASS

# Marker comments, replaced by numbers and reference texts in numbering.fill.
NUMBER_MARK = "book-number:{}"
REF_MARK = "book-ref:{}"
# Raw HTML (a formula's MathML) sits in the tree as a placeholder until the end.
_STASHED = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"\d+"))


@dataclass
class Item:
    """A numbered figure, table or equation: its kind, its id (may be empty), its line."""

    kind: str  # "figure", "table", "equation"
    id: str
    line: int


@dataclass
class Ref:
    """An empty link to an id: `[](#fig-x)` or `[](other.md#fig-x)`."""

    page: str  # the target page's src_uri ('' for the same page)
    id: str
    href: str
    line: int


@dataclass
class PageRecord:
    """Everything of one page that numbering and references need."""

    name: str  # docs/chapters/x.en.md, as shown in messages
    src_uri: str
    items: list[Item] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    questions: dict[str, int] = field(default_factory=dict)  # quiz question anchor -> number


class BookTreeprocessor(Treeprocessor):
    """Collects one page's record; `context` is set by the hook for every page."""

    def __init__(self, md, context) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        page = self.context.page
        if page is None:
            return
        # Document order (numbers count in it); elements added on the way are not visited.
        for element in list(root.iter()):
            self._visit(element, page)

    def _visit(self, element: etree.Element, page) -> None:
        record: PageRecord = page.record
        tag = element.tag
        if element_id := element.get("id"):
            record.ids.add(element_id)
        if tag == "figure" and element.find("figcaption") is not None:
            kind = "table" if element.find("table") is not None else "figure"
            self._number(element, kind, page)
            caption = element.find("figcaption")
            target = caption.find("p") if caption.find("p") is not None else caption
            span = etree.Element("span", {"class": "book-number"})
            span.append(etree.Comment(NUMBER_MARK.format(len(record.items) - 1)))
            # A space, not only a margin: text, search and screen readers see two words.
            span.tail, target.text = " " + (target.text or ""), None
            target.insert(0, span)
        elif tag == "div" and EQUATION_CLASS in element.get("class", "").split():
            self._number(element, "equation", page)
            number = etree.SubElement(element, "span", {"class": "book-equation__number"})
            number.append(etree.Comment(NUMBER_MARK.format(len(record.items) - 1)))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and element.get("id"):
            text = "".join(
                "".join(child.itertext()) + (child.tail or "")
                for child in element
                if "headerlink" not in child.get("class", "")
            )
            title = _STASHED.sub("", (element.text or "") + text)  # raw HTML (a formula) dropped
            record.headings[element.get("id")] = " ".join(title.split())
        elif tag == "a" and "footnote-backref" in element.get("class", ""):
            # The link's text is "↩": its title names it for screen readers too.
            element.set("aria-label", element.get("title", ""))
        elif tag == "a" and not len(element) and not (element.text or "").strip():
            self._reference(element, page)
        elif tag == "img":
            self._image(element, page)

    def _number(self, element: etree.Element, kind: str, page) -> None:
        element_id = element.get("id", "")
        classes = element.get("class", "").split()
        element.set("class", " ".join(dict.fromkeys([*classes, f"book-{kind}"])))
        element.set("data-kind", kind)
        if kind == "equation":
            line = page.lines.line_of(f"\\label{{{element_id}}}")
        else:  # the caption block's first line: `/// figure-caption | #fig-id`
            line = page.lines.line_of(_caption_line(element_id))
        for earlier in page.record.items:
            if element_id and earlier.id == element_id:
                page.report(
                    line,
                    f"the id '{element_id}' is already used by the {earlier.kind} at line "
                    f"{earlier.line}; give every figure, table and equation an id of its own.",
                )
        page.record.items.append(Item(kind, element_id, line))

    def _reference(self, element: etree.Element, page) -> None:
        href = element.get("href", "")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.fragment:
            return
        target = ""
        if parts.path:
            base = posixpath.dirname(page.record.src_uri)
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            file = page.files.get_file_from_path(target)
            target = file.src_uri if file is not None else target
        line = page.lines.line_of(f"]({href}")
        record = page.record
        element.set("class", " ".join([*element.get("class", "").split(), "book-ref"]))
        element.set("data-ref", parts.fragment)
        element.append(etree.Comment(REF_MARK.format(len(record.refs))))
        record.refs.append(Ref(target, parts.fragment, href, line))

    def _image(self, element: etree.Element, page) -> None:
        src = element.get("src", "")
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith("/") or not parts.path:
            return
        base = posixpath.dirname(page.record.src_uri)
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if page.files.get_file_from_path(path) is None:
            page.report(
                page.lines.line_of(src),
                f"the image '{src}' does not exist: add docs/{path} (shared by every "
                f"language) or a localized copy such as docs/{_localized(path, page.locale)}.",
            )


def _caption_line(element_id: str) -> re.Pattern:
    name = rf"#{re.escape(element_id)}(?![\w-])" if element_id else ""
    return re.compile(rf"^[ \t]*///[ \t]*[\w-]*caption\b.*{name}", re.MULTILINE)


def _localized(path: str, locale: str) -> str:
    stem, ext = posixpath.splitext(path)
    return f"{stem}.{locale}{ext}"
