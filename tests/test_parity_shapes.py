"""The shapes a real bilingual book has, each checked as the renderer reads it."""

from __future__ import annotations

import markdown
import pytest

import parity_helpers
from parity_helpers import MORE_EXTENSIONS, status_of, write_pair
from textbook.sources.outline import Recorder
from textbook.translation.check import check_book
from textbook.translation.parity.pairing import pair_blocks

ZH, EN = "docs/chapters/x.zh.md", "docs/chapters/x.en.md"


@pytest.fixture
def check(tmp_path):
    """check(zh, en) -> (errors, warnings) of a one-chapter book."""

    def run(zh: str, en: str):
        docs = tmp_path / "docs"
        write_pair(docs, zh, en)
        status = status_of(docs, MORE_EXTENSIONS)
        return status.problems, status.warnings

    return run


CPP = """# 标题

```cpp
int *p = new int[3];  // 分配三个整数
/* 用完以后
   释放 */
delete[] p;
```
"""
CPP_EN = (
    CPP.replace("标题", "Title")
    .replace("分配三个整数", "three ints")
    .replace("用完以后", "when done")
).replace("释放", "free them")


def test_translated_comments_pass(check):
    assert check(CPP, CPP_EN) == ([], [])


def test_a_dropped_statement_fails_at_its_line(check):
    assert check(CPP, CPP_EN.replace("delete[] p;\n", "")) == (
        [
            f"{EN}:7: the code differs from {ZH}:7: the end of the block where it has 'delete'; "
            "only comments may differ (text in each language: mark both fences { .translated })."
        ],
        [],
    )


def test_a_changed_number_fails(check):
    errors, _ = check(CPP, CPP_EN.replace("int[3]", "int[4]"))
    assert errors == [
        f"{EN}:4: the code differs from {ZH}:4: '4' where it has '3'; only comments may differ "
        "(text in each language: mark both fences { .translated })."
    ]


PY = '# 标题\n\n```python\nprint("你好")  # 打招呼\n```\n'


def test_a_translated_string_is_a_warning_an_author_can_accept(check):
    en = PY.replace("你好", "hello").replace("打招呼", "greet")
    assert check(PY, en) == (
        [],
        [
            f'{EN}:4: the string "hello" differs from "你好" at {ZH}:4; if it is translated on '
            "purpose, mark both fences { .strings-translated }."
        ],
    )
    marked = "```python { .strings-translated }"
    assert check(PY.replace("```python", marked), en.replace("```python", marked)) == ([], [])


def test_translated_text_blocks_are_marked(check):
    zh = "# 标题\n\n``` { .text .translated }\n你好\n```\n"
    assert check(zh, zh.replace("你好", "Hello")) == ([], [])
    assert check(zh, zh.replace("你好", "Hello").replace(" .translated", ""))[0] != []


TABS = """# 标题

=== "PyTorch"

    ```python
    x = 1
    ```

=== "JAX"

    ```python
    y = 2
    ```
"""


def test_tabs_renamed_swapped_or_missing(check):
    def tabs(labels: str) -> str:
        return (
            f"{EN}:3: tabs {labels} where {ZH}:3 has ('PyTorch', 'JAX'); use the same tabs in "
            "the same order."
        )

    assert check(TABS, TABS.replace('"JAX"', '"Flax"')) == ([tabs("('PyTorch', 'Flax')")], [])
    first, second = TABS.split('\n=== "JAX"')
    swapped = '# 标题\n\n=== "JAX"' + second + "\n" + first.split("# 标题\n\n")[1]
    assert check(TABS, swapped) == ([tabs("('JAX', 'PyTorch')")], [])
    assert check(TABS, first) == ([tabs("('PyTorch')")], [])


def test_translated_tab_labels_pass(check):
    zh = TABS.replace('"PyTorch"', '"输出"')
    assert check(zh, TABS.replace('"PyTorch"', '"Output"')) == ([], [])


def test_a_one_column_table_and_a_dropped_column(check):
    one = "# 标题\n\n| 甲 |\n| --- |\n| 1 |\n\n正文。\n"
    assert check(one, "# Title\n\nText.\n") == (
        [f"{EN}:3: missing the table of {ZH}:3; add it here, before the paragraph 'Text.…'."],
        [],
    )
    two = "# 标题\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n"
    assert check(two, "# Title\n\n| A |\n| --- |\n| 1 |\n") == (
        [f"{EN}:3: a table of 2 rows x 1 column where {ZH}:3 has 2 rows x 2 columns."],
        [],
    )


def test_a_setext_heading_is_a_heading(check):
    zh = "# 标题\n\n## 一节 {#one}\n\n正文。\n"
    assert check(zh, "Title\n=====\n\nSection {#one}\n--------------\n\nText.\n") == ([], [])
    assert check(zh, "Title\n=====\n\nSection {#one}\n==============\n\nText.\n") == (
        [
            f"{EN}:4: 'Section' is a first-level heading where {ZH}:3 '一节' is second-level; "
            "use the same level."
        ],
        [],
    )


def test_an_unclosed_fence_does_not_hide_the_rest_of_the_page(check):
    zh = "# 标题\n\n```python\nx = 1\n\n## 一节 {#one}\n\n正文。\n"
    en = "# Title\n\n```python\nx = 1\n\n## Section {#two}\n\nText.\n"
    unclosed = (
        "{}:3: the code block opened with ``` is never closed, so it is shown as plain text; "
        "end the code with a line ```."
    )
    assert check(zh, en) == (
        [
            unclosed.format(EN),
            f"{EN}:6: the heading 'Section' has the id {{#two}} where {ZH}:6 has {{#one}}; "
            "use {#one}.",
            unclosed.format(ZH),
        ],
        [],
    )


def test_an_html_image_and_an_html_heading_count(check):
    zh = '# 标题\n\n<h2 id="raw">原始</h2>\n\n<img src="a.png" alt="图">\n\n正文。\n'
    en = "# Title\n\nText.\n"
    assert check(zh, en) == (
        [
            f"{EN}:3: missing the second-level heading '原始' {{#raw}} of {ZH}:3; add it here, "
            "before the paragraph 'Text.…'.",
            f"{EN}:3: missing the image 'a.png' of {ZH}:5; add it here, before the paragraph "
            "'Text.…'.",
        ],
        [],
    )


# Each of these is a block the side-by-side view pairs by position: one language
# without it would shift every block after it.
@pytest.mark.parametrize(
    ("zh", "en", "problem"),
    [
        (
            "# 标题\n\n正文。\n\n***\n\n再一段。\n",
            "# Title\n\nText.\n\nMore.\n",
            f"{EN}:5: missing the horizontal rule of {ZH}:5; add it here, before the paragraph "
            "'More.…'.",
        ),
        (
            "# 标题\n\n<table><tr><td>甲</td></tr></table>\n\n正文。\n",
            "# Title\n\nText.\n",
            f"{EN}:3: missing the HTML block <table> of {ZH}:3; add it here, before the "
            "paragraph 'Text.…'.",
        ),
        (
            "# 标题\n\n<details><summary>更多</summary>内容</details>\n\n正文。\n",
            "# Title\n\nText.\n",
            f"{EN}:3: missing the HTML block <details> of {ZH}:3; add it here, before the "
            "paragraph 'Text.…'.",
        ),
        (
            "# 标题\n\n术语\n:   定义。\n\n词元\n:   单位。\n",
            "# Title\n\nTerm\n:   Definition.\n",
            f"{EN}:3: a definition list of 1 item where {ZH}:3 has a definition list of 2 items; "
            "keep the items parallel.",
        ),
    ],
    ids=["rule", "html-table", "html-details", "definition-list"],
)
def test_rules_raw_html_blocks_and_definition_lists_are_paired(check, zh, en, problem):
    assert check(zh, en) == ([problem], [])


def test_a_renamed_equation_label_or_figure_id_is_named(check):
    zh = "# 标题\n\n$$\nx = 1 \\label{eq-a}\n$$\n\n![图](a.png)\n\n"
    zh += "/// figure-caption | #fig-a\n图。\n///\n"
    en = "# Title\n\n$$\nx = 1 \\label{eq-b}\n$$\n\n![Fig](a.png)\n\n"
    en += "/// figure-caption | #fig-b\nFig.\n///\n"
    assert check(zh, en) == (
        [
            f"{EN}:3: the equation \\label{{eq-b}} where {ZH}:3 has the equation "
            "\\label{eq-a}; use the same in both.",
            f"{EN}:7: the figure {{#fig-b}} where {ZH}:7 has the figure {{#fig-a}}; use the same "
            "in both.",
        ],
        [],
    )


def test_a_link_is_located_where_it_is_written_not_at_a_heading_with_its_id(check):
    zh = "# 标题\n\n## 甲 {#a}\n\n正文。\n\n## 乙 {#b}\n\n见[](#b)。\n"
    en = "# Title\n\n## A {#a}\n\nText.\n\n## B {#b}\n\nSee it.\n"
    assert check(zh, en) == (
        [f"{EN}:9: missing the link to '#b' of {ZH}:9; link the same place in every language."],
        [],
    )


def test_a_blockquote_and_a_footnote_in_one_language_only(check):
    zh = "# 标题\n\n> 注意这一点。\n\n正文[^a]。\n\n[^a]: 脚注。\n"
    en = "# Title\n\nText.\n"
    assert check(zh, en) == (
        [
            f"{EN}:3: missing the blockquote of {ZH}:3; add it here, before the paragraph "
            "'Text.…'.",
            f"{EN}:3: missing the footnote of {ZH}:7; add it at the end.",
        ],
        [],
    )


def test_swapped_heading_ids(check):
    zh = "# 标题\n\n## 甲 {#a}\n\n正文。\n\n## 乙 {#b}\n\n正文。\n"
    en = "# Title\n\n## A {#b}\n\nText.\n\n## B {#a}\n\nText.\n"
    assert check(zh, en) == (
        [
            f"{EN}:3: the heading 'A' has the id {{#b}} where {ZH}:3 has {{#a}}; use {{#a}}.",
            f"{EN}:7: the heading 'B' has the id {{#a}} where {ZH}:7 has {{#b}}; use {{#b}}.",
        ],
        [],
    )


def test_a_heading_in_a_box_or_a_tab_counts(check):
    zh = '# 标题\n\n!!! note "注"\n\n    ## 框内 {#inside}\n\n    正文。\n'
    en = '# Title\n\n!!! note "Note"\n\n    Text.\n'
    assert check(zh, en) == (
        [
            f"{EN}:5: missing the second-level heading '框内' {{#inside}} of {ZH}:5; add it here, "
            "before the paragraph 'Text.…'."
        ],
        [],
    )


def test_a_collapsed_box(check):
    zh = '# 标题\n\n!!! note "注"\n\n    正文。\n'
    assert check(zh, '# Title\n\n???+ note "Note"\n\n    Text.\n') == ([], [])
    assert check(zh, '# Title\n\n??? note "Note"\n\n    Text.\n') == (
        [
            f"{EN}:3: the 'note' box is collapsed (???) where {ZH}:3 is open (!!! or ???+); "
            "use the same marker."
        ],
        [],
    )


def test_several_problems_on_one_page_are_reported_together(check):
    zh = (
        "# 标题\n\n## 一 {#one}\n\n- 甲\n- 乙\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n"
        '!!! note "注"\n\n    正文。\n\n## 二 {#two}\n\n见[首页](../index.md)。\n'
    )
    en = (
        "# Title\n\n## One {#one}\n\n- A\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n\n"
        "## Two {#two}\n\nSee the home page.\n"
    )
    assert check(zh, en) == (
        [
            f"{EN}:5: a bulleted list of 1 item where {ZH}:5 has a bulleted list of 2 items; "
            "keep the items parallel.",
            f"{EN}:7: a table of 3 rows x 2 columns where {ZH}:8 has 2 rows x 2 columns.",
            f"{EN}:12: missing the 'note' box of {ZH}:12; add it here, before the "
            "second-level heading 'Two' {#two}.",
            f"{EN}:14: missing the link to '../index.md' of {ZH}:18; link the same place in "
            "every language.",
        ],
        [],
    )


def test_prose_that_differs_only_in_words_passes(check):
    zh = "# 标题\n\n第一段，*强调*。\n\n第二段\n跨两行。\n\n1. 甲\n2. 乙\n"
    en = "# Title\n\nThe first paragraph, *stressed*.\n\nThe second.\n\n1. A\n2. B\n"
    assert check(zh, en) == ([], [])


def test_pairs_are_data_with_both_lines_and_stable_ids(tmp_path):
    docs = tmp_path / "docs"
    zh = "# 标题\n\n导读。\n\n## 一 {#one}\n\n正文。\n\n| 甲 |\n| --- |\n| 1 |\n"
    en = "# Title\n\nIntro.\n\n## One {#one}\n\nText.\n"
    write_pair(docs, zh, en)
    outlines = next(p for p in status_of(docs).pages if p.page.key == "chapters/x.md").outlines
    pairs = pair_blocks(outlines["zh"].blocks, outlines["en"].blocks)
    assert [
        (p.id, p.kind, p.source and p.source.line, p.translation and p.translation.line)
        for p in pairs
    ] == [
        ("top/heading-1", "heading", 1, 1),
        ("top/paragraph-1", "paragraph", 3, 3),
        ("one", "heading", 5, 5),
        ("one/paragraph-1", "paragraph", 7, 7),
        ("one/table-1", "table", 9, None),
    ]


def test_language_versions_of_one_page_elsewhere_are_declared_per_book(tmp_path):
    docs = tmp_path / "docs"
    zh = "# 标题\n\n见[维基百科](https://zh.wikipedia.org/wiki/强化学习)。\n"
    write_pair(docs, zh, "# Title\n\nSee [Wikipedia](https://en.wikipedia.org/wiki/RL).\n")
    config = parity_helpers._config(str(docs))
    assert check_book(config).problems == [
        f"{EN}:3: a link to 'https://en.wikipedia.org/wiki/RL' where {ZH}:3 links to "
        "'https://zh.wikipedia.org/wiki/强化学习'; a link goes to the same place in every language."
    ]
    wiki = ["https://zh.wikipedia.org/wiki/", "https://en.wikipedia.org/wiki/"]
    config.extra["parity"] = {"same_page": [wiki]}
    assert check_book(config).problems == []
    config.extra["parity"] = {"same_page": wiki}
    assert check_book(config).problems[0] == (
        "mkdocs.yml: extra → parity → same_page: expected a list of groups of URL prefixes, "
        "e.g. [[https://zh.wikipedia.org/wiki/, https://en.wikipedia.org/wiki/]]; found "
        "['https://zh.wikipedia.org/wiki/', 'https://en.wikipedia.org/wiki/']."
    )


@pytest.mark.parametrize("alternate", [True, False])
def test_tabs_inside_tabs_are_read_in_both_markups(alternate):
    recorder = Recorder()
    md = markdown.Markdown(
        extensions=["pymdownx.tabbed", "pymdownx.superfences", recorder],
        extension_configs={"pymdownx.tabbed": {"alternate_style": alternate}},
    )
    md.convert(
        '=== "A"\n\n    === "X"\n\n        x\n\n    === "Y"\n\n        y\n\n=== "B"\n\n    b\n'
    )
    assert [(b.kind, b.label.replace("\x1f", "|"), b.depth) for b in recorder.take().blocks] == [
        ("tabs", "A|B", 1),
        ("tab", "A", 2),
        ("tabs", "X|Y", 3),
        ("tab", "X", 4),
        ("paragraph", "x", 5),
        ("tab", "Y", 4),
        ("paragraph", "y", 5),
        ("tab", "B", 2),
        ("paragraph", "b", 3),
    ]


def test_blocks_keep_their_text_when_asked_for_a_check_that_reads_both_sides():
    recorder = Recorder(with_text=True)
    md = markdown.Markdown(extensions=["tables", recorder])
    md.convert("# 标题\n\n强化学习的*目标*。\n\n- 甲\n- 乙\n\n| 奖励 |\n| --- |\n| 1 |\n")
    blocks = recorder.take().blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "标题"),
        ("paragraph", "强化学习的目标。"),
        ("list", "甲 乙"),
        ("table", "奖励 1"),
    ]
    plain = Recorder()
    markdown.Markdown(extensions=[plain]).convert("正文。\n")
    assert plain.take().blocks[0].text == ""


def test_a_changed_number_beside_a_translated_string_is_named_first(check):
    marked = "```python { .strings-translated }"
    zh = '# 标题\n\n```python\nprint("你好")\nx = 3\n```\n'
    en = zh.replace("你好", "hello").replace("3", "4")
    number = (
        f"{EN}:5: the code differs from {ZH}:5: '4' where it has '3'; only comments may "
        "differ (text in each language: mark both fences { .translated })."
    )
    assert check(zh, en) == ([number], [])
    assert check(zh.replace("```python", marked), en.replace("```python", marked)) == (
        [number],
        [],
    )
    dropped = en.replace("x = 4\n", "")
    assert check(zh.replace("```python", marked), dropped.replace("```python", marked))[0] == [
        f"{EN}:5: the code differs from {ZH}:5: the end of the block where it has 'x'; only "
        "comments may differ (text in each language: mark both fences { .translated })."
    ]


def test_a_book_that_translates_every_string_says_so_once(tmp_path):
    zh = '# 标题\n\n```python\nprint("你好")\nx = 3\n```\n'
    en = zh.replace("你好", "hello")
    docs = tmp_path / "docs"
    write_pair(docs, zh, en)
    config = parity_helpers._config(str(docs), MORE_EXTENSIONS)
    assert check_book(config).warnings != []
    config.extra["parity"] = {"code_strings": "translated"}
    try:
        assert (check_book(config).problems, check_book(config).warnings) == ([], [])
        changed = check_book_with(config, docs, zh, en.replace("3", "4"))
        assert changed[0] == [
            f"{EN}:5: the code differs from {ZH}:5: '4' where it has '3'; only comments may "
            "differ (text in each language: mark both fences { .translated })."
        ]
        config.extra["parity"] = {"code_strings": "yes"}
        assert check_book_with(config, docs, zh, en)[0] == [
            "mkdocs.yml: extra → parity → code_strings: expected 'translated' (every string "
            "literal in code is translated) or 'same' (the default); found 'yes'."
        ]
    finally:
        config.extra.pop("parity")


def check_book_with(config, docs, zh: str, en: str):
    write_pair(docs, zh, en)
    status = check_book(config)
    return status.problems, status.warnings


BOXED = "# T\n\n!!! note\n\n    ```python\n    x = 1\n    ```\n\n    {}\n    ### {}\n"


# Lines come from the parser (parity/source_map.py): each message names the block's own line.
@pytest.mark.parametrize(
    "zh, en, problem",
    [
        (  # a table row above with the heading's words
            "# 标题\n\n| 练习题 | 只看答案 |\n| --- | --- |\n| Practice problems | x |\n\n"
            "## 练习题 {#practice}\n\n正文。\n",
            "# Title\n\n| Practice problems | Only the answer |\n| --- | --- |\n"
            "| Practice problems | x |\n\n## Practice problems\n\nText.\n",
            f"{EN}:7: the heading 'Practice problems' has no id where {ZH}:7 has {{#practice}}; "
            "add {#practice}.",
        ),
        (  # first words marked up
            "# 标题\n\n第一段。\n\n## 节 {#s}\n",
            "# Title\n\nFirst.\n\n<u>*Extra*</u> words.\n\n## Section {#s}\n",
            f"{EN}:5: the paragraph 'Extra words.…' is not in {ZH} (it would be at line 5); "
            "remove it, or add it there.",
        ),
        (  # a table whose first header cell is empty
            "# 标题\n\n|   | 甲 |\n| --- | --- |\n| 1 | 2 |\n\n正文。\n",
            "# Title\n\n|   | A |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n\nText.\n",
            f"{EN}:3: a table of 3 rows x 2 columns where {ZH}:3 has 2 rows x 2 columns.",
        ),
        (  # a heading right under a paragraph line, inside a box, after a fence
            BOXED.format("一段", "小节 {#a}"),
            BOXED.format("A line", "Sub {#b}"),
            f"{EN}:10: the heading 'Sub' has the id {{#b}} where {ZH}:10 has {{#a}}; use {{#a}}.",
        ),
    ],
    ids=["heading-near-a-table-row", "marked-up-words", "empty-header-cell", "nested"],
)
def test_every_message_names_the_blocks_own_line(check, zh, en, problem):
    assert check(zh, en) == ([problem], [])
