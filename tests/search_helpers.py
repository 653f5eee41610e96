"""Searching a built page the way a reader does, in Chromium."""

from __future__ import annotations

from playwright.sync_api import expect


def search(page, query: str) -> list[str]:
    """Type `query` in the search box; return the hrefs of the results shown."""
    # Material closes search 125 ms after it starts (its "close on navigation"
    # sees the first location), so a box opened sooner closes again: wait for idle.
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    page.keyboard.press("End")  # Material reacts to keyup
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    return [a.get_attribute("href") for a in results.all()]
