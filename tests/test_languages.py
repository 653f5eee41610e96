"""Both languages, the switcher, <html lang>, hreflang and the 404 pages, as built."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

ZH_PAGES = ["", "chapters/sft-to-rl/", "glossary/", "progress/"]
PAIRS = [(zh, "en/" + zh) for zh in ZH_PAGES]


def test_build_is_strict_and_quiet(site):
    warnings = [line for line in site.log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []


def test_every_page_exists_in_both_languages(site):
    pages = set(site.pages()) - {"404.html", "en/404.html"}
    zh = {p for p in pages if not p.startswith("en/")}
    en = {p.removeprefix("en/") for p in pages if p.startswith("en/")}
    assert zh == en == set(ZH_PAGES)


@pytest.mark.parametrize("path", [p for pair in PAIRS for p in pair] + ["404.html", "en/404.html"])
def test_html_lang_matches_the_language(site, path):
    expected = "en" if path.startswith("en/") else "zh"
    assert site.html(path).html["lang"] == expected


@pytest.mark.parametrize(("zh", "en"), PAIRS)
def test_switcher_lands_on_the_same_page(site, zh, en):
    for here, there, there_lang in [(zh, en, "en"), (en, zh, "zh")]:
        links = site.html(here).select("a.md-select__link")
        assert [a["hreflang"] for a in links] == ["zh", "en"]
        target = next(a for a in links if a["hreflang"] == there_lang)
        assert target["lang"] == there_lang
        assert urljoin(site.url + here, target["href"]) == site.url + there


@pytest.mark.parametrize(("zh", "en"), PAIRS)
def test_hreflang_alternates_are_absolute_with_x_default(site, zh, en):
    for here in (zh, en):
        links = site.html(here).select("head link[rel=alternate][hreflang]")
        hreflang = {link["hreflang"]: link["href"] for link in links}
        assert hreflang == {"zh": site.url + zh, "en": site.url + en, "x-default": site.url + zh}


def test_each_language_has_its_own_404_page(site):
    zh, en = site.html("404.html"), site.html("en/404.html")
    assert zh.h1.get_text(strip=True) == "找不到这一页"
    assert en.h1.get_text(strip=True) == "Page not found"
    # The switcher on a 404 page leads to the other language's 404 page.
    assert zh.select_one("a.md-select__link[hreflang=en]")["href"].endswith("/en/404.html")
    assert en.select_one("a.md-select__link[hreflang=zh]")["href"].endswith("/book/404.html")


def test_site_name_is_translated(site):
    assert site.html("").title.get_text() == "大模型是怎样训练出来的"
    assert site.html("en/").title.get_text() == "How Large Language Models Are Trained"
    chapter = "From Supervised Fine-Tuning to Reinforcement Learning"
    assert site.html("en/chapters/sft-to-rl/").title.get_text() == (
        f"{chapter} - How Large Language Models Are Trained"
    )
