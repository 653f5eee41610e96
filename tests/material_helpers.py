"""Read a built page's numbered items and cross-references (for the material tests)."""

from __future__ import annotations


def numbers(soup) -> dict[str, str]:
    """{id: number text} of every numbered figure, table and equation on a page."""
    article = soup.select_one("article")
    found = {
        figure["id"]: figure.select_one("figcaption .book-number").get_text()
        for figure in article.select("figure[data-kind]")
    }
    for equation in article.select(".book-equation"):
        found[equation["id"]] = equation.select_one(".book-equation__number").get_text()
    return found


def refs(soup) -> list[tuple[str, str]]:
    """(href, text) of every cross-reference on a page, in order."""
    return [(a["href"], a.get_text()) for a in soup.select("article a.book-ref")]
