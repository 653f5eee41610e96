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
from markdown.util import HTML_PLACEHOLDER, STX

from textbook.math.extension import EQUATION_CLASS

# Marker comments, replaced by numbers and reference texts in numbering.fill.
NUMBER_MARK = "book-number:{}"
REF_MARK = "book-ref:{}"
# Raw HTML (a formula's MathML) sits in the tree as a placeholder until the end.
_STASHED = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"\d+"))
# A footnote reference Python-Markdown did not turn into a link: it has no definition.
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
# What a figure caption may caption (a picture, a diagram, code, raw HTML in the stash).
_PICTURES = {"img", "svg", "picture", "video", "iframe", "object", "pre", "math", "canvas"}


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
        self._kinds: dict[str, str] = {}  # id -> the kind of the first element with it
        self._count: dict[str, int] = {}  # id -> how many elements have it so far
        self._parents = {child: parent for parent in root.iter() for child in parent}
        # Document order (numbers count in it); elements added on the way are not visited.
        for element in list(root.iter()):
            self._visit(element, page)
            self._footnotes(element, page)

    def _visit(self, element: etree.Element, page) -> None:
        record: PageRecord = page.record
        tag = element.tag
        if element_id := element.get("id"):
            if element_id in record.ids:
                self._duplicate(element, element_id, page)
            record.ids.add(element_id)
            self._kinds.setdefault(element_id, _kind(element))
        if tag == "figure" and element.find("figcaption") is not None:
            kind = "table" if element.find("table") is not None else "figure"
            self._check_caption(element, page)
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
        page.record.items.append(Item(kind, element_id, line))

    def _block_line(self, element: etree.Element, page) -> int | None:
        """The file line of the block an inline element is in, when the parser gave it
        (parity/source_map.py): a needle is then looked for from there, not from where
        the same text was last seen (a code block may show it first)."""
        block_line = getattr(self.md, "block_line", None)
        node = element
        while block_line is not None and node is not None:
            if (line := block_line(node)) is not None:
                return page.lines.body_line + line
            node = self._parents.get(node)
        return None

    def _duplicate(self, element: etree.Element, element_id: str, page) -> None:
        """Two elements of a page with one id: links and references reach only the first."""
        lines = _id_lines(page.lines.text, element_id) or [1]
        self._count[element_id] = count = self._count.get(element_id, 1) + 1
        first, here = lines[0], lines[min(count, len(lines)) - 1]
        page.report(
            here,
            f"the id '{element_id}' is already used by the {self._kinds[element_id]} at line "
            f"{first}; an id names one element of a page (links and references reach only "
            f"the first): give this {_kind(element)} an id of its own.",
        )

    def _check_caption(self, figure: etree.Element, page) -> None:
        """A caption block numbers and captions the block just above it: its image (or
        table); written before the image, it would caption the paragraph above."""
        element_id = figure.get("id", "")
        line = _caption_source_line(page.lines.text, element_id)
        written = page.lines.text.split("\n")[line - 1] if line else ""
        wanted = "table" if "table-caption" in written else "figure"
        content = [c for c in figure if c.tag != "figcaption"]
        nodes = [n for c in content for n in c.iter()]
        if wanted == "table":
            fits = any(n.tag == "table" for n in nodes)
        else:
            fits = any(
                n.tag in _PICTURES or STX in (n.text or "") or "highlight" in n.get("class", "")
                for n in nodes
            )
        if fits:
            return
        above = _describe(content[0]) if content else "nothing"
        what = "its table" if wanted == "table" else "its image"
        page.report(
            line or 1,
            f"the caption block '/// {wanted}-caption' follows {above}, not {what}: it would "
            f"number and caption that instead. Put the caption block right after {what}.",
        )

    def _footnotes(self, element: etree.Element, page) -> None:
        """A footnote defined nowhere stays as text: readers would see '[^name]'."""
        texts = [element.tail] if element.tag in ("code", "pre") else [element.text, element.tail]
        for text in texts:
            for name in _FOOTNOTE.findall(text or ""):
                page.report(
                    page.lines.line_of(f"[^{name}]"),
                    f"the footnote [^{name}] is defined nowhere, so readers would see "
                    f"'[^{name}]'; add its text on a line of its own, '[^{name}]: The note.', "
                    "in this language's page.",
                )

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
        line = page.lines.line_of(f"]({href}", self._block_line(element, page))
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
                page.lines.line_of(src, self._block_line(element, page)),
                f"the image '{src}' does not exist: add docs/{path} (shared by every "
                f"language) or a localized copy such as docs/{_localized(path, page.locale)}.",
            )


def _kind(element: etree.Element) -> str:
    """What an element with an id is, in words an author uses."""
    if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if element.tag == "figure":
        return "table" if element.find("table") is not None else "figure"
    if EQUATION_CLASS in element.get("class", "").split():
        return "equation"
    return {"p": "paragraph", "table": "table", "ul": "list", "ol": "list"}.get(
        element.tag, f"<{element.tag}>"
    )


def _describe(element: etree.Element) -> str:
    if element.tag == "p" and element.find(".//img") is None:
        return "a paragraph"
    return f"a {_kind(element)}" if not _kind(element).startswith("<") else _kind(element)


def _id_lines(text: str, element_id: str) -> list[int]:
    """The lines where an id is given to an element: `{#id}`, `| #id` (a caption),
    `\\label{id}`, `id="id"`; not a link to it."""
    name = re.escape(element_id)
    pattern = re.compile(
        rf"(\{{[^}}\n]*#{name}(?![\w-])|^[ \t]*///.*#{name}(?![\w-])|\\label\{{{name}\}}"
        rf"|\bid=[\"']{name}[\"'])",
        re.MULTILINE,
    )
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def _caption_source_line(text: str, element_id: str) -> int:
    found = _caption_line(element_id).search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def _caption_line(element_id: str) -> re.Pattern:
    name = rf"#{re.escape(element_id)}(?![\w-])" if element_id else ""
    return re.compile(rf"^[ \t]*///[ \t]*[\w-]*caption\b.*{name}", re.MULTILINE)


def _localized(path: str, locale: str) -> str:
    stem, ext = posixpath.splitext(path)
    return f"{stem}.{locale}{ext}"
