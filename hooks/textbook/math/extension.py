"""Math in Markdown: arithmatex's syntax, rendered to MathML at build time.

pymdownx.arithmatex finds `$...$`, `\\(...\\)`, `$$...$$`, `\\[...\\]` and
`\\begin{env}...\\end{env}` (its smart-dollar rule leaves prices like "$2 and $13"
alone), but it only wraps the TeX for a script to render in the browser. These
subclasses keep its patterns and put MathML in the page instead. A display formula
with `\\label{eq-id}` becomes a numbered equation with that id.

Each formula leaves a placeholder in the page; once the inline patterns have run,
every formula of the page is converted in one call into the JavaScript engine
(tex.py), and the placeholders get their MathML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.arithmatex import (
    ArithmatexExtension,
    BlockArithmatexProcessor,
    InlineArithmatexPattern,
)

from textbook.math.tex import TexError, render_formulas

MATH_CLASS = "book-math"
EQUATION_CLASS = "book-equation"
_LABEL = re.compile(r"\\label\{([A-Za-z][\w:.-]*)\}")
_TAG = re.compile(r"\\tag\*?(?![A-Za-z])")
_TWO_NUMBERS = (
    "\\tag and \\label both number this formula: keep \\label (the book's number) or \\tag "
    "(a mark of your own)"
)
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")


class MathExtension(ArithmatexExtension):
    """Arithmatex's syntax with MathML output.

    Bad TeX is reported through `report(tex, message, line_offset, block)`, where
    `line_offset` is the line inside the formula where the converter stopped and `block`
    the body line of the block holding it, when the parser gave it (else None).
    `macros` are the book's (mkdocs.yml, macros.py).
    """

    def __init__(self, report, macros: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.report = report
        self.macros = macros or {}

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        batch = _MathBatch(md, self)
        inline = md.inlinePatterns["arithmatex-inline"]
        md.inlinePatterns.register(
            _InlineMath(inline.compiled_re.pattern, batch, md), "arithmatex-inline", 189.9
        )
        block = md.parser.blockprocessors["arithmatex-block"]
        md.parser.blockprocessors.register(
            _BlockMath(block.pattern.pattern, batch, md), "arithmatex-block", 79.9
        )
        # After the inline patterns (20), before toc (5) reads headings' text.
        md.treeprocessors.register(batch, "book-math", 10)


class _MathBatch(Treeprocessor):
    """The page's formulas, converted together once the tree holds all of them."""

    def __init__(self, md: Markdown, extension: MathExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self.pending: dict[int, tuple[str, bool]] = {}
        self.refused: dict[int, str] = {}

    def add(self, tex: str, *, display: bool, refuse: str = "") -> str:
        """A placeholder for the formula's MathML, filled in by run(); `refuse` is an error
        found before conversion."""
        placeholder = self.md.htmlStash.store("")
        index = len(self.md.htmlStash.rawHtmlBlocks) - 1
        self.pending[index] = (tex, display)
        if refuse:
            self.refused[index] = refuse
        return placeholder

    def run(self, root: etree.Element) -> None:
        pending, self.pending = self.pending, {}
        refused, self.refused = self.refused, {}
        if not pending:
            return
        # In page order, so that problems are reported from top to bottom.
        order = [int(i) for i in _PLACEHOLDER.findall(_tree_text(root))]
        indices = [i for i in order if i in pending]
        seen = set(indices)
        indices += [i for i in pending if i not in seen]
        formulas = [pending[i] for i in indices]
        results = render_formulas(formulas, css_class=MATH_CLASS, macros=self.extension.macros)
        blocks = None
        for index, (tex, display), result in zip(indices, formulas, results, strict=True):
            if index in refused:
                result = TexError(refused[index])
            if isinstance(result, TexError):
                offset = tex[: result.position].count("\n") if result.position else 0
                blocks = _block_lines(self.md, root) if blocks is None else blocks
                self.extension.report(tex, str(result), offset, blocks.get(index))
                # Still a formula where the page has one, so that the book's other checks
                # (parity, equation numbers) report only this problem, not its echoes.
                mode = ' display="block"' if display else ""
                result = f"<math{mode}><mtext>{etree_escape(tex)}</mtext></math>"
            self.md.htmlStash.rawHtmlBlocks[index] = result


class _InlineMath(InlineArithmatexPattern):
    def __init__(self, pattern: str, batch: _MathBatch, md: Markdown) -> None:
        super().__init__(pattern, batch.extension.getConfigs())
        self.batch = batch
        self.md = md

    def handleMatch(self, m, data):
        groups = m.groups()
        escapes = groups[0] or (groups[3] if len(groups) > 3 else None)
        if escapes:
            return super().handleMatch(m, data)
        tex = groups[2] or groups[5]
        return self.batch.add(tex, display=False), m.start(0), m.end(0)


class _BlockMath(BlockArithmatexProcessor):
    def __init__(self, pattern: str, batch: _MathBatch, md: Markdown) -> None:
        super().__init__(pattern, batch.extension.getConfigs(), md)
        self.batch = batch

    def mathjax_output(self, parent: etree.Element, math: str) -> None:
        # Called by run() for every display formula.
        label = _LABEL.search(math)
        tex = _LABEL.sub("", math).strip() if label else math.strip()
        attrib = {"class": f"{MATH_CLASS}-block"}
        if label:
            attrib = {"class": f"{MATH_CLASS}-block {EQUATION_CLASS}", "id": label.group(1)}
        div = etree.SubElement(parent, "div", attrib)
        refuse = _TWO_NUMBERS if label and _TAG.search(tex) else ""
        div.text = self.batch.add(tex, display=True, refuse=refuse)


def _block_lines(md: Markdown, root: etree.Element) -> dict[int, int]:
    """Each formula's stash index -> the body line of the block that holds it, from the
    parser (sources/source_map.py), so that a bad formula is not placed at an earlier copy of
    its TeX (a code sample showing it). Empty when no parser lines are recorded."""
    block_line = getattr(md, "block_line", None)
    if block_line is None:
        return {}
    parents = {child: parent for parent in root.iter() for child in parent}
    lines = {}
    for element in root.iter():
        for text, holder in ((element.text, element), (element.tail, parents.get(element))):
            for match in _PLACEHOLDER.finditer(text or ""):
                node = holder
                while node is not None and (line := block_line(node)) is None:
                    node = parents.get(node)
                if node is not None:
                    lines[int(match.group(1))] = line
    return lines


def _tree_text(root: etree.Element) -> str:
    return "".join((e.text or "") + (e.tail or "") for e in root.iter())


def etree_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
