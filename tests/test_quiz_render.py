"""The quiz hook's rendering, called directly."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader

from conftest import BOOK
from textbook.languages.ui_strings import load_strings
from textbook.quiz.load import load_quiz
from textbook.quiz.render import InlineMarkdown, render_quiz

ROOT = Path(__file__).parent.parent
QUIZ = load_quiz(BOOK / "docs" / "quizzes" / "sft-to-rl.yml", ("zh", "en"))
ENV = Environment(loader=FileSystemLoader(ROOT / "overrides"))
MD = InlineMarkdown(SimpleNamespace(markdown_extensions=["attr_list"], mdx_configs={}))


def _render(lang: str) -> BeautifulSoup:
    ui = {k: v[lang] for k, v in load_strings(("zh", "en")).items()}
    return BeautifulSoup(render_quiz(QUIZ, lang, env=ENV, md=MD, ui=ui), "lxml")


def test_inline_markdown_renders_like_the_chapter():
    assert MD("Use `code` and *emphasis*") == "Use <code>code</code> and <em>emphasis</em>"
    assert MD("[a link](#quiz)") == '<a href="#quiz">a link</a>'


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_is_a_fieldset_with_labelled_inputs(lang):
    soup = _render(lang)
    forms = soup.select("form.quiz__question")
    assert len(forms) == len(QUIZ.questions)
    for form in forms:
        assert form.fieldset.legend.get_text(strip=True)
        for field in form.select("input"):
            assert soup.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)


def test_true_false_options_come_from_the_ui_strings():
    labels = [
        lab.get_text() for lab in _render("en").select("#quiz-sft-to-rl-sft-same-algorithm label")
    ]
    assert labels == ["True", "False"]
    labels = [
        lab.get_text() for lab in _render("zh").select("#quiz-sft-to-rl-sft-same-algorithm label")
    ]
    assert labels == ["对", "错"]


def test_answer_key_is_the_same_in_both_languages():
    def key(soup):
        return {
            form["data-question"]: (
                form["data-type"],
                form["data-version"],
                [li.has_attr("data-correct") for li in form.select("[data-option]")],
            )
            for form in soup.select("form.quiz__question")
        }

    assert key(_render("zh")) == key(_render("en"))


def test_short_answer_accepts_numbers_and_the_languages_own_words():
    import json

    zh = json.loads(_render("zh").select_one("[data-type=short]")["data-accept"])
    en = json.loads(_render("en").select_one("[data-type=short]")["data-accept"])
    assert zh == {"numbers": [3.0], "tolerance": 0.0, "texts": ["三", "三美元"]}
    assert en["texts"] == ["three", "three dollars"]


@pytest.mark.parametrize(
    "text",
    [
        "Plain text, with a comma",
        "含有中文标点的文字，没有任何标记。",
        "Fish & chips < 3 > 2",
        "Costs $3 — “quoted” (and 9 ÷ 3 = 3)",
        "Use `code`: *this* and **that**, [a link](#quiz)",
        "Line one\nline two",
        "2 × 2 = 4, so 13 − 4 = 9!",
        "a | b, a == b, ==marked==, H~2~O, x^2^",
        "Fish &amp; chips",
    ],
)
def test_plain_text_shortcut_renders_exactly_as_markdown(text):
    extensions = ["attr_list", "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret"]
    shortcut = InlineMarkdown(SimpleNamespace(markdown_extensions=extensions, mdx_configs={}))
    full = InlineMarkdown(SimpleNamespace(markdown_extensions=extensions, mdx_configs={}))
    full_html = full._md.reset().convert(text)
    inline = full_html[3:-4] if full_html.count("<p>") == 1 else full_html
    assert shortcut(text) == inline
