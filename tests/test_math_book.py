"""Math in a built book: the environments textbooks use, in both languages, and each error.

A copy of the real book gets a chapter of formulas (tests/fixtures/math/) and is built
with `mkdocs build --strict`; the built pages are read with BeautifulSoup and the
chapter is opened in Chromium. Each error test breaks a copy of the book in one place
and reads the exact error lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CHROMIUM, CHROMIUM_ARGS, build_site, copy_book, report_problems

FIXTURES = Path(__file__).parent / "fixtures" / "math"
PAGE = {"zh": "chapters/environments/", "en": "en/chapters/environments/"}
ZH = "docs/chapters/sft-to-rl.zh.md"
EN = "docs/chapters/sft-to-rl.en.md"


def _copy_book(folder: Path) -> Path:
    copy_book(folder)
    for lang in ("zh", "en"):
        shutil.copy(FIXTURES / f"environments.{lang}.md", folder / "docs" / "chapters")
    _edit(
        folder / "mkdocs.yml",
        "  - chapters/sft-to-rl.md\n",
        "  - chapters/sft-to-rl.md\n  - chapters/environments.md\n",
    )
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    book = _copy_book(tmp_path_factory.mktemp("math-book"))
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    return book / "site"


def _page(site: Path, lang: str) -> BeautifulSoup:
    return BeautifulSoup((site / PAGE[lang] / "index.html").read_text("utf-8"), "lxml")


def _formula(page: BeautifulSoup, tex: str):
    """The <math> whose TeX annotation contains `tex`."""
    found = [m for m in page.select("article math") if tex in m.select_one("annotation").get_text()]
    assert len(found) == 1, (tex, len(found))
    return found[0]


def _shown(element) -> str:
    """The text a reader sees: no TeX annotation."""
    return "".join(t for t in element.find_all(string=True) if t.parent.name != "annotation")


def _rows(table) -> list[str]:
    # U+2061 is MathML's invisible "function application" after log, argmax.
    return [_shown(row).replace("\u2061", "").strip() for row in table.select(":scope > mtr")]


# -----------------------------------------------------------------------------
# The environments, in both languages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_formula_shows_tex_or_ampersands(built, lang):
    formulas = _page(built, lang).select("article math")
    assert len(formulas) == 18
    for math in formulas:
        assert math["class"] == ["book-math"]
        assert math.select_one("semantics > annotation")["encoding"] == "application/x-tex"
        assert "&" not in _shown(math) and "\\" not in _shown(math), math


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_multi_line_environments_are_table_rows(built, lang):
    page = _page(built, lang)
    aligned = _formula(page, r"\begin{aligned}")
    assert _rows(aligned.select_one("mtable")) == [
        "ℒ(θ)=−∑t=1Tlogpθ(xt|x<t)",
        "=−logpθ(x1,…,xT)",
    ]
    assert [len(r.select(":scope > mtd")) for r in aligned.select("mtable > mtr")] == [2, 2]
    assert aligned.find_parent("div")["id"] == "eq-loss"
    rows = {
        r"\begin{align}": ["a=b+c", "d=e+f"],
        r"\begin{gathered}": ["x=1", "y=2"],
        r"\begin{split}": ["r=x+y", "=z"],
        r"\begin{array}": ["ab", "cd"],
    }
    for tex, expected in rows.items():
        assert _rows(_formula(page, tex).select_one("mtable")) == expected, tex
    otherwise = {"zh": "其他情况", "en": "otherwise"}[lang]
    cases = _formula(page, r"\begin{cases}")
    assert _rows(cases.select_one("mtable")) == ["1x>0", f"0{otherwise}"]
    assert cases.select_one("mtable mtext").get_text() == otherwise
    array = _formula(page, r"\begin{array}").select("mtd")
    assert "border-right" in array[0]["style"] and "border-bottom" in array[0]["style"]
    substack = _formula(page, r"\substack").select_one("munder > mstyle > mtable")
    assert _rows(substack) == ["0≤i≤m", "0<j<n"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_matrix_family_has_rows_and_its_fences(built, lang):
    math = _formula(_page(built, lang), r"\begin{matrix}")
    tables = math.select("mtable")
    assert [_rows(t) for t in tables] == [["12", "34"]] * 4
    fences = [mo.get_text() for mo in math.select("mo[fence]")]
    assert fences == ["(", ")", "[", "]", "|", "|"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tags_operators_arrows_braces_and_boxes(built, lang):
    page = _page(built, lang)
    assert _formula(page, r"\tag{3}").select_one("mtext.tml-tag").get_text() == "(3)"
    argmax = _formula(page, r"\operatorname*").select_one("munder")
    assert [child.get_text() for child in argmax.find_all(recursive=False)] == ["argmax", "y"]
    arrow = _formula(page, r"\xrightarrow").select_one("mover")
    assert arrow.select_one(":scope > mo").get_text() == "→"
    assert arrow.select_one(":scope > mover mtext").get_text() == "SFT"
    braces = _formula(page, r"\underbrace")
    assert braces.select_one("munder > munder > mo").get_text() == "⏟"
    assert braces.select_one("munder > munder + mi").get_text() == "n"
    assert braces.select_one("mover > mover > mo").get_text() == "⏞"
    boxed = _formula(page, r"\boxed")
    assert "border:1px solid" in boxed.select_one("mrow[style]")["style"]
    assert _shown(boxed).strip() == "x=3"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_fonts_and_book_macros_inline(built, lang):
    page = _page(built, lang)
    assert _formula(page, r"\text{奖励}").select_one("mtext").get_text() == "奖励"
    assert _formula(page, r"\mathbb{R}^n").select_one("mi").get_text() == "ℝ"
    assert _formula(page, r"\boldsymbol").select_one("mi").get_text() == "𝜽"
    # \R and \E are declared once in mkdocs.yml (extra.math.macros).
    assert _formula(page, r"\R^d").select_one("mi").get_text() == "ℝ"
    assert _formula(page, r"\E[X]").select_one("mi").get_text() == "𝔼"
    assert all(m["display"] == "inline" for m in page.select("article p math"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_aligned_rows_are_drawn_one_under_the_other_aligned_at_the_equals_sign(
    built, lang, browser
):
    page = browser.new_page()
    try:
        page.goto((built / PAGE[lang] / "index.html").as_uri())
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('#eq-loss mtr')].map(row => {
                const equals = row.querySelectorAll(':scope > mtd')[1].querySelector('mo');
                const box = equals.getBoundingClientRect();
                return [box.left, box.top];
            })"""
        )
    finally:
        page.close()
    (left1, top1), (left2, top2) = boxes
    assert top2 > top1 + 10
    assert abs(left1 - left2) < 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_display_formula_shows_a_scrollbar_on_a_wide_screen(built, lang, browser):
    """Matrices and stretched brackets ink past their box: with sideways scrolling on, that
    showed a vertical scrollbar beside them (Chromium and Windows draw scrollbars)."""
    # Playwright hides scrollbars by default; readers' browsers draw them.
    drawing = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--hide-scrollbars"]
    )
    page = drawing.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto((built / PAGE[lang] / "index.html").as_uri())
        # A scrollbar takes room inside the border: offset size minus client size. A formula
        # is cut when a part of it lies outside its block.
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.book-math-block')].map(b => {
                const box = b.getBoundingClientRect();
                const cut = [...b.querySelectorAll('math *')].some(e => {
                    const r = e.getBoundingClientRect();
                    return r.height && (r.top < box.top || r.bottom > box.bottom);
                });
                const bars = b.offsetWidth - b.clientWidth + b.offsetHeight - b.clientHeight;
                return [b.querySelector('annotation').textContent.trim(), bars, cut];
            })"""
        )
    finally:
        drawing.close()
    assert len(shown) > 10
    assert [(tex, bars, cut) for tex, bars, cut in shown if bars or cut] == []


# -----------------------------------------------------------------------------
# Errors
# -----------------------------------------------------------------------------


def _errors(book: Path) -> list[str]:
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return report_problems(result.stderr)


def test_misspelled_environments_unknown_commands_and_unbalanced_groups_stop_the_build(book):
    _edit(book / ZH, r"\begin{cases} o = 2", r"\begin{csaes} o = 2")
    _edit(book / ZH, r"3a + 2o = 13 \end{cases}", r"3a + 2o = 13 \end{csaes}")
    _edit(book / ZH, "$3a = 9$", r"$3a = \alpah$")
    _edit(book / ZH, "$a = 3$", "$a = {3$")
    _edit(book / ZH, "$x = 3$", r"$x \\ = 3$")
    assert _errors(book) == [
        r"docs/chapters/sft-to-rl.zh.md:50: cannot read the formula '\begin{csaes} "
        r"o = 2 \\ 3a + 2o = 13 \end{csaes}': Temml: No such environment: csaes.",
        r"docs/chapters/sft-to-rl.zh.md:54: cannot read the formula '3a = \alpah': "
        r"Temml: Unsupported function name: \alpah.",
        "docs/chapters/sft-to-rl.zh.md:54: cannot read the formula 'a = {3': "
        "Temml: Expected '}', got 'EOF' at the end of the formula.",
        r"docs/chapters/sft-to-rl.zh.md:56: cannot read the formula 'x \\ = 3': "
        r"a line break (\\) outside an environment is ignored in MathML: put the lines in "
        r"\begin{gathered} ... \end{gathered}, or \begin{aligned} ... \end{aligned} to align "
        "them at &.",
    ]
    assert not list((book / "site").rglob("*.html")), "a failed build wrote pages"


def test_a_bad_formula_after_a_code_sample_of_it_is_named_at_its_own_line(book):
    """A code sample showing the same TeX earlier on the page does not take the message."""
    sample = "```markdown\n代入得 $3a = \\bad$\n```\n\n"
    for path, heading in ((ZH, "## SFT 的根本局限"), (EN, "## The fundamental limit of SFT")):
        _edit(book / path, heading, sample + heading)
    _edit(book / ZH, "$3a = 9$", r"$3a = \bad$")
    lines = (book / ZH).read_text("utf-8").split("\n")
    real = next(n for n, line in enumerate(lines, 1) if "代入得 $3a" in line and n > 45)
    assert _errors(book) == [
        f"{ZH}:{real}: cannot read the formula '3a = \\bad': Temml: Unsupported function "
        "name: \\bad."
    ]


def test_a_bad_formula_in_a_quiz_text_is_named_in_the_quiz_file(book):
    """Quiz texts render outside the page: their formulas are still checked."""
    quiz = book / "docs" / "quizzes" / "sft-to-rl.yml"
    _edit(quiz, "zh: 用上学来类比，", "zh: $\\frac{1}{\\bad}$ 用上学来类比，")
    assert _errors(book) == [
        "docs/quizzes/sft-to-rl.yml:8: cannot read the formula '\\frac{1}{\\bad}': Temml: "
        "Unsupported function name: \\bad."
    ]


def test_an_error_on_a_later_line_of_a_formula_names_that_line(book):
    for path in (ZH, EN):  # the same lines in both languages, so that parity holds
        _edit(
            book / path,
            r"\begin{cases} o = 2 \\ 3a + 2o = 13 \end{cases}",
            "\\begin{cases} o = 2\n        " r"\\ 3a + 2o = \undefined \end{cases}",
        )
    # Each language's page reports its own formula, at the line where Temml stopped.
    assert _errors(book) == [
        f"{path}:{line}: cannot read the formula '\\begin{{cases}} o = 2 \\\\ 3a + 2o = "
        "\\undefined \\end{cases}': Temml: Unsupported function name: \\undefined."
        for path, line in ((EN, 52), (ZH, 51))
    ]


def _config_errors(book: Path) -> list[str]:
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if not line.startswith("INFO")]


def test_a_macro_that_redefines_a_builtin_or_cannot_be_read_stops_the_build(book):
    _edit(
        book / "mkdocs.yml",
        "      \\E: \\mathbb{E}\n",
        "      \\E: \\mathbb{E}\n      \\frac: \\dfrac\n      vx: \\mathbf{x}\n"
        "      \\norm: '\\left\\lVert #1'\n",
    )
    line = (book / "mkdocs.yml").read_text("utf-8").splitlines().index("      \\frac: \\dfrac") + 1
    assert _config_errors(book) == [
        f"ERROR   -  mkdocs.yml:{line + 1}: the math macro name 'vx' is not a command: write a "
        "backslash and letters, such as \\R or \\vx.",
        f"mkdocs.yml:{line}: the math macro \\frac redefines Temml's own \\frac; a book-wide "
        "macro needs a name of its own (such as \\R, \\E, \\vx), so that the same TeX means "
        "the same thing in this book as everywhere else.",
        f"mkdocs.yml:{line + 2}: the math macro \\norm (\\left\\lVert #1) cannot be read: "
        "Temml: Expected '\\right', got 'EOF'.",
    ]


def test_macros_must_be_a_mapping(book):
    _edit(book / "mkdocs.yml", "    macros:\n", "    macro:\n")
    line = (book / "mkdocs.yml").read_text("utf-8").splitlines().index("    macro:") + 1
    assert _config_errors(book)[0] == (
        f"ERROR   -  mkdocs.yml:{line}: extra.math holds one setting, 'macros' (a mapping such "
        "as '\\R: \\mathbb{R}'); found ['macro']."
    )
