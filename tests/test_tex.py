"""LaTeX to MathML with Temml: the output's shape, and the message for each kind of bad formula."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from textbook.math.converter import ERROR_COLOR
from textbook.math.extension import MathExtension
from textbook.math.tex import TexError, check_output, render_formulas, tex_to_mathml


def _math(tex: str, display: bool = True, **options):
    html = tex_to_mathml(tex, display=display, css_class="book-math", **options)
    return BeautifulSoup(html, "lxml").math


def _shown_text(math) -> str:
    """What a reader sees: the MathML's text without the TeX annotation."""
    return "".join(
        text for text in math.find_all(string=True) if text.parent.name != "annotation"
    ).strip()


def test_mathml_carries_the_tex_source_as_an_annotation():
    math = _math(r"a < b \times c")
    assert math["display"] == "block" and math["class"] == ["book-math"]
    assert "style" not in math.attrs
    assert [child.name for child in math.semantics.children] == ["mrow", "annotation"]
    assert math.annotation["encoding"] == "application/x-tex"
    assert math.annotation.has_attr("data-pagefind-ignore")
    assert math.annotation.get_text() == r"a < b \times c"
    assert [mo.get_text() for mo in math.select("mo")] == ["<", "×"]


def test_inline_math_says_so():
    assert _math("x", display=False)["display"] == "inline"


def test_aligned_rows_become_table_rows_with_newline_or_double_backslash():
    for tex in (
        r"\begin{aligned} a &= b \\ c &= d \end{aligned}",
        r"\begin{aligned} a &= b \newline c &= d \end{aligned}",
    ):
        math = _math(tex)
        rows = math.select("mtable > mtr")
        assert [len(row.select(":scope > mtd")) for row in rows] == [2, 2]
        assert [row.get_text() for row in rows] == ["a=b", "c=d"]
        assert "&" not in _shown_text(math) and "\\" not in _shown_text(math)


def test_xrightarrow_sets_its_label_over_the_arrow():
    math = _math(r"\xrightarrow{\text{SFT}}")
    over = math.select_one("mover")
    assert over.select_one(":scope > mo").get_text() == "→"
    assert over.select_one(":scope > mover mtext").get_text() == "SFT"


def test_book_macros_expand():
    macros = {r"\R": r"\mathbb{R}", r"\norm": r"\left\lVert #1 \right\rVert"}
    math = _math(r"\R^n \norm{x}", macros=macros)
    assert _shown_text(math) == "ℝn‖x‖"
    assert math.annotation.get_text() == r"\R^n \norm{x}"


def test_a_definition_in_one_formula_does_not_reach_the_next():
    first, second = render_formulas(
        [(r"\gdef\foo{x} \foo", True), (r"\foo", True)], css_class="book-math"
    )
    assert "<mi>x</mi>" in first
    assert str(second) == r"Temml: Unsupported function name: \foo"


@pytest.mark.parametrize(
    ("tex", "message", "position"),
    [
        (r"\begin{csaes} a \end{csaes}", "Temml: No such environment: csaes", 6),
        (r"\alpah + 1", r"Temml: Unsupported function name: \alpah", 0),
        (r"\text{\foo}", r"Temml: Unsupported function name: \foo", 6),
        ("{x", "Temml: Expected '}', got 'EOF' at the end of the formula", 2),
        ("x}", "Temml: Expected 'EOF', got '}'", 1),
        (r"\left( x", "Temml: Expected '\\right', got 'EOF' at the end of the formula", 8),
        (
            r"\frac{1}",
            "Temml: Unexpected end of input in a macro argument, expected '}' at the end of "
            "the formula",
            8,
        ),
        (
            r"\begin{matrix}",
            r"Temml: Expected & or \\ or \cr or \end at the end of the formula",
            14,
        ),
        (
            "x^",
            "Temml failed on it (TypeError: Cannot read properties of null (reading 'type'))",
            None,
        ),
        (
            r"a \\ b",
            r"a line break (\\) outside an environment is ignored in MathML: put the lines in "
            r"\begin{gathered} ... \end{gathered}, or \begin{aligned} ... \end{aligned} to "
            "align them at &",
            2,
        ),
        (
            r"a \newline b",
            r"a line break (\newline) outside an environment is ignored in MathML: put the lines "
            r"in \begin{gathered} ... \end{gathered}, or \begin{aligned} ... \end{aligned} to "
            "align them at &",
            2,
        ),
        (
            r"\label{eq-a} x",
            r"\label numbers a display formula only: put it on its own line inside $$ ... $$",
            0,
        ),
        (
            r"x \eqref{eq-a}",
            r"\eqref is not used in formulas: refer to an equation from the text with [](#eq-id)",
            2,
        ),
        (
            r"\ref{eq-a}",
            r"\ref is not used in formulas: refer to an equation from the text with [](#eq-id)",
            0,
        ),
    ],
)
def test_invalid_tex_is_an_error_with_a_message(tex, message, position):
    with pytest.raises(TexError) as error:
        tex_to_mathml(tex, display=False, css_class="book-math")
    assert (str(error.value), error.value.position) == (message, position)


def test_line_breaks_inside_groups_and_environments_are_fine():
    for tex in (r"\sum_{\substack{i \\ j}} x", r"\begin{gathered} a \\ b \end{gathered}"):
        assert _math(tex).select("mtr")


@pytest.mark.parametrize(
    ("mathml", "message"),
    [
        (
            f'<math><mrow><mtext style="color:{ERROR_COLOR};">\\foo</mtext></mrow></math>',
            r"Temml could not render '\foo'",
        ),
        ("<math><merror><mtext>bad</mtext></merror></math>", "Temml could not render 'bad'"),
        ('<math><mrow class="temml-error">x</mrow></math>', "Temml could not render 'x'"),
        ("<a href='#x'></a>", "Temml's output is a <a>, not <math>"),
        (
            "<math><mi>x</mi>",
            "Temml's output is not well-formed MathML (no element found: line 1, column 16)",
        ),
    ],
)
def test_output_with_an_error_marker_is_an_error(mathml, message):
    with pytest.raises(TexError) as error:
        check_output(mathml)
    assert str(error.value) == message


def test_every_formula_of_a_batch_gets_its_own_result():
    results = render_formulas(
        [("a", False), (r"\nope", True), (r"\begin{cases} 1 \\ 2 \end{cases}", True)],
        css_class="book-math",
    )
    assert isinstance(results[1], TexError)
    assert results[0].startswith('<math display="inline"')
    assert results[2].startswith('<math display="block"') and "<mtable" in results[2]


def test_escaped_braces_are_not_groups():
    assert _math(r"\{x\}").annotation.get_text() == r"\{x\}"


# -----------------------------------------------------------------------------
# In Markdown: a page's formulas converted together, problems in page order
# -----------------------------------------------------------------------------


def _markdown(text: str) -> tuple[BeautifulSoup, list[tuple[str, str, int]]]:
    problems: list[tuple[str, str, int]] = []
    math = MathExtension(report=lambda *problem: problems.append(problem))
    html = markdown.Markdown(extensions=[math]).convert(text)
    return BeautifulSoup(html, "lxml"), problems


def test_a_pages_problems_come_in_page_order_with_the_line_inside_the_formula():
    page, problems = _markdown(
        "Inline $\\bad$ first.\n\n$$\n\\begin{aligned}\na &= 1 \\\\\nb &= \\worse\n"
        "\\end{aligned}\n$$\n\nThen $x$ is fine."
    )
    assert problems == [
        ("\\bad", "Temml: Unsupported function name: \\bad", 0, None),
        (
            "\\begin{aligned}\na &= 1 \\\\\nb &= \\worse\n\\end{aligned}",
            "Temml: Unsupported function name: \\worse",
            2,
            None,  # the body line of its block: none without the parser's lines
        ),
    ]
    # Each stays a formula, its TeX as text, where the page has one (inline, display):
    # the book's other checks see the page's formulas, and report only these problems.
    stand_ins = [(m.get("display"), m.mtext.get_text()) for m in page.select("math:has(> mtext)")]
    assert stand_ins == [
        (None, "\\bad"),
        ("block", "\\begin{aligned}\na &= 1 \\\\\nb &= \\worse\n\\end{aligned}"),
    ]
    assert page.select("p math")[-1].annotation.get_text() == "x"


def test_a_tag_and_a_label_on_one_formula_is_an_error():
    page, problems = _markdown("$$\nE = mc^2 \\tag{1}\n\\label{eq-e}\n$$")
    assert problems == [
        (
            "E = mc^2 \\tag{1}",
            "\\tag and \\label both number this formula: keep \\label (the book's number) or "
            "\\tag (a mark of your own)",
            0,
            None,
        )
    ]
    assert page.select_one("#eq-e math > mtext")
