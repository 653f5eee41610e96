"""The chapter carries its whole source, in both languages, with the same structure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chapter_source import normalize, read_source, sentences

SOURCE = read_source((Path(__file__).parent / "data" / "seed-sft-to-rl.txt").read_text("utf-8"))
PAGES = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}


@pytest.fixture(scope="module")
def site(real_site):
    """The real book: this file tests its chapter's content, not the tools (which are tested
    on the fixture book)."""
    return real_site


def _article(site, lang):
    return site.html(PAGES[lang]).select_one("article.md-content__inner")


def test_source_has_the_expected_parts():
    # Guards the source reader itself: intro + 7 paragraphs, 6 key points, 4 questions.
    for lang in ("zh", "en"):
        assert len(SOURCE.paragraphs[lang]) == 8
        assert len(SOURCE.key_points[lang]) == 6
        assert len(SOURCE.questions[lang]) == 4


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_title(site, lang):
    assert normalize(_article(site, lang).h1.get_text()) == normalize(SOURCE.title[lang])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sentence_of_every_paragraph_is_on_the_page(site, lang):
    text = normalize(_article(site, lang).get_text())
    missing = [
        sentence
        for paragraph in SOURCE.paragraphs[lang]
        for sentence in sentences(paragraph)
        if normalize(sentence) not in text
    ]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_key_points_are_in_the_summary_box(site, lang):
    box = _article(site, lang).select_one(".admonition.abstract")
    items = [normalize(li.get_text()) for li in box.select("li")]
    assert items == [normalize(point) for point in SOURCE.key_points[lang]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_emily_problem_is_a_worked_example(site, lang):
    box = _article(site, lang).select_one(".admonition.example")
    assert len(box.select("ol > li")) == 4
    assert "13" in box.get_text() and "3" in box.get_text()


def _outline(article):
    heads = [h.name for h in article.find_all(re.compile(r"^h[1-6]$"))]
    boxes = [tuple(sorted(set(d["class"]) - {"admonition"})) for d in article.select(".admonition")]
    return heads, boxes, len(article.select("table")), len(article.find_all("p"))


def test_both_languages_have_the_same_structure(site):
    zh, en = _outline(_article(site, "zh")), _outline(_article(site, "en"))
    assert zh == en


CJK = r"[\u4e00-\u9fff]"


def test_chinese_is_typeset_as_chinese(site):
    text = _article(site, "zh").get_text(" ", strip=False)
    prose = re.sub(r"\s+", " ", text)
    # Half-width punctuation next to Chinese characters.
    assert re.findall(rf"{CJK}[,;:?!()]|[,;:?!()]{CJK}", prose) == []
    # Spaces between two Chinese characters or around full-width punctuation.
    body = "".join(p.get_text() for p in _article(site, "zh").find_all(["p", "li", "td"]))
    assert re.findall(rf"{CJK} +{CJK}", body) == []
    assert re.findall(r" [,。;:?!()「」、]|[,。;:?!()「」、] ", body) == []


def test_english_uses_typographic_quotes(site):
    body = "".join(p.get_text() for p in _article(site, "en").find_all(["p", "li", "td"]))
    assert "'" not in body and '"' not in body


def test_every_chinese_page_head_is_typeset_as_chinese(site):
    """What search engines and link previews show: the title and the description."""
    pages = [p for p in site.pages() if (p == "" or p.endswith("/")) and not p.startswith("en/")]
    assert len(pages) >= 4
    for path in pages:
        head = site.html(path).head
        shown = head.title.get_text() + head.select_one("meta[name=description]")["content"]
        assert re.findall(rf"{CJK}[,;:?!()]|[,;:?!()]{CJK}", shown) == [], path
