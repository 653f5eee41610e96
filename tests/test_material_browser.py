"""The chapter's figures and formulas in Chromium: both schemes, print, JavaScript off.

Screenshots of a figure and a formula in each language and scheme go to
tests/screenshots/ (the workflow uploads them), to be looked at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}


def _rendered(page) -> dict:
    """What the reader's browser made of the figures and the equation."""
    return page.evaluate(
        """() => {
            const box = el => el.getBoundingClientRect();
            const eq = document.querySelector('#eq-emily-system');
            return {
                images: [...document.querySelectorAll('figure.book-figure img')]
                    .map(img => img.complete && img.naturalWidth > 0),
                mathHeight: box(eq.querySelector('math')).height,
                mathWidth: box(eq.querySelector('math')).width,
                braceHeight: box(eq.querySelector('mo[fence]')).height,
                annotationShown: box(eq.querySelector('annotation')).width > 0,
                number: eq.querySelector('.book-equation__number').textContent,
                numberRight: box(eq.querySelector('.book-equation__number')).left
                    > box(eq.querySelector('math')).right,
                inlineMath: [...document.querySelectorAll('math[display=inline]')]
                    .every(m => box(m).width > 0),
            };
        }"""
    )


def _check(rendered: dict, lang: str) -> None:
    assert rendered["images"] == [True, True]
    # Two rows of a system of equations, drawn natively (not the TeX source as text).
    assert rendered["mathHeight"] > 30 and 60 < rendered["mathWidth"] < 400
    assert rendered["braceHeight"] > 30, "the brace does not stretch over both rows"
    assert not rendered["annotationShown"]
    assert rendered["number"] == {"zh": "（1-1）", "en": "(1-1)"}[lang]
    assert rendered["numberRight"]
    assert rendered["inlineMath"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figure_and_formula_in_both_schemes(visit, lang, scheme):
    SCREENSHOTS.mkdir(exist_ok=True)
    page, traffic = visit(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page.goto(CHAPTER[lang])
    page.evaluate("document.fonts.ready")
    _check(_rendered(page), lang)
    for name, selector in (
        ("figure", "#fig-training-stages"),
        ("formula", "#eq-emily-system >> xpath=ancestor::li[1]"),
    ):
        element = page.locator(selector)
        # Centre it, clear of the sticky header, then photograph it.
        element.evaluate("e => e.scrollIntoView({block: 'center'})")
        file = SCREENSHOTS / f"{name}-{lang}-{scheme}.png"
        element.screenshot(path=str(file))
        assert file.stat().st_size > 5_000
    assert traffic.errors == [] and traffic.failed == []


def test_the_diagram_follows_the_readers_scheme_toggle(visit):
    # The reader picks dark in Material's toggle while the system is light: the SVG
    # image follows the page's color-scheme, not only the system's preference.
    page, _ = visit(color_scheme="light", viewport={"width": 1280, "height": 900})
    page.goto(CHAPTER["zh"])
    light = page.locator("#fig-training-stages img").screenshot()
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.locator("#fig-training-stages img").screenshot(
        path=str(SCREENSHOTS / "figure-zh-toggled-dark.png")
    )
    dark = page.locator("#fig-training-stages img").screenshot()
    assert light != dark


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_and_in_print(visit, lang):
    page, _ = visit(java_script_enabled=False)
    page.goto(CHAPTER[lang])
    expect(page.locator("#fig-training-stages figcaption")).to_contain_text(
        {"zh": "图 1-1", "en": "Figure 1-1"}[lang]
    )
    _check(_rendered(page), lang)
    page.emulate_media(media="print")
    _check(_rendered(page), lang)
