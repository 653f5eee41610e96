"""LaTeX to MathML at build time, with Temml, and what the book refuses besides.

Temml (converter.py) stops on an unknown command or environment, an unbalanced
group or a missing argument. The book also stops on what Temml would render
wrongly without a word: a line break outside an environment (display math has
one line), `\\ref` and friends (the book numbers equations itself), and any output
that carries Temml's error colour or an <merror>.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from textbook.math.converter import ERROR_COLOR, convert

# A formula's tokens that matter here; `\\` is a line break, `\{` an escaped brace.
_TOKENS = re.compile(r"\\begin\s*\{[^{}]*\}|\\end\s*\{[^{}]*\}|\\[A-Za-z]+|\\.|[{}]|%[^\n]*")
_NOT_REF = "{} is not used in formulas: refer to an equation from the text with [](#eq-id)"
_REFUSED = {
    "\\label": "\\label numbers a display formula only: put it on its own line inside $$ ... $$",
    "\\ref": _NOT_REF.format("\\ref"),
    "\\eqref": _NOT_REF.format("\\eqref"),
}
_LINE_BREAK = (
    "a line break ({command}) outside an environment is ignored in MathML: put the lines in "
    "\\begin{{gathered}} ... \\end{{gathered}}, or \\begin{{aligned}} ... \\end{{aligned}} "
    "to align them at &"
)
_OPEN_MATH = re.compile(r"^<math\b[^>]*>")
_ANNOTATION = '<annotation encoding="application/x-tex">'


class TexError(ValueError):
    """A formula the renderer rejected, with the renderer's own message.

    `position` is where in the TeX the problem is (0-based), when it is known.
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


def render_formulas(
    formulas: list[tuple[str, bool]], *, css_class: str, macros: dict[str, str] | None = None
) -> list[str | TexError]:
    """Each (tex, display) formula as MathML, or the TexError that says why not."""
    results: list[str | TexError | None] = []
    todo: list[int] = []
    for tex, _ in formulas:
        try:
            check_source(tex)
            results.append(None)
            todo.append(len(results) - 1)
        except TexError as error:
            results.append(error)
    converted = convert([formulas[i] for i in todo], macros or {})
    for index, result in zip(todo, converted, strict=True):
        tex, display = formulas[index]
        if result.error:
            position = len(tex) if result.at_end else result.position
            where = " at the end of the formula" if result.at_end else ""
            results[index] = TexError(result.error + where, position)
            continue
        try:
            check_output(result.mathml)
            results[index] = _finish(result.mathml, display=display, css_class=css_class)
        except TexError as error:
            results[index] = error
    return results  # type: ignore[return-value]


def tex_to_mathml(
    tex: str, *, display: bool, css_class: str, macros: dict[str, str] | None = None
) -> str:
    """MathML for one formula, carrying its TeX source as an annotation; TexError if not."""
    (result,) = render_formulas([(tex, display)], css_class=css_class, macros=macros)
    if isinstance(result, TexError):
        raise result
    return result


def check_source(tex: str) -> None:
    """What Temml accepts but renders wrongly, or what the book does its own way."""
    groups = environments = 0
    for match in _TOKENS.finditer(tex):
        token = match.group()
        if token.startswith("\\begin"):
            environments += 1
        elif token.startswith("\\end"):
            environments -= 1
        elif token == "{":
            groups += 1
        elif token == "}":
            groups -= 1
        elif token in _REFUSED:
            raise TexError(_REFUSED[token], match.start())
        elif token in ("\\\\", "\\newline") and groups == 0 and environments <= 0:
            raise TexError(_LINE_BREAK.format(command=token), match.start())


def check_output(mathml: str) -> None:
    """Temml's output must hold no error marker: a construct rendered in part is an error."""
    try:
        root = ElementTree.fromstring(mathml)
    except ElementTree.ParseError as error:
        raise TexError(f"Temml's output is not well-formed MathML ({error})") from None
    if root.tag != "math":
        raise TexError(f"Temml's output is a <{root.tag}>, not <math>")
    for element in root.iter():
        style = element.get("style", "")
        if (
            element.tag == "merror"
            or ERROR_COLOR in style
            or "temml-error" in element.get("class", "")
        ):
            text = "".join(element.itertext()).strip()
            raise TexError(f"Temml could not render '{text}'")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _finish(mathml: str, *, display: bool, css_class: str) -> str:
    """The book's <math> (class, display), and the TeX kept out of the search index.

    Temml's own class and inline style on <math> are for its stylesheet, which the
    book replaces (textbook.css); its classes inside (tml-right, tml-jot) stay.
    """
    mode = "block" if display else "inline"
    mathml = _OPEN_MATH.sub(f'<math display="{mode}" class="{css_class}">', mathml, count=1)
    # The TeX is for screen readers and copying, not for search (Pagefind skips it).
    return mathml.replace(_ANNOTATION, _ANNOTATION[:-1] + ' data-pagefind-ignore="">', 1)
