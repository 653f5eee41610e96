"""LaTeX to MathML: the output's shape, and the message for each kind of bad formula."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from textbook.tex import TexError, tex_to_mathml


def test_mathml_carries_the_tex_source_as_an_annotation():
    html = tex_to_mathml(r"a < b \times c", display=True, css_class="book-math")
    math = BeautifulSoup(html, "lxml").math
    assert math["display"] == "block" and math["class"] == ["book-math"]
    assert [child.name for child in math.semantics.children] == ["mrow", "annotation"]
    assert math.annotation["encoding"] == "application/x-tex"
    assert math.annotation.get_text() == r"a < b \times c"
    assert [mo.get_text() for mo in math.select("mo")] == ["<", "×"]


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        (r"\frac{1}", r"\frac needs 2 arguments, found 1"),
        ("x^", "latex2mathml: missing super script or subscript"),
        (r"\alpah + 1", r"unknown command \alpah"),
        ("{x", "1 '{' never closed"),
        ("x}", "a '}' closes a group that was never opened"),
        (r"\begin{matrix}", "latex2mathml: no available tokens"),
    ],
)
def test_invalid_tex_is_an_error_with_a_message(tex, message):
    with pytest.raises(TexError) as error:
        tex_to_mathml(tex, display=False, css_class="book-math")
    assert str(error.value) == message


def test_escaped_braces_are_not_groups():
    html = tex_to_mathml(r"\{x\}", display=False, css_class="book-math")
    assert BeautifulSoup(html, "lxml").math.annotation.get_text() == r"\{x\}"
