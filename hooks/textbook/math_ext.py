"""Math in Markdown: arithmatex's syntax, rendered to MathML at build time.

pymdownx.arithmatex finds `$...$`, `\\(...\\)`, `$$...$$`, `\\[...\\]` and
`\\begin{env}...\\end{env}` (its smart-dollar rule leaves prices like "$2 and $13"
alone), but it only wraps the TeX for a script to render in the browser. These
subclasses keep its patterns and put MathML in the page instead. A display formula
with `\\label{eq-id}` becomes a numbered equation with that id.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.arithmatex import (
    ArithmatexExtension,
    BlockArithmatexProcessor,
    InlineArithmatexPattern,
)

from textbook.tex import TexError, tex_to_mathml

MATH_CLASS = "book-math"
EQUATION_CLASS = "book-equation"
_LABEL = re.compile(r"\\label\{([A-Za-z][\w:.-]*)\}")


class MathExtension(ArithmatexExtension):
    """Arithmatex's syntax with MathML output; reports bad TeX through `report(tex, message)`."""

    def __init__(self, report, **kwargs) -> None:
        super().__init__(**kwargs)
        self.report = report

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        inline = md.inlinePatterns["arithmatex-inline"]
        md.inlinePatterns.register(
            _InlineMath(inline.compiled_re.pattern, self, md), "arithmatex-inline", 189.9
        )
        block = md.parser.blockprocessors["arithmatex-block"]
        md.parser.blockprocessors.register(
            _BlockMath(block.pattern.pattern, self, md), "arithmatex-block", 79.9
        )

    def render(self, md: Markdown, tex: str, *, display: bool) -> str:
        """The formula's MathML, stashed; invalid TeX is reported and shown as code."""
        try:
            html = tex_to_mathml(tex, display=display, css_class=MATH_CLASS)
        except TexError as error:
            self.report(tex, str(error))
            html = f"<code>{etree_escape(tex)}</code>"
        return md.htmlStash.store(html)


class _InlineMath(InlineArithmatexPattern):
    def __init__(self, pattern: str, extension: MathExtension, md: Markdown) -> None:
        super().__init__(pattern, extension.getConfigs())
        self.extension = extension
        self.md = md

    def handleMatch(self, m, data):
        groups = m.groups()
        escapes = groups[0] or (groups[3] if len(groups) > 3 else None)
        if escapes:
            return super().handleMatch(m, data)
        tex = groups[2] or groups[5]
        return self.extension.render(self.md, tex, display=False), m.start(0), m.end(0)


class _BlockMath(BlockArithmatexProcessor):
    def __init__(self, pattern: str, extension: MathExtension, md: Markdown) -> None:
        super().__init__(pattern, extension.getConfigs(), md)
        self.extension = extension

    def mathjax_output(self, parent: etree.Element, math: str) -> None:
        # Called by run() for every display formula.
        label = _LABEL.search(math)
        tex = _LABEL.sub("", math).strip() if label else math.strip()
        attrib = {"class": f"{MATH_CLASS}-block"}
        if label:
            attrib = {"class": f"{MATH_CLASS}-block {EQUATION_CLASS}", "id": label.group(1)}
        div = etree.SubElement(parent, "div", attrib)
        div.text = self.extension.render(self.parser.md, tex, display=True)


def etree_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
