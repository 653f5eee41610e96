"""The side-by-side view of a stale translation, in Chromium: stale blocks are marked in
both columns, and a block the original no longer has does not shift the pairs after it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import build_site, serving
from test_translation_changes import EDITS
from translation_book import ZH, edit, make_book

PAGES = {"zh": "chapters/x/", "en": "en/chapters/x/"}


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory):
    book = make_book(tmp_path_factory.mktemp("stale"))
    for name in ("inserted", "merged", "heading"):
        for old, new in EDITS[name]:
            edit(book, ZH, old, new)
    site = book / "out" / "book"
    result = build_site(book, site, "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    with serving(site.parent) as root:
        yield f"{root}book/"


def _side_by_side(browser, url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    toggle = page.locator(".parallel-toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    return page


def _pair(page, text):
    return page.locator("article .parallel__pair").filter(has_text=text)


def test_the_translation_side_by_side(stale_site, browser):
    page = _side_by_side(browser, stale_site + PAGES["en"])
    try:
        # Stale blocks: the pair is marked, so both columns are.
        heading = _pair(page, "Math")
        expect(heading).to_have_class("parallel__pair parallel__pair--stale")
        expect(heading.locator(".parallel__other")).to_have_text("数学公式")
        # The paragraph added in Chinese shows in Chinese on both sides, marked.
        added = _pair(page, "新插入的一段。").first
        expect(added).to_have_class("parallel__pair parallel__pair--stale")
        expect(added.locator(".stale-mark--added")).to_have_text("Not yet translated")
        expect(added.locator(".stale-mark--added")).to_be_visible()
        # The paragraph merged away in Chinese stands alone, and the next pairs still match.
        removed = _pair(page, "Third: supervised fine-tuning")
        expect(removed).to_have_class("parallel__pair parallel__pair--stale parallel__pair--single")
        expect(_pair(page, "The loss is").locator(".parallel__other")).to_contain_text("损失是")
        expect(_pair(page, "The last paragraph.").locator(".parallel__other")).to_have_text(
            "最后一段。"
        )
        # Unchanged blocks carry no mark.
        expect(_pair(page, "Training an LLM")).to_have_class("parallel__pair")
        # A changed block's words for screen readers are there, not shown.
        mark = _pair(page, "Second:").locator(".stale-mark--changed")
        expect(mark).to_have_count(1)
        assert mark.bounding_box()["width"] <= 1
    finally:
        page.close()


def test_the_source_side_by_side(stale_site, browser):
    page = _side_by_side(browser, stale_site + PAGES["zh"])
    try:
        expect(_pair(page, "数学公式")).to_have_class("parallel__pair parallel__pair--stale")
        other = _pair(page, "数学公式").locator(".parallel__other")
        expect(other.locator(".stale-mark--changed")).to_have_count(1)  # its mark, copied
        expect(other).to_contain_text("Math")
        # The translation's paragraph whose original is gone is not paired with anything.
        expect(
            page.locator("article .parallel__other", has_text="Third: supervised")
        ).to_have_count(0)
        expect(_pair(page, "最后一段。").locator(".parallel__other")).to_have_text(
            "The last paragraph."
        )
        expect(_pair(page, "训练 LLM")).to_have_class("parallel__pair")
    finally:
        page.close()
