"""Both languages at once, in Chromium: the toggle, the pairing of every block, phones, axe."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import build_site, serving
from test_journeys import _axe
from test_reading_browser import TO_TOP, _switch

CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}
OTHER = {"zh": "en", "en": "zh"}


def _blocks(site, lang):
    """The chapter's blocks as built: the article's children, less the toggle and tips."""
    article = site.html(CHAPTER[lang]).select_one("article.md-content__inner")
    skip = {"parallel-bar", "stale-notice", "term-tips"}
    return [
        child
        for child in article.find_all(recursive=False)
        if not skip & set(child.get("class") or []) and child.name not in ("script", "style")
    ]


def _turn_on(page):
    toggle = page.locator(".parallel-toggle")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    return toggle


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_block_is_shown_beside_its_partner(site, visit, server, lang):
    page, traffic = visit(viewport={"width": 1280, "height": 900})
    page.goto(CHAPTER[lang])
    _turn_on(page)
    ours, theirs = _blocks(site, lang), _blocks(site, OTHER[lang])
    assert len(ours) == len(theirs) > 20
    pairs = page.locator("article .parallel__pair")
    expect(pairs).to_have_count(len(ours))
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        pair = pairs.nth(i)
        if a.select_one("section.quiz") or "quiz" in (a.get("class") or []):
            expect(pair.locator(".parallel__other")).to_have_count(0)  # the quiz once
            continue
        other = pair.locator(".parallel__other")
        expect(other).to_have_attribute("lang", OTHER[lang])
        for link in b.select(".headerlink"):
            link.decompose()
        expect(other).to_have_text(b.get_text(), use_inner_text=False)
        if a.get("id"):  # headings: a partner's heading of the same level
            assert other.evaluate("e => e.tagName").lower() == a.name
    # Partners sit side by side on a wide screen.
    first = pairs.nth(2)
    ours_box = first.locator(":scope > :first-child").bounding_box()
    theirs_box = first.locator(".parallel__other").bounding_box()
    assert theirs_box["x"] > ours_box["x"] + ours_box["width"] - 1
    # No id is doubled, and nothing came from another host.
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    host = urlsplit(server).netloc
    assert [u for u in traffic.requests if urlsplit(u).netloc != host] == []
    assert traffic.errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_toggling_back_restores_the_page(visit, lang):
    page, _ = visit()
    page.goto(CHAPTER[lang])
    children = "[...document.querySelector('article').children].map(e => e.outerHTML)"
    before = page.evaluate(children)
    toggle = _turn_on(page)
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".parallel__pair")).to_have_count(0)
    after = page.evaluate(children)
    assert after[1:] == before[1:]  # the first child is the toggle itself


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_partners_stack_without_sideways_scrolling(visit, lang):
    page, _ = visit(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(CHAPTER[lang])
    _turn_on(page)
    pair = page.locator("article .parallel__pair").nth(2)
    ours = pair.locator(":scope > :first-child").bounding_box()
    theirs = pair.locator(".parallel__other").bounding_box()
    assert theirs["y"] >= ours["y"] + ours["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_the_choice_is_remembered_across_reloads_and_chapters(visit):
    page, _ = visit()
    page.goto(CHAPTER["zh"])
    _turn_on(page)
    page.reload()
    expect(page.locator(".parallel-toggle")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".parallel__other").first).to_be_visible()
    # Another chapter page (the English one here) opens in both languages too.
    page.goto(CHAPTER["en"])
    expect(page.locator(".parallel-toggle")).to_have_attribute("aria-pressed", "true")
    page.locator(".parallel-toggle").click()
    page.goto(CHAPTER["zh"])
    expect(page.locator(".parallel-toggle")).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".parallel__pair")).to_have_count(0)


def test_one_language_costs_no_request_for_the_other(visit):
    page, traffic = visit()
    page.goto(CHAPTER["zh"], wait_until="networkidle")
    assert not any("/en/" in url or "parallel.js" in url for url in traffic.requests)


@pytest.mark.parametrize(("start", "other"), [("zh", "en"), ("en", "zh")])
def test_switching_language_from_the_parallel_view_keeps_the_section(visit, start, other):
    page, _ = visit(viewport={"width": 1280, "height": 800})
    page.goto(CHAPTER[start])
    _turn_on(page)
    page.locator("#limit-of-sft").evaluate(TO_TOP)
    _switch(page, other)
    assert page.url.endswith("#limit-of-sft")
    expect(page.locator("#limit-of-sft")).to_be_in_viewport()


def test_without_javascript_there_is_no_dead_control(visit):
    page, _ = visit(java_script_enabled=False)
    page.goto(CHAPTER["zh"])
    expect(page.locator(".parallel-toggle")).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_accessibility_violations_in_both_modes(visit, lang, scheme):
    page, _ = visit(color_scheme=scheme)
    page.goto(CHAPTER[lang])
    assert _axe(page) == []
    _turn_on(page)
    assert _axe(page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_the_parallel_view(visit, lang):
    from test_journeys import SCREENSHOTS

    SCREENSHOTS.mkdir(exist_ok=True)
    for name, options in (
        ("desktop", {"viewport": {"width": 1280, "height": 900}}),
        ("phone", {"viewport": {"width": 360, "height": 740}, "is_mobile": True}),
    ):
        page, _ = visit(**options)
        page.goto(CHAPTER[lang])
        _turn_on(page)
        page.locator("#school-analogy").scroll_into_view_if_needed()
        file = SCREENSHOTS / f"parallel-{lang}-{name}.png"
        page.screenshot(path=str(file))
        assert file.stat().st_size > 10_000


def test_identical_code_shows_once_and_translated_code_twice(book, browser):
    same = "```python\nloss = -log_prob.mean()\n```\n"
    for lang, comment in (("zh", "# 平均"), ("en", "# mean")):
        chapter = book / "docs" / "chapters" / f"sft-to-rl.{lang}.md"
        translated = f"```python\nloss = nll.mean()  {comment}\n```\n"
        chapter.write_text(chapter.read_text("utf-8") + f"\n{same}\n{translated}", "utf-8")
    site = book / "out" / "book"
    result = build_site(book, site, "http://127.0.0.1/book/")
    assert result.returncode == 0, result.stderr
    with serving(site.parent) as root:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(f"{root}book/{CHAPTER['zh']}")
            _turn_on(page)
            pairs = page.locator("article .parallel__pair").filter(has=page.locator("pre"))
            expect(pairs).to_have_count(2)
            expect(pairs.nth(0).locator("pre")).to_have_count(1)  # the same code, once
            expect(pairs.nth(0)).to_contain_text("loss = -log_prob.mean()")
            expect(pairs.nth(1).locator("pre")).to_have_count(2)  # its comment translated
            expect(pairs.nth(1).locator(".parallel__other")).to_contain_text("# mean")
        finally:
            page.close()
