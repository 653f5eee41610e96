"""One run reports every problem of the book, grouped by file, in line order.

A copy of the real book broken with one mistake of each kind (tests/fixtures/broken-book/
adds a copied chapter; BREAKS edits the copy) stops the build once, with all of them.
"""

# ruff: noqa: E501 - tables of edits, one a line
from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import build_site
from textbook.report import ordered

FIXTURE = Path(__file__).parent / "fixtures" / "broken-book"
ZH, EN = "docs/chapters/sft-to-rl.zh.md", "docs/chapters/sft-to-rl.en.md"
QUIZ = "docs/quizzes/sft-to-rl.yml"

# (file, text, replaced by): one author mistake each.
BREAKS = [
    # the nav lists the copied chapter (its English page is missing)
    (
        "mkdocs.yml",
        "  - chapters/sft-to-rl.md\n",
        "  - chapters/sft-to-rl.md\n  - chapters/copied.md\n",
    ),
    # structure: a heading lost its id (a table row above has its words)
    (
        EN,
        "### Practice problems: only the final answer {#practice-problems}",
        "### Practice problems: only the final answer",
    ),
    # math the renderer cannot read
    (ZH, "$3a = 9$", r"$3a = \frac{9}$"),
    # a reference to an id that does not exist
    (EN, "[](#tab-textbook-parts)", "[](#tab-textbook-part)"),
    # a footnote used and defined nowhere
    (EN, "Recall what we covered earlier", "Recall[^recall] what we covered earlier"),
    # two headings with one id, in both languages
    (ZH, "## 本章测验 {#quiz}", "### 小结 {#pipeline}\n\n## 本章测验 {#quiz}"),
    (EN, "## Chapter quiz {#quiz}", "### Summary {#pipeline}\n\n## Chapter quiz {#quiz}"),
    # a cross-reference in a quiz explanation to an id the chapter does not have
    (
        QUIZ,
        "          en: Reading the exposition",
        "          en: See [](#fig-pipeline). Reading the exposition",
    ),
    # an empty variant in the glossary
    ("docs/glossary.yml", "      zh: [大模型, LLM]", "      zh: [大模型, '']"),
]


def _break(book: Path) -> None:
    shutil.copytree(FIXTURE / "docs", book / "docs", dirs_exist_ok=True)
    for name, old, new in BREAKS:
        path = book / name
        text = path.read_text("utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_broken_book_reports_every_mistake_in_one_run(book):
    _break(book)
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not [p for p in (book / "site").rglob("*") if p.is_file()], "a failed build wrote files"
    header, *rest = result.stderr.split("ERROR   -  ", 1)[1].split("\n")
    assert header == f"The build stopped on {len(EXPECTED)} problems:"
    report = [line[2:] for line in rest[: len(EXPECTED) + 1] if line.startswith("  ")]
    assert report == EXPECTED
    assert ordered(EXPECTED) == EXPECTED  # grouped by file, in line order


# Every mistake of BREAKS, and what a copied chapter brings along.
EXPECTED = [
    "docs/chapters/copied.zh.md has no en version: create docs/chapters/copied.en.md (a "
    "page missing in one language is never filled in from another).",
    "docs/chapters/copied.zh.md:5: the caption block '/// figure-caption' follows a "
    "paragraph, not its image: it would number and caption that instead. Put the caption "
    "block right after its image.",
    "docs/chapters/copied.zh.md:11: the block '/// figure-caption' is never closed, so "
    "everything after it, to the end of the page, goes into it; end it with a line '///'.",
    "docs/chapters/copied.zh.md:16: the page shows the quiz 'sft-to-rl', which "
    "docs/chapters/sft-to-rl.zh.md:95 shows too; two pages would share its questions and "
    "its score. Give this page a quiz of its own (docs/quizzes/<its name>.yml).",
    "docs/chapters/sft-to-rl.en.md:18: the reference [](#tab-textbook-part) points to no "
    "figure, table, equation, section or quiz question: this page has no id "
    "'tab-textbook-part'. Ids of its figures, tables and equations: fig-training-stages, "
    "tab-textbook-parts, eq-emily-system, fig-four-solutions.",
    "docs/chapters/sft-to-rl.en.md:18: a link to '#tab-textbook-part' where "
    "docs/chapters/sft-to-rl.zh.md:17 links to '#tab-textbook-parts'; a link goes to the "
    "same place in every language.",
    "docs/chapters/sft-to-rl.en.md:36: the heading 'Practice problems: only the final "
    "answer' has no id where docs/chapters/sft-to-rl.zh.md:35 has {#practice-problems}; "
    "add {#practice-problems}.",
    "docs/chapters/sft-to-rl.en.md:75: the footnote [^recall] is defined nowhere, so "
    "readers would see '[^recall]'; add its text on a line of its own, '[^recall]: The "
    "note.', in this language's page.",
    "docs/chapters/sft-to-rl.en.md:92: the id 'pipeline' is already used by the heading "
    "at line 10; an id names one element of a page (links and references reach only the "
    "first): give this heading an id of its own.",
    "docs/chapters/sft-to-rl.zh.md:54: cannot read the formula '3a = \\frac{9}': Temml: "
    "Unexpected end of input in a macro argument, expected '}' at the end of the formula.",
    "docs/chapters/sft-to-rl.zh.md:91: the id 'pipeline' is already used by the heading "
    "at line 9; an id names one element of a page (links and references reach only the "
    "first): give this heading an id of its own.",
    "docs/glossary.yml:13: term 'large-language-model' → variants.zh.1: the text is empty"
    " (found ''); write it, or remove it from the list.",
    "docs/quizzes/sft-to-rl.yml:16: the reference [](#fig-pipeline) points to no figure, "
    "table, equation, section or quiz question of docs/chapters/sft-to-rl.en.md, the page"
    " that shows this quiz.",
]


# -----------------------------------------------------------------------------
# Cross-references in a quiz read as in the chapter
# -----------------------------------------------------------------------------

# Every text of a question that renders Markdown: question, hint, option text, option
# explanation, the question's explanation.
QUIZ_REFS = [
    ("      zh: Emily 买了", "      zh: 见[](#fig-training-stages)。Emily 买了"),
    ("      en: Emily buys", "      en: See [](#fig-training-stages). Emily buys"),
    ("      zh: 填一个数字，例如 5。", "      zh: 见[](#tab-textbook-parts)。"),
    ("      en: Enter a number, for example 5.", "      en: See [](#tab-textbook-parts)."),
    ("      zh: 橙子共 2 × 2", "      zh: 见[](#eq-emily-system)。橙子共 2 × 2"),
    ("      en: The oranges cost", "      en: See [](#eq-emily-system). The oranges cost"),
    ("          zh: 说明性正文\n", "          zh: 说明性正文（[](#school-analogy)）\n"),
    ("          en: The exposition\n", "          en: The exposition ([](#school-analogy))\n"),
    ("          zh: 读说明性正文", "          zh: 见[](#quiz-sft-to-rl-emily-apple-price)。读说明性正文"),
    ("          en: Reading the exposition", "          en: See [](#quiz-sft-to-rl-emily-apple-price). Reading the exposition"),
]  # fmt: skip


def test_a_reference_in_a_quiz_reads_as_in_the_chapter(book):
    quiz = book / QUIZ
    text = quiz.read_text("utf-8")
    for old, new in QUIZ_REFS:
        assert old in text, old
        text = text.replace(old, new, 1)
    quiz.write_text(text, "utf-8")
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    for page, words in (
        # An option's text shows twice: as the option, and again with the answer.
        ("chapters/sft-to-rl", ["表 1-1", "测验第 6 题", "图 1-1", "式（1-1）", *["上学的类比"] * 2]),
        ("en/chapters/sft-to-rl", ["Table 1-1", "Question 6", "Figure 1-1", "Equation (1-1)", *["The school analogy"] * 2]),
    ):  # fmt: skip
        html = BeautifulSoup((book / "site" / page / "index.html").read_text("utf-8"), "lxml")
        links = [a for a in html.select("a.book-ref") if a.find_parent(class_="quiz")]
        assert sorted(a.get_text() for a in links) == sorted(words)


# -----------------------------------------------------------------------------
# A book that translates every string literal in its code
# -----------------------------------------------------------------------------


def test_a_book_whose_code_strings_are_all_translated_builds_strictly_without_marks(book):
    for path, greeting in ((ZH, "你好"), (EN, "Hello")):
        code = f'```python\nprint("{greeting}")\nanswer = 3\n```\n\n## '
        text = (book / path).read_text("utf-8")
        (book / path).write_text(text.replace("\n## ", "\n" + code, 1), "utf-8")
    unmarked = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert unmarked.returncode != 0
    assert (
        'WARNING -  docs/chapters/sft-to-rl.en.md:11: the string "Hello" differs' in unmarked.stderr
    )
    config = book / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "extra:\n", "extra:\n  parity:\n    code_strings: translated\n", 1
        ),
        "utf-8",
    )
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    assert "differs" not in result.stderr
