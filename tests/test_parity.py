"""Translation integrity: each rule from a small book that breaks it, word for word."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from conftest import BOOK, build_site
from parity_helpers import BOOKS, MORE_EXTENSIONS, status_of
from textbook.languages.ui_strings import load_strings
from textbook.translation.check import check_config

X_EN, X_ZH = "docs/chapters/x.en.md", "docs/chapters/x.zh.md"
MISSING = "(a page missing in one language is never filled in from another)."
EXPECTED = {
    "missing-translation": f"{X_ZH} has no en version: create {X_EN} {MISSING}",
    "missing-source": f"{X_EN} has no zh version: create {X_ZH} {MISSING}",
    "fewer-headings": f"{X_EN}:31: missing the second-level heading '第二节' {{#two}} of "
    f"{X_ZH}:31; add it here, before the second-level heading 'Quiz' {{#quiz}}.",
    "heading-order": f"{X_EN}:27: 'Subsection' is a second-level heading where {X_ZH}:27 "
    "'小节' is third-level; use the same level.",
    "heading-id-renamed": f"{X_EN}:5: the heading 'Section one' has the id {{#first}} where "
    f"{X_ZH}:5 has {{#one}}; use {{#one}}.",
    "heading-id-missing": f"{X_EN}:27: the heading 'Subsection' has no id where {X_ZH}:27 "
    "has {#sub}; add {#sub}.",
    "missing-box": f"{X_EN}:23: missing the 'example' box of {X_ZH}:23; add it here, before "
    "the third-level heading 'Subsection' {#sub}.",
    "box-kind": f"{X_EN}:23: a 'note' box where {X_ZH}:23 has an 'example' box; use the same kind.",
    "box-collapsed": f"{X_EN}:23: the 'example' box is collapsed (???) where {X_ZH}:23 is open "
    "(!!! or ???+); use the same marker.",
    "box-title": f"{X_EN}:23: the 'example' box has no title where {X_ZH}:23 has '例题'; add one.",
    "extra-block": f"{X_EN}:31: the blockquote is not in {X_ZH} (it would be at line 31); "
    "remove it, or add it there.",
    "list-items": f"{X_EN}:5: a bulleted list of 1 item where {X_ZH}:5 has a bulleted list of 2 "
    "items; keep the items parallel.",
    "code-differs": f"{X_EN}:14: the code differs from {X_ZH}:14: ',' where it has ')'; only "
    "comments may differ (text in each language: mark both fences { .translated }).",
    "missing-image": f"{X_EN}:17: missing the image '../img/figure.svg' of {X_ZH}:17; add it "
    "here, before the math block.",
    "missing-table": f"{X_EN}:9: missing the table of {X_ZH}:9; add it here, before the code "
    "block.",
    "table-columns": f"{X_EN}:9: a table of 2 rows x 1 column where {X_ZH}:9 has 2 rows x 2 "
    "columns.",
    "tabs-renamed": f"{X_EN}:5: tabs ('PyTorch', 'Flax') where {X_ZH}:5 has ('PyTorch', 'JAX'); "
    "use the same tabs in the same order.",
    "missing-math": f"{X_EN}:19: missing the math block of {X_ZH}:19; add it here, before the "
    "'example' box.",
    "quiz-moved": f"{X_EN}:35: the quiz 'x' is out of place: {X_ZH}:37 has it elsewhere; move "
    "it to the end.",
    "other-quiz": f"{X_EN}:37: the page shows the quiz 'y' where {X_ZH}:37 shows 'x'.",
    "link-target": f"{X_EN}:7: a link to '../other.md' where {X_ZH}:7 links to '../index.md'; "
    "a link goes to the same place in every language.",
    "link-missing": f"{X_EN}:7: missing the link to '#two' of {X_ZH}:7; link the same place in "
    "every language.",
    "link-extra": f"{X_EN}:33: the link to '../index.md' is not in {X_ZH}; remove it, or add it "
    "there.",
    "external-link-missing": f"{X_EN}:33: missing the link to 'https://pytorch.org/docs/' of "
    f"{X_ZH}:33; add it, or declare the two sites' language versions in mkdocs.yml "
    "(extra → parity → same_page).",
}
# Warnings: the build logs them (so --strict stops), the author may accept them per block.
WARNINGS = {
    "code-strings": f'{X_EN}:14: the string "translated by mistake" differs from "same in every '
    f'language" at {X_ZH}:14; if it is translated on purpose, mark both fences '
    "{ .strings-translated }.",
}
PASSING = {"parallel", "code-marked-translated", "stale"}


def _status(book: str):
    return status_of(book, MORE_EXTENSIONS if book.startswith("tabs") else ())


@pytest.mark.parametrize("book", sorted(EXPECTED))
def test_each_rule_names_the_files_and_the_difference(book):
    assert _status(book).problems[0] == EXPECTED[book]


@pytest.mark.parametrize("book", sorted(WARNINGS))
def test_each_warning_names_the_files_and_the_difference(book):
    status = _status(book)
    assert (status.problems, status.warnings) == ([], [WARNINGS[book]])


def test_a_structural_difference_is_reported_once():
    # Where the other checks give one message, a block of another kind is one difference.
    for book in EXPECTED:
        if book not in ("fewer-headings", "heading-order"):
            assert len(_status(book).problems) == 1, book


@pytest.mark.parametrize("book", sorted(PASSING))
def test_parallel_books_pass(book):
    status = status_of(book)
    assert (status.problems, status.warnings) == ([], [])


def test_every_fixture_is_covered():
    assert {p.name for p in BOOKS.iterdir()} == set(EXPECTED) | set(WARNINGS) | PASSING


def test_a_stale_translation_is_reported_with_its_date():
    stale = {(p.page.key, locale) for p, locale, _ in status_of("stale").stale}
    assert ("chapters/x.md", "en") in stale
    state = next(s for p, _, s in status_of("stale").stale if p.page.key == "chapters/x.md")
    assert state.recorded == "000000000000" and len(state.since) == 10


def test_the_real_book_is_parallel_and_fresh():
    status = status_of(BOOK / "docs")
    assert status.problems == []
    assert status.stale == []


# -----------------------------------------------------------------------------
# Site name, nav titles and interface text in every language
# -----------------------------------------------------------------------------


def _config(nav, **en):
    languages = [
        SimpleNamespace(locale="zh", default=True, build=True),
        SimpleNamespace(
            locale="en", default=False, build=True, **{"site_name": "Book", "nav": None} | en
        ),
    ]
    plugin = SimpleNamespace(config=SimpleNamespace(languages=languages))
    return SimpleNamespace(nav=nav, plugins={"i18n": plugin})


def test_a_language_without_a_site_name():
    assert check_config(_config([], site_name=None, nav_translations={})) == [
        "mkdocs.yml: plugins → i18n → languages → en has no site_name; add the site's name in en."
    ]


def test_a_nav_title_without_a_translation():
    nav = [{"第一部分": ["chapters/x.md"]}, "index.md"]
    assert check_config(_config(nav, nav_translations={})) == [
        "mkdocs.yml: plugins → i18n → languages → en → nav_translations has no entry for the "
        "nav title '第一部分'; add '第一部分: ...' in en."
    ]
    assert check_config(_config(nav, nav_translations={"第一部分": "Part one"})) == []


def test_an_interface_string_without_a_translation(tmp_path):
    strings = tmp_path / "hooks" / "ui_strings.yml"
    strings.parent.mkdir()
    strings.write_text("done:\n  zh: 完成\n  en: Done\ncheck:\n  zh: 检查\n", "utf-8")
    with pytest.raises(Exception) as caught:
        load_strings(("zh", "en"), strings)
    assert str(caught.value) == (
        "hooks/ui_strings.yml:5: the string 'check' has no en text. Add it, for example:\n"
        "  check:\n    zh: ...\n    en: ...\n"
    )


# -----------------------------------------------------------------------------
# Inside the build, and through the command
# -----------------------------------------------------------------------------


def test_a_missing_translation_stops_the_build(book):
    (book / "docs/chapters/sft-to-rl.en.md").unlink()
    result = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        "ERROR   -  The build stopped on 1 problem:\n"
        "  docs/chapters/sft-to-rl.zh.md has no en version: create docs/chapters/sft-to-rl.en.md"
    ) in result.stderr
    assert not list((book / "site").rglob("*.html"))


def test_a_stale_translation_builds_with_a_notice_for_its_readers(book):
    zh = book / "docs/chapters/sft-to-rl.zh.md"
    zh.write_text(zh.read_text("utf-8").replace("先回顾整条训练流水线。", "先回顾一下训练流水线。"))
    result = build_site(book, book / "site", "http://127.0.0.1:9/book/")
    assert result.returncode == 0, result.stderr
    assert "INFO    -  docs/chapters/sft-to-rl.en.md is stale: its source changed on" in (
        result.stderr
    )
    en = BeautifulSoup((book / "site/en/chapters/sft-to-rl/index.html").read_text(), "lxml")
    notice = en.select_one("article .stale-notice")
    assert (
        notice.select_one(".admonition-title").get_text() == "This translation may be out of date"
    )
    link = notice.find("a")
    # hreflang names the target's language; the link text itself is English.
    assert (link["href"], link["hreflang"], link.get("lang"), link.get_text()) == (
        "../../../chapters/sft-to-rl/",
        "zh",
        None,
        "Read the Chinese original",
    )
    zh_page = BeautifulSoup((book / "site/chapters/sft-to-rl/index.html").read_text(), "lxml")
    assert zh_page.select_one(".stale-notice") is None
    assert (
        BeautifulSoup((book / "site/en/index.html").read_text(), "lxml").select_one(".stale-notice")
        is None
    )


def _cli(book: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "hooks/book.py", *args], cwd=book, capture_output=True, text=True
    )


def test_status_lists_every_page_and_fails_only_on_errors(book):
    result = _cli(book, "status")
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0] == ["page", "zh", "en", "parity", "translation", "quiz"]
    assert rows[1] == ["index.md", "yes", "yes", "ok", "en", "fresh", "-"]
    assert rows[2] == [
        "chapters/sft-to-rl.md",
        "yes",
        "yes",
        "ok",
        "en",
        "fresh",
        "sft-to-rl",
        "ok",
    ]
    zh = book / "docs/chapters/sft-to-rl.zh.md"
    # Reworded, not restructured: a paragraph in one language only is a parity error.
    zh.write_text(zh.read_text("utf-8").replace("先回顾整条训练流水线。", "先回顾一下训练流水线。"))
    stale = _cli(book, "status")
    assert stale.returncode == 0
    assert "en STALE since" in stale.stdout
    assert "python hooks/book.py reviewed docs/chapters/sft-to-rl.en.md" in stale.stdout
    assert _cli(book, "reviewed", "docs/chapters/sft-to-rl.en.md").returncode == 0
    assert "STALE" not in _cli(book, "status").stdout
    (book / "docs/chapters/sft-to-rl.en.md").unlink()
    broken = _cli(book, "status")
    assert broken.returncode == 1
    assert "chapters/sft-to-rl.md  yes  MISSING" in broken.stdout
    assert "has no en version: create docs/chapters/sft-to-rl.en.md" in broken.stdout


def test_a_new_chapter_builds_cleanly_straight_away(book):
    result = _cli(book, "new-chapter", "reward-models", "--zh", "奖励模型", "--en", "Reward Models")
    assert result.returncode == 0, result.stderr
    assert "  - chapters/reward-models.md\n" in (book / "mkdocs.yml").read_text("utf-8")
    built = build_site(book, book / "site", "http://127.0.0.1/book/")
    assert built.returncode == 0, built.stderr
    assert "stale" not in built.stderr
    for path, title in (
        ("chapters/reward-models/", "奖励模型"),
        ("en/chapters/reward-models/", "Reward Models"),
    ):
        html = BeautifulSoup((book / "site" / path / "index.html").read_text(), "lxml")
        assert html.h1.get_text().rstrip("¶") == title
        assert html.select_one("section.quiz form") is not None
    status = _cli(book, "status")
    assert status.returncode == 0 and "STALE" not in status.stdout
