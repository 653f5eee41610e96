"""A page's outline, read from the element tree Python-Markdown renders.

`Recorder` is a Python-Markdown extension. Its treeprocessor runs after toc and
attr_list (ids exist) and before anything decorates the page per language or
MkDocs rewrites links, and walks the tree the reader gets: a heading inside a
box or a tab, a setext heading, an HTML `<img>` or `<h2>` count exactly as they
render. Fenced code, raw HTML and comments sit
in Python-Markdown's stash at this point; they are read from there with
`html.parser` (code blocks as the Pygments tokens the highlighter produced).

An outline is the page's blocks in reading order, and its links:

    Block(kind="heading", shape="h2", key="school-analogy", label="The school analogy")
    Block(kind="table", shape="4x3")                       # rows x columns
    Block(kind="box", shape="example open titled")
    Block(kind="code", shape="code", code=Code(...))      # tokens without comments
    Link(href="https://example.org/x", external=True)

Blocks have no line yet; `lines.locate` maps them onto the source.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, STX

from textbook.conventions import QUIZ_DIRECTIVE, QUIZ_MARKER_TEXT
from textbook.sources import source_map
from textbook.sources.lines import Words
from textbook.translation.parity.code import Code, tokens_of_html

# After toc (5) and attr_list (8): every heading has its id. Before what decorates a
# page in its own language (the glossary's term links, 4) and MkDocs' link rewriting (0):
# the outline is what the author wrote, as it renders.
PRIORITY = 4.5
# After attr_list (8), before toc (5): the ids authors wrote.
EXPLICIT_PRIORITY = 6
DISPLAY_MATH = re.compile(r"^\s*(\$\$.*\$\$|\\\[.*\\\])\s*$", re.DOTALL)
# How the first source line of a block may start (lines.py).
BOX = ("!!!", "???", "///", "<div", "<details")
CODE = ("```", "~~~", "<pre")
MATH = ("$$", "\\[", "<math", "\\begin")
TAB = ("===", "/// tab")
RULE = ("---", "***", "___", "- - -", "* * *", "_ _ _", "<hr")
# Block elements written as raw HTML: each is a block for the pairing, like its Markdown twin.
RAW_BLOCKS = {"table", "blockquote", "details", "dl", "ul", "ol", "hr", "div", "figure", "p"}
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_ESCAPED = re.compile(STX + r"(\d+)\x03")
_HEADINGS = {f"h{n}" for n in range(1, 7)}


@dataclass(slots=True)
class Block:
    """One block of a page: what it is, what must match across languages, where it is."""

    kind: str  # heading paragraph list blockquote box table code math image figure tabs ...
    shape: str  # compared exactly: "h2", "ordered 3", "4x3", "note collapsed titled", ...
    key: str = ""  # heading or figure id, image src, quiz id (compared, named in messages)
    label: str = ""  # shown to authors: heading text, box title, tab labels
    needle: str | tuple[str, ...] = ""  # what its first source line has (lines.Words too)
    line: int = 0
    code: Code | None = None
    depth: int = 0  # boxes, tabs, lists, quotes, footnotes and figures it is inside
    text: str = ""  # the rendered text, kept only by Recorder(with_text=True)
    span: int = 0  # source lines after its first that it surely covers (a fence's body)
    at: int = -1  # its line in the page's body from the parser (source_map.py), -1 unknown


@dataclass(slots=True)
class Link:
    href: str
    external: bool
    needle: str
    line: int = 0


@dataclass(slots=True)
class Outline:
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


# -----------------------------------------------------------------------------
# The extension
# -----------------------------------------------------------------------------


class Recorder(Extension):
    """Records the outline of every document converted; `take()` returns the last one."""

    def __init__(self, with_text: bool = False, with_lines: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.with_lines = with_lines  # off: needles alone (benchmarks/source_lines_cost.py)
        self.last: Outline | None = None
        self.active = True  # off: other conversions (a quiz's inline text) cost nothing
        self.with_text = with_text  # each block's text too (a glossary term check)
        self.source = source_map.SourceMap()  # the lines of the conversion under way
        self.body: str | None = None  # the page as written, when a hook changed it before
        self.input_lines: list[str] | None = None
        # The element each block of the last conversion came from (a stale page's marks);
        # not kept in the outline, which outlives the page's tree.
        self.elements: list[etree.Element | None] = []

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        if self.with_lines:
            source_map.install(md, self)
        md.treeprocessors.register(_ExplicitIds(md, self), "parity_ids", EXPLICIT_PRIORITY)
        md.treeprocessors.register(_OutlineTreeprocessor(md, self), "parity_outline", PRIORITY)
        self.explicit: set[int] = set()

    def take(self) -> Outline:
        """The last document's outline: empty for a blank one, which Python-Markdown
        returns before any treeprocessor runs."""
        outline, self.last = self.last, None
        return outline if outline is not None else Outline()


class _Step(Treeprocessor):
    """A treeprocessor of the recorder: idle unless the recorder is active."""

    def __init__(self, md: Markdown, recorder: Recorder):
        super().__init__(md)
        self.recorder = recorder

    def run(self, root: etree.Element) -> None:
        if self.recorder.active:
            self.record(root)

    def record(self, root: etree.Element) -> None:
        raise NotImplementedError


class _ExplicitIds(_Step):
    """Notes the headings that have an id before toc gives the others one."""

    def record(self, root: etree.Element) -> None:
        self.recorder.explicit = {
            id(el) for el in root.iter() if el.tag in _HEADINGS and el.get("id")
        }


class _OutlineTreeprocessor(_Step):
    def record(self, root: etree.Element) -> None:
        walker = _Walker(
            self.md.htmlStash.rawHtmlBlocks, self.recorder.explicit, self.recorder.source
        )
        walker.with_text = self.recorder.with_text
        walker.walk(root, in_list=False)
        self.recorder.last = walker.outline
        self.recorder.elements = walker.elements


# -----------------------------------------------------------------------------
# Walking the tree
# -----------------------------------------------------------------------------


class _Walker:
    def __init__(self, stash: list, explicit: set[int], source: source_map.SourceMap):
        self.stash = stash
        self.explicit = explicit
        self.source = source
        self.raw_at = -1  # the line of the paragraph that holds the raw HTML being read
        self.with_text = False
        self.outline = Outline()
        self.depth = 0
        self.elements: list[etree.Element | None] = []  # per block: where it came from
        self.current: etree.Element | None = None  # the element being read

    def add(self, kind: str, shape: str, el: etree.Element | None = None, **fields) -> None:
        text = _text(el) if self.with_text and el is not None else ""
        if "at" not in fields:
            line = self.source.line(el)
            fields["at"] = line if line is not None else self.raw_at
            self.raw_at = -1  # only the first block of a piece of raw HTML starts there
        self.outline.blocks.append(Block(kind, shape, depth=self.depth, text=text, **fields))
        self.elements.append(el if el is not None else self.current)

    def walk(self, parent: etree.Element, in_list: bool) -> None:
        self.depth += 1
        for child in parent:
            self.element(child, in_list)
        self.depth -= 1

    def element(self, el: etree.Element, in_list: bool) -> None:
        self.current = el
        tag, classes = el.tag, (el.get("class") or "").split()
        if tag in _HEADINGS:
            text = _text(el)
            self.add(
                "heading",
                tag,
                el,
                key=el.get("id", "") if id(el) in self.explicit else "",
                label=text,
                needle=Words(text),
            )
            self.inline(el)
        elif tag == "p":
            self.paragraph(el, in_list)
        elif tag in ("ul", "ol"):
            items = [li for li in el if li.tag == "li"]
            kind = "ordered" if tag == "ol" else "bulleted"
            self.add(
                "list",
                f"{kind} {len(items)}",
                el,
                needle=Words(_first_line(items[0]) if items else ""),
            )
            for li in items:
                self.inline_only(li)
                self.walk(li, in_list=True)
        elif tag == "dl":
            terms = [dt for dt in el if dt.tag == "dt"]
            first = _first_line(terms[0]) if terms else ""
            self.add("list", f"definition {len(terms)}", el, needle=Words(first))
            for item in el:
                self.inline_only(item)
                self.walk(item, in_list=True)
        elif tag == "hr":
            self.add("rule", "rule", el, needle=RULE)
        elif tag == "blockquote":
            self.add("blockquote", "blockquote", el, needle=(">",))
            self.walk(el, in_list)
        elif tag == "table":
            rows = list(el.iter("tr"))
            columns = max((len(row) for row in rows), default=0)
            first = next((c for c in el.iter() if c.tag in ("th", "td")), None)
            self.add("table", f"{len(rows)}x{columns}", el, needle=Words(_first_word(first)))
            for cell in (c for row in rows for c in row):
                self.inline(cell)
        elif "admonition" in classes:
            title = next((c for c in el if "admonition-title" in (c.get("class") or "")), None)
            kind = next((c for c in classes if c != "admonition"), "note")
            self.box(el, kind, "open", title, needle=BOX, in_list=in_list)
        elif tag == "details":
            title = next((c for c in el if c.tag == "summary"), None)
            kind = next(iter(classes), "details")
            state = "open" if el.get("open") is not None else "collapsed"
            self.box(el, kind, state, title, needle=BOX, in_list=in_list)
        elif "tabbed-set" in classes:
            self.tabs(el, in_list)
        elif "footnote" in classes and tag == "div":
            for li in el.iter("li"):
                label = li.get("id", "").partition(":")[2]
                self.add("footnote", "footnote", li, needle=(f"[^{label}]:",))
                self.walk(li, in_list=True)
        elif tag == "figure":
            # Its caption may come after its content: it starts where its first block does.
            self.add("figure", "figure", key=el.get("id", ""), needle="", at=-1)
            self.walk(el, in_list)
        elif tag == "math" or {"arithmatex", "math"} & set(classes):
            if tag == "math" and el.get("display") != "block":
                return
            self.add("math", "math", el, needle=MATH)
        elif tag == "pre":
            code = Code.of_text("".join(el.itertext()))
            self.add("code", "code", el, code=code, needle=CODE, span=code.lines + 1)
        elif tag in ("div", "section", "article", "aside"):
            # An extension may put stashed HTML (a formula's MathML) in a block's text.
            for match in HTML_PLACEHOLDER_RE.finditer(el.text or ""):
                self.raw(self.stash[int(match.group(1))], key=el.get("id", ""))
            self.walk(el, in_list)
        else:
            self.inline(el)

    def paragraph(self, el: etree.Element, in_list: bool) -> None:
        text = (el.text or "").strip()
        placeholder = HTML_PLACEHOLDER_RE.fullmatch(text) if text else None
        if placeholder and len(el) == 0:
            line = self.source.line(el)
            self.raw_at = line if line is not None else -1
            self.raw(self.stash[int(placeholder.group(1))])
            self.raw_at = -1
            return
        if text.startswith("{{") and (quiz := QUIZ_DIRECTIVE.fullmatch(_text(el))):
            self.add("quiz", "quiz", el, key=quiz.group(1), needle=f'"{quiz.group(1)}"')
            return
        if text.startswith(("$$", "\\[")) and len(el) == 0 and DISPLAY_MATH.match(text):
            self.add("math", "math", el, needle=MATH, span=text.count("\n"))
            return
        image_only = text == "" and el.find(".//img") is not None and not _text(el)
        if not image_only and not in_list:
            first = _first_line(el)
            self.add(
                "paragraph",
                "paragraph",
                el,
                label=(_text(el) or first)[:24],
                needle=Words(first[:80]),
            )
        self.inline(el)

    def box(self, el, kind, state, title, needle, in_list) -> None:
        text = _text(title) if title is not None else ""
        titled = "titled" if text else "untitled"
        self.add("box", f"{kind} {state} {titled}", el, key=kind, label=text, needle=needle)
        self.depth += 1
        for child in el:
            if child is not title:
                self.element(child, in_list)
        self.depth -= 1

    def tabs(self, el, in_list) -> None:
        """pymdownx.tabbed: its labels and its tabs' contents, not those of tabs inside."""
        labels = _children(el, "tabbed-labels")
        if labels:  # alternate_style: one row of labels, one box of tab blocks
            names = [_text(label) for label in labels[0] if label.tag == "label"]
            blocks = [b for box in _children(el, "tabbed-content") for b in box]
        else:  # the older markup: a label and its content, for each tab
            names = [_text(label) for label in el if label.tag == "label"]
            blocks = _children(el, "tabbed-content")
        self.add("tabs", str(len(names)), el, label="\x1f".join(names), needle=TAB)
        self.depth += 1
        for index, block in enumerate(blocks):
            self.current = block
            self.add("tab", "tab", label=names[index] if index < len(names) else "", needle=TAB)
            self.walk(block, in_list)
        self.depth -= 1

    def inline(self, el: etree.Element) -> None:
        """Images and links anywhere inside an element."""
        for node in el.iter():
            if node.tag == "img":
                self.image(node.get("src", ""))
            elif node.tag == "a":
                self.link(node.get("href"), node)
            elif node.text and STX in node.text:
                for match in HTML_PLACEHOLDER_RE.finditer(node.text):
                    self.raw(self.stash[int(match.group(1))], inline=True)
            if node is not el and node.tail and STX in node.tail:
                for match in HTML_PLACEHOLDER_RE.finditer(node.tail):
                    self.raw(self.stash[int(match.group(1))], inline=True)

    def inline_only(self, li: etree.Element) -> None:
        """A list item's own text (not its nested blocks): links and images."""
        shallow = etree.Element("li")
        shallow.text = li.text
        for child in li:
            if child.tag not in ("p", "ul", "ol", "div", "details", "blockquote", "table"):
                shallow.append(child)
        self.inline(shallow)

    def image(self, src: str) -> None:
        self.add("image", "image", key=src, needle=src)

    def link(self, href: str | None, node) -> None:
        classes = node.get("class") or ""
        if not href or "headerlink" in classes or "footnote" in classes:
            return
        external = "://" in href or href.startswith(("mailto:", "//"))
        self.outline.links.append(Link(href, external, needle=href))

    def raw(self, chunk, inline: bool = False, key: str = "") -> None:
        """A stashed piece of HTML: highlighted code, an HTML heading or image, a comment."""
        html = chunk if isinstance(chunk, str) else str(chunk)
        if not inline and "highlight" in html[:200] and "<pre" in html:
            code = tokens_of_html(html)
            self.add("code", "code", code=code, needle=CODE, span=code.lines + 1)
            return
        _RawHtml(self, key, blocks=not inline).feed(html)


class _RawHtml(HTMLParser):
    """Headings, images, links, display math and quiz markers in a piece of raw HTML, and
    the block elements at its top (a raw table, quote, box...)."""

    def __init__(self, walker: _Walker, key: str = "", blocks: bool = True):
        super().__init__(convert_charrefs=True)
        self.walker = walker
        self.key = key  # the id of the element the HTML stands in (an equation's)
        self.blocks = blocks  # a block of HTML, not HTML inside a paragraph
        self.heading: tuple[str, str] | None = None
        self.text: list[str] = []
        self.level = 0  # how deep in the chunk's elements: 0 is its top

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        top = self.level == 0
        if tag not in _VOID:
            self.level += 1
        if top and self.blocks and tag in RAW_BLOCKS:
            self.walker.add("html", f"<{tag}>", key=tag, needle=(f"<{tag}",))
        if tag in _HEADINGS:
            self.heading, self.text = (tag, attrs.get("id") or ""), []
        elif tag == "img":
            self.walker.image(attrs.get("src") or "")
        elif tag == "a":
            self.walker.link(attrs.get("href"), attrs)
        elif tag == "math" and attrs.get("display") == "block":
            self.walker.add("math", "math", key=self.key or attrs.get("id") or "", needle=MATH)

    def parse_marked_section(self, i, report=1):
        try:  # `<![` opening no CDATA section stops html.parser with an AssertionError
            return super().parse_marked_section(i, report)
        except AssertionError:
            return i + 3

    def handle_data(self, data):
        if self.heading:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag not in _VOID:
            self.level = max(0, self.level - 1)
        if self.heading and tag == self.heading[0]:
            text = " ".join("".join(self.text).split())
            tag, key = self.heading
            self.walker.add("heading", tag, key=key, label=text, needle=Words(text))
            self.heading = None

    def handle_comment(self, data):
        if quiz := QUIZ_MARKER_TEXT.fullmatch(data.strip()):
            self.walker.add("quiz", "quiz", key=quiz.group(1), needle=f'"{quiz.group(1)}"')


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _text(el: etree.Element | None) -> str:
    """The text a reader sees, without the permalink sign."""
    if el is None:
        return ""
    parts = []

    def visit(node):
        if node.tag == "a" and "headerlink" in (node.get("class") or ""):
            return
        if node.tag == "sup" and (node.get("id") or "").startswith("fnref"):
            return
        parts.append(node.text or "")
        for child in node:
            visit(child)
            parts.append(child.tail or "")

    visit(el)
    text = HTML_PLACEHOLDER_RE.sub("", "".join(parts))
    return " ".join(_ESCAPED.sub(lambda m: chr(int(m.group(1))), text).split())


def _children(el: etree.Element, css_class: str) -> list[etree.Element]:
    return [c for c in el if css_class in (c.get("class") or "").split()]


def _first_line(el: etree.Element) -> str:
    """The element's leading words as written: enough to find its line in the source."""
    text = _ESCAPED.sub(lambda m: chr(int(m.group(1))), el.text or "")
    text = HTML_PLACEHOLDER_RE.sub("", text).strip().split("\n")[0]
    if not text:
        for child in el:
            if child.tag not in ("sup", "img", "br"):
                return _first_line(child)
    return text


def _first_word(el: etree.Element | None) -> str:
    return _text(el).split(" ")[0] if el is not None else ""
