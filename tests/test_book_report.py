"""One run reports every problem of the book, grouped by file, in line order.

A copy of the real book broken with one mistake of each kind (tests/fixtures/broken-book/
adds a copied chapter; BREAKS edits the copy) stops the build once, with all of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from book_report import ordered
from conftest import build_site

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
    "docs/chapters/sft-to-rl.zh.md:54: cannot read the formula '3a = \\frac{9}': \\frac "
    "needs 2 arguments, found 1.",
    "docs/chapters/sft-to-rl.zh.md:91: the id 'pipeline' is already used by the heading "
    "at line 9; an id names one element of a page (links and references reach only the "
    "first): give this heading an id of its own.",
    "docs/glossary.yml:13: term 'large-language-model' → variants.zh.1: the text is empty"
    " (found ''); write it, or remove it from the list.",
    "docs/quizzes/sft-to-rl.yml:16: the reference [](#fig-pipeline) points to no figure, "
    "table, equation, section or quiz question of docs/chapters/sft-to-rl.en.md, the page"
    " that shows this quiz.",
]
