"""Translation integrity: each rule from a small book that breaks it, word for word."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from book_check import check_config
from conftest import ROOT, build_site
from parity_helpers import BOOKS, status_of
from ui_strings import load_strings

X_EN, X_ZH = "docs/chapters/x.en.md", "docs/chapters/x.zh.md"
EXPECTED = {
    "missing-translation": f"{X_ZH} has no en version: create {X_EN} (a page missing in one "
    "language is never filled in from another).",
    "missing-source": f"{X_EN} has no zh version: create {X_ZH} (a page missing in one "
    "language is never filled in from another).",
    "fewer-headings": f"{X_EN} has 2 second-level headings where {X_ZH} has 3; the first "
    "difference is after 'Subsection'.",
    "heading-order": f"{X_EN}:27: the headings differ from {X_ZH}:27: 'Subsection' is a "
    f"second-level heading with the id 'sub' where {X_ZH} has '小节', a third-level heading "
    "with the id 'sub'; the first difference is after 'Section one'.",
    "missing-box": f"{X_EN} has 0 'example' boxes where {X_ZH} has 1; the first difference "
    "is after 'Section one'.",
    "box-kind": f"{X_EN} has 0 'example' boxes where {X_ZH} has 1; the first difference is "
    "after 'Section one'.",
    "code-differs": f"{X_EN}:13: the 1st code block differs from the one at {X_ZH}:13. Code is "
    "the same in every language; mark a block to translate with { .translated } on both "
    "fences.",
    "missing-image": f"{X_EN} has 0 images where {X_ZH} has 1; the first difference is after "
    "'Section one'.",
    "missing-table": f"{X_EN} has 0 tables where {X_ZH} has 1; the first difference is after "
    "'Section one'.",
    "missing-math": f"{X_EN} has 0 math blocks where {X_ZH} has 1; the first difference is "
    "after 'Section one'.",
    "quiz-moved": f"{X_EN}:35: the 1st quiz is after 'Section two' where {X_ZH}:37 has it after "
    "'测验'; put it in the same place.",
    "other-quiz": f"{X_EN}:37: the page shows the quiz 'y' where {X_ZH}:37 shows 'x'.",
    "link-target": f"{X_EN}:7: the 2nd internal link points to '../other.md' where {X_ZH}:7 "
    "points to '../index.md'; a link goes to the same page in every language.",
}


@pytest.mark.parametrize("book", sorted(EXPECTED))
def test_each_rule_names_the_files_and_the_difference(book):
    assert status_of(book).problems[0] == EXPECTED[book]


def test_a_box_of_another_kind_is_both_missing_and_extra():
    assert status_of("box-kind").problems[1] == (
        f"{X_EN} has 1 'note' box where {X_ZH} has 0; the first difference is after 'Section one'."
    )


@pytest.mark.parametrize("book", ["parallel", "code-marked-translated", "stale"])
def test_parallel_books_pass(book):
    assert status_of(book).problems == []


def test_every_fixture_is_covered():
    passing = {"parallel", "code-marked-translated", "stale"}
    assert {p.name for p in BOOKS.iterdir()} == set(EXPECTED) | passing


def test_a_stale_translation_is_reported_with_its_date():
    stale = {(p.page.key, locale) for p, locale, _ in status_of("stale").stale}
    assert ("chapters/x.md", "en") in stale
    state = next(s for p, _, s in status_of("stale").stale if p.page.key == "chapters/x.md")
    assert state.recorded == "000000000000" and len(state.since) == 10


def test_the_real_book_is_parallel_and_fresh():
    status = status_of(ROOT / "docs")
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
    strings = tmp_path / "ui_strings.yml"
    strings.write_text("check:\n  zh: 检查\n", "utf-8")
    with pytest.raises(Exception) as caught:
        load_strings(("zh", "en"), strings)
    assert str(caught.value) == (
        "ui_strings.yml: the string 'check' has no en text. Add it, for example:\n"
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
        "ERROR   -  The languages of the book do not match:\n"
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
    zh.write_text(zh.read_text("utf-8") + "\n补充一句。\n", "utf-8")
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
