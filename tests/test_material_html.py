"""The first chapter's figures, table, equation and references, as built, in both languages."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from material_helpers import numbers as _numbers
from material_helpers import refs as _refs
from pagefind_files import fragments

CHAPTER = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}
NUMBERS = {
    "zh": {
        "fig-training-stages": "图 1-1",
        "tab-textbook-parts": "表 1-1",
        "eq-emily-system": "（1-1）",
        "fig-four-solutions": "图 1-2",
    },
    "en": {
        "fig-training-stages": "Figure 1-1",
        "tab-textbook-parts": "Table 1-1",
        "eq-emily-system": "(1-1)",
        "fig-four-solutions": "Figure 1-2",
    },
}
REFS = {
    "zh": ["图 1-1", "表 1-1", "式（1-1）", "图 1-2"],
    "en": ["Figure 1-1", "Table 1-1", "Equation (1-1)", "Figure 1-2"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_table_and_equation_are_numbered(site, lang):
    assert _numbers(site.html(CHAPTER[lang])) == NUMBERS[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_references_show_the_number_in_the_pages_language(site, lang):
    refs = _refs(site.html(CHAPTER[lang]))
    targets = ["fig-training-stages", "tab-textbook-parts", "eq-emily-system", "fig-four-solutions"]
    assert refs == [(f"#{target}", text) for target, text in zip(targets, REFS[lang], strict=True)]
    page = site.html(CHAPTER[lang])
    assert all(page.find(id=target) for target in targets)
    assert [a["data-ref"] for a in page.select("a.book-ref")] == targets


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_math_is_mathml_with_its_tex(site, lang):
    article = site.html(CHAPTER[lang]).select_one("article")
    formulas = article.select("math.book-math")
    assert len(formulas) >= 8
    for math in formulas:
        annotation = math.select_one("semantics > annotation")
        assert annotation["encoding"] == "application/x-tex"
        assert annotation.get_text().strip()
    display = article.select_one("#eq-emily-system > math")
    assert display["display"] == "block"
    assert r"\begin{cases} o = 2 \\ 3a + 2o = 13 \end{cases}" in display.annotation.get_text()
    assert "\\label" not in display.annotation.get_text()
    inline = [m.annotation.get_text() for m in article.select("math[display=inline]")]
    assert r"3x + 2 \times 2 = 13" in inline


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_indexes_formulas_once_without_their_tex(site, lang):
    chapter = next(p for p in fragments(site.dir, lang) if "sft-to-rl" in p["url"])
    text = chapter["content"].replace("\u200b", "").replace(" ", "")
    assert "3a+2o=13" in text
    assert "\\begin{cases}" not in text and "\\times" not in text


def _scripts(soup: BeautifulSoup) -> tuple[set[str], list[str]]:
    scripts = soup.select("script")
    return {s["src"].rsplit("/", 1)[-1] for s in scripts if s.get("src")}, [
        s.get_text()[:40] for s in scripts if not s.get("src")
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_script_for_math(site, lang):
    home = {"zh": "", "en": "en/"}[lang]
    chapter_src, chapter_inline = _scripts(site.html(CHAPTER[lang]))
    home_src, home_inline = _scripts(site.html(home))
    # The quiz's and the glossary tips', nothing for math.
    assert chapter_src - home_src == {"quiz.js", "glossary.js"}
    # No inline script of the book's own: page.js is a file, cached across pages.
    assert len(chapter_inline) == len(home_inline)
    assert "page.js" in home_src
    html = (site.dir / CHAPTER[lang] / "index.html").read_text("utf-8").lower()
    assert "mathjax" not in html and "katex" not in html


def _image_file(site, lang: str, name: str):
    img = site.html(CHAPTER[lang]).select_one(f"article img[src$='{name}']")
    return (site.dir / posixpath.normpath(posixpath.join(CHAPTER[lang], img["src"]))).resolve()


def test_a_shared_image_is_written_once_and_used_by_both_languages(site):
    zh, en = (_image_file(site, lang, "four-solutions.svg") for lang in ("zh", "en"))
    assert zh == en == (site.dir / "chapters/img/four-solutions.svg").resolve()
    assert zh.exists()
    assert not (site.dir / "en/chapters/img/four-solutions.svg").exists()


def test_a_localized_image_replaces_the_shared_one_for_its_language(site):
    zh, en = (_image_file(site, lang, "training-stages.svg") for lang in ("zh", "en"))
    assert zh == (site.dir / "chapters/img/training-stages.svg").resolve()
    assert en == (site.dir / "en/chapters/img/training-stages.svg").resolve()
    assert 'lang="zh"' in zh.read_text("utf-8") and "预训练" in zh.read_text("utf-8")
    assert 'lang="en"' in en.read_text("utf-8") and "Pretraining" in en.read_text("utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_have_alt_text_and_a_caption(site, lang):
    for figure in site.html(CHAPTER[lang]).select("article figure.book-figure"):
        assert len(figure.img["alt"]) > 20
        caption = figure.figcaption.get_text(" ", strip=True)
        number = figure.select_one(".book-number").get_text()
        assert caption.startswith(number) and len(caption) > len(number) + 5


def test_the_build_logs_no_warning(site):
    assert "WARNING" not in site.log
