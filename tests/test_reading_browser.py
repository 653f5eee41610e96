"""Reading across languages in Chromium: a language switch that keeps your place, glossary tips."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_journeys import _axe

CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}
OTHER = {"zh": "en", "en": "zh"}


# -----------------------------------------------------------------------------
# The language switch keeps the reader's place
# -----------------------------------------------------------------------------


TO_TOP = "e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 64)"
BLOCKS = "[...document.querySelector('article').children].filter(e => !e.matches('.parallel-bar'))"


def _switch(page, lang):
    # Clicked from script: Playwright's own click would first scroll the page a little
    # to bring the dropdown's link into view, which a reader's click does not do.
    page.locator(f"a.md-select__link[hreflang={lang}]").evaluate("a => a.click()")
    expect(page.locator("html")).to_have_attribute("lang", lang)


@pytest.mark.parametrize("start", ["zh", "en"])
def test_switching_language_at_a_section_lands_on_the_same_section(visit, start):
    page, traffic = visit(viewport={"width": 1280, "height": 800})
    page.goto(CHAPTER[start])
    page.locator("#two-purposes").evaluate(TO_TOP)
    _switch(page, OTHER[start])
    assert page.url.endswith(f"{CHAPTER[OTHER[start]]}#two-purposes")
    expect(page.locator("#two-purposes")).to_be_in_viewport()
    assert traffic.errors == []


@pytest.mark.parametrize("start", ["zh", "en"])
def test_switching_language_mid_section_lands_on_the_partner_block(visit, start):
    page, traffic = visit(viewport={"width": 1280, "height": 800})
    page.goto(CHAPTER[start])
    # The paragraph after the heading on the labeler, at the top of the screen.
    index = page.evaluate(f"{BLOCKS}.indexOf(document.getElementById('labeler-cannot-judge')) + 1")
    page.evaluate(f"({TO_TOP})({BLOCKS}[{index}])")
    _switch(page, OTHER[start])
    assert page.url.endswith(f"{CHAPTER[OTHER[start]]}#block-{index}")
    top = page.evaluate(f"{BLOCKS}[{index}].getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top <= header + 16
    assert page.evaluate(f"{BLOCKS}[{index}].tagName") == "P"
    assert traffic.errors == []


def test_switching_at_the_top_of_a_page_lands_at_the_top(visit):
    page, _ = visit()
    page.goto(CHAPTER["zh"])
    _switch(page, "en")
    assert page.url.endswith(CHAPTER["en"])
    assert page.evaluate("window.scrollY") == 0


def test_without_javascript_the_switch_still_leads_to_the_other_language(visit):
    page, _ = visit(java_script_enabled=False)
    page.goto(CHAPTER["zh"])
    href = page.locator("a.md-select__link[hreflang=en]").get_attribute("href")
    page.goto(page.url + href if not href.startswith("/") else href)
    expect(page.locator("html")).to_have_attribute("lang", "en")


# -----------------------------------------------------------------------------
# Glossary tips: mouse, keyboard, touch; no layout shift; axe
# -----------------------------------------------------------------------------


def _first_term(page, term_id):
    return page.locator(f"article a.term[href$='#term-{term_id}']").first


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hovering_a_term_shows_the_other_language_and_the_definition(visit, lang):
    page, traffic = visit()
    page.goto(CHAPTER[lang])
    term = _first_term(page, "reinforcement-learning")
    article = page.locator("article").bounding_box()
    term.hover()
    popup = page.locator(".term-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text({"zh": "reinforcement learning", "en": "强化学习"}[lang])
    # It floats over the page: nothing else moves.
    assert page.locator("article").bounding_box() == article
    page.mouse.move(0, 0)
    expect(popup).to_be_hidden()
    assert traffic.errors == []


def test_keyboard_focus_shows_a_tip_and_escape_dismisses_it(visit):
    page, _ = visit()
    page.goto(CHAPTER["en"])
    term = _first_term(page, "pretraining")
    term.focus()
    popup = page.locator(".term-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("预训练")
    # Screen readers get the same text as the term's description.
    description = page.evaluate(
        "id => document.getElementById(id).textContent", term.get_attribute("aria-describedby")
    )
    assert "预训练" in description and "first training stage" in description
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(term).to_be_focused()


def test_a_tap_shows_the_tip_and_a_second_tap_follows_the_link(visit):
    page, _ = visit(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(CHAPTER["zh"])
    term = _first_term(page, "labeler")
    term.scroll_into_view_if_needed()
    term.tap()
    popup = page.locator(".term-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("labeler")
    assert page.url.endswith(CHAPTER["zh"])
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, "the tip makes the page scroll sideways"
    term.tap()
    page.wait_for_url("**/glossary/#term-labeler")
    expect(page.locator("#term-labeler")).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_with_a_tip_open(visit, scheme):
    page, _ = visit(color_scheme=scheme)
    page.goto(CHAPTER["zh"])
    _first_term(page, "pretraining").hover()
    expect(page.locator(".term-popup")).to_be_visible()
    assert _axe(page) == []


def test_without_javascript_a_term_is_a_link_to_its_entry(visit):
    page, _ = visit(java_script_enabled=False)
    page.goto(CHAPTER["en"])
    _first_term(page, "base-model").click()
    expect(page.locator("#term-base-model")).to_be_in_viewport()
    expect(page.locator("#term-base-model + dd")).to_contain_text("base 模型")
