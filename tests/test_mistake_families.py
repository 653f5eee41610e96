"""Author mistakes that once gave wrong output or a traceback, each family member with its
exact message. Read through the plain modules, without a build (test_book_report.py builds
a broken book with one of each)."""

# ruff: noqa: E501 - tables of cases, one case a line

from __future__ import annotations

import markdown
import pytest

from parity_helpers import MORE_EXTENSIONS, config_of, status_of, write_pair
from textbook.numbering.book_numbers import LanguageNumbers
from textbook.numbering.extension import BookExtension
from textbook.sources.blocks import duplicate_footnotes, unclosed_blocks
from textbook.sources.outline import Recorder
from textbook.sources.pages import front_matter

# -----------------------------------------------------------------------------
# Blocks never closed
# -----------------------------------------------------------------------------

BLOCK = (
    "x.md:{}: the block '{}' is never closed, so everything after it, to the end of the "
    "page, goes into it; end it with a line '{}'."
)
HTML = (
    "x.md:{}: the <{}> that starts here is never closed, so everything after it, to the end "
    "of the page, goes into it; close it with </{}>."
)


@pytest.mark.parametrize(
    "text, problems",
    [
        ("# T\n\n![a](a.svg)\n\n/// figure-caption | #fig-a\nA.\n\n## Quiz\n", [BLOCK.format(5, "/// figure-caption", "///")]),
        ("# T\n\n| a |\n| - |\n| 1 |\n\n/// table-caption\nA.\n", [BLOCK.format(7, "/// table-caption", "///")]),
        (  # an inner block left open inside a closed outer one
            "//// tab | A\n\n/// figure-caption\nA.\n\n////\n",
            [BLOCK.format(3, "/// figure-caption", "///")],
        ),
        ("# T\n\n```python\nx = 1\n", ["x.md:3: the code block opened with ``` is never closed, so it is shown as plain text; end the code with a line ```."]),
        ("# T\n\n!!! note\n\n    ~~~~text\n    a\n    ~~~\n", ["x.md:5: the code block opened with ~~~~ is never closed, so it is shown as plain text; end the code with a line ~~~~."]),
        ("# T\n\n<div markdown>\n\nText.\n", [HTML.format(3, "div", "div")]),
        ("# T\n\n<details><summary>S</summary>\n\nText.\n", [HTML.format(3, "details", "details")]),
        ("# T\n\n<!-- a note\n\nText.\n", ["x.md:3: the HTML comment '<!--' that starts here is never closed, so everything after it is hidden from readers; end it with '-->'."]),
        (  # closed, and the syntax shown in code
            "# T\n\n/// figure-caption\nA.\n///\n\n```markdown\n/// figure-caption\n<div>\n<!--\n```\n\n<div markdown>\n\nA <b>b</b>.\n\n</div>\n",
            [],
        ),
    ],
    ids=["caption", "table-caption", "nested", "fence", "tilde-fence", "div", "details", "comment", "closed"],
)  # fmt: skip
def test_every_block_left_open_is_named_at_its_line(text, problems):
    assert unclosed_blocks(text, "x.md") == problems


def test_lines_count_from_the_files_first_line():
    body = "# T\n\n```\nx\n"
    assert unclosed_blocks(body, "x.md", first_line=5)[0].startswith("x.md:7: ")


# -----------------------------------------------------------------------------
# What a page renders: ids, captions, footnotes (textbook/collect.py)
# -----------------------------------------------------------------------------


class _Files:
    def get_file_from_path(self, path):
        return object()


def _problems(source: str, files=None) -> list[str]:
    config = config_of("parallel")
    book = BookExtension()
    # As in the build: the parity recorder gives block lines (parity/source_map.py).
    extensions = [
        e for e in config.markdown_extensions if not isinstance(e, BookExtension | Recorder)
    ]
    md = markdown.Markdown(
        extensions=[*extensions, Recorder(), book], extension_configs=config.mdx_configs
    )
    body, _ = front_matter(source, "x.md")
    book.start_build()
    book.start_page(
        name="x.md",
        src_uri="chapters/x.md",
        source=source,
        files=files or _Files(),
        locale="en",
        body=body,
    )
    md.convert(body)
    return book.problems


DUPLICATE = (
    "x.md:{}: the id '{}' is already used by the {} at line {}; an id names one element of a "
    "page (links and references reach only the first): give this {} an id of its own."
)


@pytest.mark.parametrize(
    "source, problem",
    [
        ("# T\n\n## A {#a}\n\n## B {#a}\n", DUPLICATE.format(5, "a", "heading", 3, "heading")),
        (
            "# T\n\n## A {#fig-a}\n\n![x](x.svg)\n\n/// figure-caption | #fig-a\nX.\n///\n",
            DUPLICATE.format(7, "fig-a", "heading", 3, "figure"),
        ),
        (
            "# T\n\n| a |\n| - |\n| 1 |\n\n/// table-caption | #t\nT.\n///\n\n"
            "| b |\n| - |\n| 2 |\n\n/// table-caption | #t\nU.\n///\n",
            DUPLICATE.format(15, "t", "table", 7, "table"),
        ),
        (
            "# T\n\n$$\na = b\n\\label{eq-a}\n$$\n\n## E {#eq-a}\n",
            DUPLICATE.format(8, "eq-a", "equation", 5, "heading"),
        ),
        ("# T\n\nA paragraph.\n{: #p }\n\n## H {#p}\n", DUPLICATE.format(6, "p", "paragraph", 4, "heading")),
    ],
    ids=["headings", "heading-figure", "tables", "equation-heading", "paragraph-heading"],
)  # fmt: skip
def test_two_elements_with_one_id(source, problem):
    assert _problems(source) == [problem]


BEFORE = (
    "x.md:{}: the caption block '/// {}-caption' follows {}, not its {}: it would number "
    "and caption that instead. Put the caption block right after its {}."
)


@pytest.mark.parametrize(
    "source, problem",
    [
        ("# T\n\nText.\n\n/// figure-caption | #fig-a\nA.\n///\n\n![x](x.svg)\n", BEFORE.format(5, "figure", "a paragraph", "image", "image")),
        ("# T\n\nText.\n\n/// table-caption | #tab-a\nA.\n///\n\n| a |\n| - |\n| 1 |\n", BEFORE.format(5, "table", "a paragraph", "table", "table")),
        ("# T\n\n- a\n- b\n\n/// figure-caption\nA.\n///\n", BEFORE.format(6, "figure", "a list", "image", "image")),
    ],
    ids=["figure", "table", "list"],
)  # fmt: skip
def test_a_caption_block_before_its_image_or_table(source, problem):
    assert _problems(source) == [problem]


def test_captions_after_what_they_caption_pass():
    source = (
        "# T\n\n![x](x.svg)\n\n/// figure-caption | #fig-a\nA.\n///\n\n"
        "```python\nx = 1\n```\n\n/// figure-caption | #fig-b\nB.\n///\n\n"
        "| a |\n| - |\n| 1 |\n\n/// table-caption | #tab-a\nT.\n///\n"
    )
    assert _problems(source) == []


def test_a_footnote_defined_in_neither_language():
    source = "# T\n\nOne[^a] and two[^b], `[^code]`.\n\n[^a]: Defined.\n"
    assert _problems(source) == [
        "x.md:3: the footnote [^b] is defined nowhere, so readers would see '[^b]'; add its "
        "text on a line of its own, '[^b]: The note.', in this language's page."
    ]


# -----------------------------------------------------------------------------
# Cross-references in quiz texts (rendered after the pages)
# -----------------------------------------------------------------------------


def test_a_reference_in_a_quiz_text_reads_as_in_the_chapter():
    from textbook.numbering.collect import Item, PageRecord

    record = PageRecord(name="x.md", src_uri="chapters/x.md")
    record.items = [Item("figure", "fig-a", 3), Item("table", "tab-a", 9)]
    record.headings = {"sec": "A section"}
    record.questions = {"quiz-x-q": 2}
    labels = {
        "ref": {
            "figure": "Figure {number}",
            "table": "Table {number}",
            "equation": "Equation ({number})",
            "question": "Question {number}",
        }
    }
    numbers = LanguageNumbers(
        {"chapters/x.md": record}, {"chapters/x.md": ["1-1", "1-1"]}, labels, {}
    )
    html = (
        '<p>See <a href="#fig-a"></a>, <a href="#tab-a"></a>, <a href="#sec"></a>, '
        '<a href="#quiz-x-q"></a>, <a href="x.md#fig-a"></a>, <a href="#nope"></a> and '
        '<a href="#fig-a">words</a>.</p>'
    )
    assert numbers.fill_links(html, "chapters/x.md") == (
        '<p>See <a class="book-ref" href="#fig-a">Figure 1-1</a>, <a class="book-ref" '
        'href="#tab-a">Table 1-1</a>, <a class="book-ref" href="#sec">A section</a>, '
        '<a class="book-ref" href="#quiz-x-q">Question 2</a>, <a class="book-ref" '
        'href="x.md#fig-a">Figure 1-1</a>, <a href="#nope"></a> and <a href="#fig-a">words</a>.</p>',
        ["#nope"],
    )


# -----------------------------------------------------------------------------
# Empty files
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("empty", ["", "\n\n", "---\ntitle: X\n---\n"])
def test_an_empty_page_is_named_not_a_traceback(tmp_path, empty):
    docs = tmp_path / "docs"
    write_pair(docs, "# 标题\n\n正文。\n", empty)
    line = 4 if empty.startswith("---") else 1
    assert status_of(docs, MORE_EXTENSIONS).problems == [
        f"docs/chapters/x.en.md:{line}: the page is empty, so readers would get a blank page; "
        "write it (start from a copy of docs/chapters/x.zh.md and translate it)."
    ]


def test_text_that_looks_like_a_declaration_is_text():
    # html.parser stops on `<![` that opens no CDATA section; the page shows it as text.
    assert unclosed_blocks("# T\n\n<![x](a.svg)\n", "x.md") == []


def test_a_footnote_defined_twice():
    body = "# T\n\nA[^a].\n\n[^a]: One.\n\n```\n[^a]: shown as code\n```\n\n[^a]: Two.\n"
    assert duplicate_footnotes(body, "x.md", first_line=3) == [
        "x.md:13: the footnote [^a] is defined twice (also on line 7); readers would see only "
        "this text. Keep one, or give the other note a name of its own."
    ]


class _NoImages:
    def get_file_from_path(self, path):
        return None


def test_a_missing_image_is_named_at_its_own_line_not_where_code_shows_it():
    source = (
        "---\ntitle: X\n---\n\n# T\n\n```markdown\n![x](img/a.svg)\n```\n\n"
        "Text and ![x](img/a.svg).\n"
    )
    assert _problems(source, _NoImages()) == [
        "x.md:11: the image 'img/a.svg' does not exist: add docs/chapters/img/a.svg (shared by "
        "every language) or a localized copy such as docs/chapters/img/a.en.svg."
    ]
