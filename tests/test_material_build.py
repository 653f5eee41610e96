"""Figures, tables, equations, references, tabs and footnotes in built books, and their errors.

Each test builds a throwaway copy of the real book with one change, then reads the
built HTML with BeautifulSoup, or the exact error lines of a failed build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import build_site, report_problems
from material_helpers import numbers as _numbers
from material_helpers import refs as _refs

FIXTURES = Path(__file__).parent / "fixtures" / "material"
ZH = "docs/chapters/sft-to-rl.zh.md"
EN = "docs/chapters/sft-to-rl.en.md"
IMG = "docs/chapters/img"
CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}
SECOND = {"zh": "chapters/second/", "en": "en/chapters/second/"}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _build(book: Path):
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    return lambda path: BeautifulSoup((book / "site" / path / "index.html").read_text(), "lxml")


def _errors(book: Path) -> list[str]:
    """The problems of the build's one report (book_report), in its order."""
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return report_problems(result.stderr)


# -----------------------------------------------------------------------------
# Numbers and references
# -----------------------------------------------------------------------------


def _add_second_chapter(book: Path) -> None:
    for lang in ("zh", "en"):
        shutil.copy(FIXTURES / f"second.{lang}.md", book / f"docs/chapters/second.{lang}.md")
    _edit(
        book / "mkdocs.yml",
        "  - chapters/sft-to-rl.md\n",
        "  - chapters/sft-to-rl.md\n  - chapters/second.md\n",
    )


def test_a_second_chapter_numbers_its_own_and_refers_to_the_first(book):
    _add_second_chapter(book)
    page = _build(book)
    zh, en = page(SECOND["zh"]), page(SECOND["en"])
    assert _numbers(zh) == {"fig-steps": "图 2-1", "tab-costs": "表 2-1", "eq-price": "（2-1）"}
    assert _numbers(en) == {
        "fig-steps": "Figure 2-1",
        "tab-costs": "Table 2-1",
        "eq-price": "(2-1)",
    }
    assert _refs(zh) == [
        ("../sft-to-rl/#fig-training-stages", "图 1-1"),
        ("#fig-steps", "图 2-1"),
        ("#tab-costs", "表 2-1"),
        ("#eq-price", "式（2-1）"),
        ("#figures", "图与表"),
        ("../sft-to-rl/#quiz-sft-to-rl-emily-apple-price", "测验第 6 题"),
    ]
    assert _refs(en) == [
        ("../sft-to-rl/#fig-training-stages", "Figure 1-1"),
        ("#fig-steps", "Figure 2-1"),
        ("#tab-costs", "Table 2-1"),
        ("#eq-price", "Equation (2-1)"),
        ("#figures", "Figures and tables"),
        ("../sft-to-rl/#quiz-sft-to-rl-emily-apple-price", "Question 6"),
    ]
    # The first chapter keeps its numbers.
    assert _numbers(page(CHAPTER["en"]))["fig-training-stages"] == "Figure 1-1"


def test_tabs_footnotes_and_untitled_boxes_in_both_languages(book):
    _add_second_chapter(book)
    page = _build(book)
    for lang, titles, back in (
        ("zh", ["注意", "想一想"], "回到正文中脚注 1 的位置"),
        ("en", ["Note", "Think about it"], "Back to footnote 1 in the text"),
    ):
        article = page(SECOND[lang]).select_one("article")
        tabs = article.select(".tabbed-set.tabbed-alternate .tabbed-labels label")
        assert [label.get_text() for label in tabs] == ["PyTorch", "JAX"]
        boxes = article.select(":is(.note, .question) > .admonition-title")
        assert [p.get_text() for p in boxes] == titles
        backref = article.select_one(".footnote a.footnote-backref")
        assert backref["aria-label"] == back and backref["href"] == "#fnref:note"
        ref = article.select_one("sup a.footnote-ref")
        assert ref["href"] == "#fn:note"


def test_numbers_follow_a_moved_and_an_added_figure(book):
    block_zh = (
        "    ![四行圆点是四个解法的步骤，第 1 行 5 步，第 2 行 4 步，"
        "第 3 行 7 步，第 4 行只有 1 步，"
        "每一行都以箭头指向答案 3](img/four-solutions.svg)\n\n"
        "    /// figure-caption | #fig-four-solutions\n"
        "    四个解法的步数各不相同，但都到达答案 3。\n    ///\n"
    )
    block_en = (
        "    ![Four rows of dots are the steps of the four solutions: 5 steps in row 1, 4 in "
        "row 2, 7 in row 3 and a single step in row 4, each row ending in an arrow to the "
        "answer 3](img/four-solutions.svg)\n\n"
        "    /// figure-caption | #fig-four-solutions\n"
        "    The four solutions take different numbers of steps, but all reach the answer 3.\n"
        "    ///\n"
    )
    for path, block in ((ZH, block_zh), (EN, block_en)):
        # Move the four solutions' figure to the first section, before the stages' figure.
        _edit(book / path, block, "")
        moved = block.replace("\n    ", "\n").removeprefix("    ")
        _edit(book / path, "## ", f"{moved}\n## ")
        # Add a new figure at the very end.
        text = (book / path).read_text("utf-8")
        (book / path).write_text(
            text + "\n![x](img/four-solutions.svg)\n\n/// figure-caption | #fig-new\nx\n///\n"
        )
    page = _build(book)
    assert _numbers(page(CHAPTER["zh"])) == {
        "fig-four-solutions": "图 1-1",
        "fig-training-stages": "图 1-2",
        "tab-textbook-parts": "表 1-1",
        "eq-emily-system": "（1-1）",
        "fig-new": "图 1-3",
    }
    assert _refs(page(CHAPTER["en"])) == [
        ("#fig-training-stages", "Figure 1-2"),
        ("#tab-textbook-parts", "Table 1-1"),
        ("#eq-emily-system", "Equation (1-1)"),
        ("#fig-four-solutions", "Figure 1-1"),
    ]


def test_numbers_close_up_when_a_figure_is_removed(book):
    for path in (ZH, EN):
        text = (book / path).read_text("utf-8")
        blocks = text.split("\n\n")
        # The stages' figure: its image, its caption, and the paragraph that refers to it.
        gone = [b for b in blocks if "training-stages" in b]
        assert len(gone) == 3, gone
        (book / path).write_text("\n\n".join(b for b in blocks if b not in gone), "utf-8")
    page = _build(book)
    assert _numbers(page(CHAPTER["zh"])) == {
        "fig-four-solutions": "图 1-1",
        "tab-textbook-parts": "表 1-1",
        "eq-emily-system": "（1-1）",
    }
    assert _refs(page(CHAPTER["en"])) == [
        ("#eq-emily-system", "Equation (1-1)"),
        ("#fig-four-solutions", "Figure 1-1"),
    ]


# -----------------------------------------------------------------------------
# Errors: file, line, what is wrong, no traceback
# -----------------------------------------------------------------------------


def test_an_image_missing_in_chinese(book):
    (book / IMG / "training-stages.svg").unlink()  # the English copy stays
    assert _errors(book) == [
        "docs/chapters/sft-to-rl.zh.md:19: the image 'img/training-stages.svg' does "
        "not exist: add docs/chapters/img/training-stages.svg (shared by every language) or a "
        "localized copy such as docs/chapters/img/training-stages.zh.svg.",
    ]
    assert not list((book / "site").rglob("*.html")), "a failed build wrote pages"


def test_an_image_missing_in_english(book):
    # Only a Chinese copy: the English page has no image to show.
    (book / IMG / "training-stages.en.svg").unlink()
    (book / IMG / "training-stages.svg").rename(book / IMG / "training-stages.zh.svg")
    assert _errors(book) == [
        "docs/chapters/sft-to-rl.en.md:20: the image 'img/training-stages.svg' does "
        "not exist: add docs/chapters/img/training-stages.svg (shared by every language) or a "
        "localized copy such as docs/chapters/img/training-stages.en.svg.",
    ]
    assert not list((book / "site" / "en").rglob("*.html")), "a failed build wrote pages"


def test_a_reference_to_an_unknown_id(book):
    for path in (ZH, EN):
        _edit(book / path, "[](#fig-training-stages)", "[](#fig-training-stage)")
    # Both languages in one run, grouped by file.
    assert _errors(book) == [
        f"docs/chapters/sft-to-rl.{lang}.md:{line}: the reference [](#fig-training-stage) "
        "points to no figure, table, equation, section or quiz question: this page has no id "
        "'fig-training-stage'. Ids of its figures, tables and equations: fig-training-stages, "
        "tab-textbook-parts, eq-emily-system, fig-four-solutions."
        for lang, line in (("en", 18), ("zh", 17))
    ]


def test_a_duplicate_figure_id(book):
    for path in (ZH, EN):
        _edit(book / path, "| #fig-four-solutions", "| #fig-training-stages")
        _edit(book / path, "[](#fig-four-solutions)", "[](#fig-training-stages)")
    assert _errors(book) == [
        f"docs/chapters/sft-to-rl.{lang}.md:{line}: the id 'fig-training-stages' is already "
        f"used by the figure at line {first}; an id names one element of a page (links and "
        "references reach only the first): give this figure an id of its own."
        for lang, line, first in (("en", 65, 22), ("zh", 64, 21))
    ]


def test_invalid_latex_is_reported_with_the_renderers_message(book):
    _edit(book / ZH, "$3a = 9$", r"$3a = \frac{9}$")
    _edit(book / ZH, "$x$", "$x^$")
    assert _errors(book) == [
        r"docs/chapters/sft-to-rl.zh.md:54: cannot read the formula '3a = \frac{9}': "
        "Temml: Unexpected end of input in a macro argument, expected '}' at the end of the "
        "formula.",
        "docs/chapters/sft-to-rl.zh.md:56: cannot read the formula 'x^': "
        "Temml failed on it (TypeError: Cannot read properties of null (reading 'type')).",
    ]
