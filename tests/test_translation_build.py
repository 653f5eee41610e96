"""A source edit does not block publishing: the stale page builds strictly, shows its readers
which sections changed, and marks each stale block (built HTML, read with BeautifulSoup)."""

from __future__ import annotations

import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import build_site
from test_translation_changes import EDITS
from translation_book import EN, SOURCE_EN, SOURCE_ZH, ZH, cli, edit, line_of, make_book

CHANGED = "The original of this part changed after this translation was reviewed."
REMOVED = "The original no longer has this part."


def html(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "lxml")


def marks(page: BeautifulSoup) -> list[tuple[str, str, str | None, str]]:
    """(kind, the block's tag, its lang, the mark's words) for each marked block."""
    out = []
    for block in page.select("article .stale-block"):
        kind = next(c for c in block["class"] if c.startswith("stale-block--")).split("--")[1]
        mark = block.select_one(".stale-mark")
        inner = block if block.name != "div" else mark.find_next_sibling()
        out.append((kind, inner.name, block.get("lang"), mark.get_text()))
    return out


def test_blocks_added_and_removed_in_the_source_build_strictly_with_marks(repo):
    for name in ("inserted", "merged", "box", "table", "heading", "removed"):
        for old, new in EDITS[name]:
            edit(repo, ZH, old, new)
    result = build_site(repo, repo / "site", "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    en = html(repo / "site", "en/chapters/x")
    notice = en.select_one("article .stale-notice")
    sections = [(a.get_text(), a["href"], a["lang"]) for a in notice.select("li a")]
    assert sections == [
        ("第一章", "../../../chapters/x/", "zh"),
        ("数学公式", "../../../chapters/x/#math", "zh"),
        ("表格", "../../../chapters/x/#table", "zh"),
        ("结尾", "../../../chapters/x/#end", "zh"),
    ]
    assert notice.select("p")[-1].get_text() == "Sections that changed (in the original):"
    assert marks(en) == [
        ("added", "div", "zh", "Not yet translated"),  # the box, in Chinese
        ("added", "p", "zh", "Not yet translated"),  # the new paragraph
        ("changed", "p", None, CHANGED),  # the merged paragraph's partner
        ("removed", "p", None, REMOVED),  # the third paragraph, merged into the second
        ("changed", "h2", None, CHANGED),
        ("changed", "table", None, CHANGED),
        ("removed", "p", None, REMOVED),
    ]
    added = en.select("article .stale-block--added")
    assert added[0].select_one(".admonition-title").get_text() == "提示"
    assert added[1].p.get_text() == "新插入的一段。"
    # The mark's words are in the page's language, the block's in the source's.
    assert added[1].select_one(".stale-mark")["lang"] == "en"
    assert en.select_one("h2.stale-block")["id"] == "math"
    # The source page has neither notice nor marks.
    zh = html(repo / "site", "chapters/x")
    assert zh.select_one(".stale-notice, .stale-block") is None


def test_a_difference_the_source_does_not_explain_stays_an_error(repo):
    edit(repo, ZH, "予训练", "预训练")
    table = "| Stage | What it does |\n| --- | --- |\n| Pretraining | Reading |\n"
    edit(repo, EN, table + "| Fine-tuning | Imitating |\n", "")
    result = build_site(repo, repo / "site", "http://127.0.0.1/book/")
    assert result.returncode == 1
    line = line_of(repo, ZH, "| 阶段")
    assert (
        f"  {EN}:{line_of(repo, EN, '## The end')}: missing the table of {ZH}:{line}; add it "
        "here, before the second-level heading 'The end' {#end}."
    ) in result.stderr


def test_without_the_reviewed_version_the_page_level_report_stays(repo, tmp_path):
    for old, new in EDITS["inserted"]:
        edit(repo, ZH, old, new)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    result = build_site(clone, clone / "site", "http://127.0.0.1/book/")
    assert result.returncode == 1
    assert (
        f"INFO    -  {EN}: the reviewed version of {ZH} ({_recorded(clone)[:7]}) is not in this "
        "repository (never committed, or a shallow clone: fetch the whole history); only the "
        "page-level report is available."
    ) in result.stderr
    # Today's pairing, block against block: it cannot tell which paragraph is new.
    assert (
        f"  {EN}:{line_of(clone, EN, '## Math')}: missing the paragraph "
        f"'第三段：监督微调是模仿解法。…' of {ZH}:{line_of(clone, ZH, '第三段')}; "
        "add it here, before the second-level heading 'Math' {#math}."
    ) in result.stderr


def _recorded(book) -> str:
    return (book / EN).read_text("utf-8").split('translation_of: "', 1)[1].split('"', 1)[0]


@pytest.mark.build
def test_english_as_the_source_is_one_setting(tmp_path):
    """A book written in English, translated into Chinese: `source_language: en`."""
    book = make_book(tmp_path, source=SOURCE_EN, translation=SOURCE_ZH, source_language="en")
    assert (
        cli(book, "reviewed", EN).stderr
        == f"{EN} is the source; review its translations instead.\n"
    )
    edit(
        book,
        EN,
        "Second: pretraining is reading the textbook.",
        "Second: pretraining is reading many books.",
    )
    edit(book, EN, "## Math {#math}\n", "## Math {#math}\n\nA new paragraph.\n")
    result = cli(book, "changes")
    assert result.returncode == 0, result.stderr
    blob = _recorded_in(book / ZH)[:7]
    assert result.stdout.splitlines() == [
        f"{ZH}: 1 changed, 1 added, 0 removed since the review of {EN} ({blob})",
        f"  changed  {EN}:{line_of(book, EN, 'Second:')} the paragraph "
        f"'Second: pretraining is r…': update {ZH}:{line_of(book, ZH, '第二段')}",
        "           Second: pretraining is reading [-the textbook-]. → Second: pretraining "
        "is reading {+many books+}.",
        f"  added    {EN}:{line_of(book, EN, 'A new paragraph')} the paragraph 'A new "
        f"paragraph.…': translate it after {ZH}:{line_of(book, ZH, '## 公式')}",
        "           {+A new paragraph.+}",
    ]
    built = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert built.returncode == 0, built.stderr
    zh = html(book / "site", "chapters/x")  # Chinese is still the site's default language
    assert marks(zh) == [
        ("changed", "p", None, "原文此处在译文审校后改过，本段译文待更新。"),
        ("added", "p", "en", "尚未翻译"),
    ]
    notice = zh.select_one("article .stale-notice")
    assert [(a.get_text(), a["href"], a["lang"]) for a in notice.select("li a")] == [
        ("Chapter one", "../../en/chapters/x/", "en"),
        ("Math", "../../en/chapters/x/#math", "en"),
    ]
    assert html(book / "site", "en/chapters/x").select_one(".stale-notice") is None
    assert cli(book, "reviewed", "chapters/x.zh.md").returncode == 0
    assert cli(book, "changes").stdout == "Every translation is fresh.\n"


def _recorded_in(path) -> str:
    return path.read_text("utf-8").split('translation_of: "', 1)[1].split('"', 1)[0]


@pytest.mark.serve
def test_under_serve_a_source_edit_marks_the_translation_at_once(repo):
    """The translation's render reads its source: a save of the source alone renders it
    again, and its notice keeps its section list when a later save reuses its render."""
    from textbook.testing.mkdocs_server import MkDocsServer

    with MkDocsServer(repo) as server:
        assert marks(BeautifulSoup(server.get("en/chapters/x/"), "lxml")) == []
        epoch = server.epoch()
        for old, new in EDITS["inserted"]:
            edit(repo, ZH, old, new)
        epoch = server.wait_reload(epoch)
        page = BeautifulSoup(server.get("en/chapters/x/"), "lxml")
        assert marks(page) == [("added", "p", "zh", "Not yet translated")]
        listed = [a.get_text() for a in page.select("article .stale-notice li a")]
        assert listed
        # A title changed elsewhere renders every page's HTML again, from reused renders.
        edit(repo, "docs/index.en.md", "# ", "# Home: ")
        server.wait_reload(epoch)
        page = BeautifulSoup(server.get("en/chapters/x/"), "lxml")
        assert [a.get_text() for a in page.select("article .stale-notice li a")] == listed
        assert marks(page) == [("added", "p", "zh", "Not yet translated")]
