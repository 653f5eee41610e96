"""The book's former math converter (latex2mathml, until Temml replaced it), for comparison.

benchmarks/math_cost.py times it beside Temml. Kept as it was, with the checks the book
then made on its output, and `render_formulas` with the interface of hooks/textbook/math/tex.py.
Needs latex2mathml (requirements-test.txt).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, SubElement, tostring
from xml.sax.saxutils import escape, unescape

from latex2mathml.converter import convert_to_element

# Elements whose MathML needs a fixed number of children, and the TeX that makes them.
_ARITY = {"mfrac": (2, r"\frac"), "msqrt": (1, r"\sqrt"), "mroot": (2, r"\sqrt[n]")}
_BRACES = re.compile(r"\\\\|\\[{}]|[{}]")


class TexError(ValueError):
    """A formula the renderer rejected, with the renderer's own message."""


def tex_to_mathml(tex: str, *, display: bool, css_class: str) -> str:
    """MathML for one formula, carrying its TeX source as an annotation."""
    _check_braces(tex)
    try:
        math = convert_to_element(tex, display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises many types, all meaning "cannot read"
        raise TexError(_describe(error)) from None
    _check_tree(math)
    return _serialize(math, tex, css_class)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _describe(error: Exception) -> str:
    """latex2mathml's message, or its error's name when the message is empty."""
    name = type(error).__name__
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name.removesuffix("Error")).lower()
    return f"latex2mathml: {words}" + (f" ({error})" if str(error) else "")


def _check_braces(tex: str) -> None:
    depth = 0
    for match in _BRACES.finditer(tex):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                raise TexError("a '}' closes a group that was never opened")
    if depth:
        raise TexError(f"{depth} '{{' never closed")


def _check_tree(math: Element) -> None:
    for element in math.iter():
        text = element.text or ""
        if element.tag in ("mi", "mo", "mtext") and text.startswith("\\") and len(text) > 1:
            raise TexError(f"unknown command {text}")
        if element.tag in _ARITY:
            wanted, command = _ARITY[element.tag]
            if len(element) != wanted:
                raise TexError(f"{command} needs {wanted} arguments, found {len(element)}")


def _serialize(math: Element, tex: str, css_class: str) -> str:
    """<math class display><semantics>…<annotation encoding="application/x-tex">."""
    math.attrib.pop("xmlns", None)  # HTML parsers put <math> in the MathML namespace
    math.set("class", css_class)
    semantics = Element("semantics")
    semantics.extend(list(math))
    for child in list(math):
        math.remove(child)
    math.append(semantics)
    # latex2mathml writes characters as "&#x…;" text, so the tree is unescaped once
    # after serializing (as latex2mathml does); the TeX is escaped once more to match.
    # The TeX is for screen readers and copying, not for search (Pagefind skips it).
    annotation = {"encoding": "application/x-tex", "data-pagefind-ignore": ""}
    SubElement(semantics, "annotation", annotation).text = escape(tex)
    return unescape(tostring(math, encoding="unicode"))


def render_formulas(
    formulas: list[tuple[str, bool]], *, css_class: str, macros: dict[str, str] | None = None
) -> list[str | TexError]:
    """tex.py's interface: one formula at a time, as latex2mathml works."""
    results: list[str | TexError] = []
    for tex, display in formulas:
        try:
            results.append(tex_to_mathml(tex, display=display, css_class=css_class))
        except TexError as error:
            results.append(error)
    return results
