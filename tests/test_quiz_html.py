"""The fixture book's quiz (chapter 1's, frozen), as built, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from chapter_source import normalize, read_source
from conftest import BOOK
from pagefind_files import fragments

SOURCE = read_source((Path(__file__).parent / "data" / "seed-sft-to-rl.txt").read_text("utf-8"))
ROOT = Path(__file__).parent.parent
PAGES = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}


def _quiz(site, lang):
    return site.html(PAGES[lang]).select_one("article section.quiz")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_quiz_follows_the_quiz_heading(site, lang):
    heading = site.html(PAGES[lang]).select_one("h2#quiz")
    after = heading.find_next_sibling()
    assert after.name == "section" and after["data-quiz"] == "sft-to-rl"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_source_questions_are_in_the_quiz(site, lang):
    legends = [normalize(legend.get_text()) for legend in _quiz(site, lang).select("legend")]
    for question in SOURCE.questions[lang]:
        assert any(normalize(question) in legend for legend in legends), question


def test_both_languages_show_the_same_quiz(site):
    def shape(quiz):
        return [
            (f["data-question"], f["data-type"], f["data-version"], len(f.select("input")))
            for f in quiz.select("form")
        ]

    assert shape(_quiz(site, "zh")) == shape(_quiz(site, "en"))
    assert len(shape(_quiz(site, "en"))) == 6


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_option_explains_itself_and_links_back(site, lang):
    quiz = _quiz(site, lang)
    page = site.html(PAGES[lang])
    for form in quiz.select("form"):
        for li in form.select(".quiz__explanations li"):
            assert li.select_one(".quiz__option-why").get_text(strip=True)
        link = form.select_one(".quiz__section a")
        assert page.find(id=link["href"].removeprefix("#")).name in ("h2", "h3")


def test_answers_and_explanations_stay_out_of_search(site):
    for lang in ("zh", "en"):
        pages = fragments(site.dir, lang)
        text = normalize(" ".join(page["content"] for page in pages).replace("\u200b", ""))
        assert text
        for form in _quiz(site, lang).select("form"):
            for hidden in form.select("[data-search-exclude]"):
                for part in hidden.select(".quiz__option-why, .quiz__explanation"):
                    assert normalize(part.get_text()) not in text


def test_quiz_assets_are_linked_only_from_quiz_pages(site):
    for path in site.pages():
        html = site.html(path)
        # The progress page asks questions again in review: it needs the quiz's code too.
        has_quiz = html.select_one("section.quiz, [data-quiz-progress]") is not None
        links = [link["href"] for link in html.select('link[rel=stylesheet][href*="quiz"]')]
        scripts = [s["src"] for s in html.select('script[src*="quiz"]')]
        assert (len(links), len(scripts)) == ((1, 1) if has_quiz else (0, 0)), path


def _gzip(data: bytes) -> int:
    import gzip

    return len(gzip.compress(data, 9))


def test_quiz_assets_stay_within_their_budgets(site):
    def size(*paths):
        return sum(_gzip((site.dir / rel).read_bytes()) for rel in paths)

    shared = size("assets/javascripts/quiz.js", "assets/stylesheets/quiz.css")
    assert shared <= 5 * 1024, f"quiz.js + quiz.css are {shared} bytes gzip"
    # The nav marks' script loads on every page (cached); the map its tag carries grows
    # with the chapters the page's pruned nav links to, about 6-15 bytes gzip each
    # (README, benchmarks/quiz_book_weight.py).
    marks = size("assets/javascripts/nav-marks.js")
    assert marks <= 1024, f"nav-marks.js is {marks} bytes gzip"
    chapters = len(list((BOOK / "docs" / "quizzes").glob("*.yml")))
    for path in ("", "en/", "chapters/sft-to-rl/", "en/progress/"):
        data = site.html(path).select_one("script[data-quiz-nav]")["data-quiz-nav"]
        assert _gzip(data.encode()) <= 160 + 16 * chapters, path
