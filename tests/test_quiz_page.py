"""A quiz on a built page, without a build: the marker a directive becomes and the patterns
that find it (textbook/conventions.py), the checks of a rendered page (quiz/usage.py), the
quizzes put in (quiz/page.py) and what one language's build remembers (quiz/state.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from textbook.conventions import QUIZ_MARKER, QUIZ_MARKER_HTML, QUIZ_MARKER_TEXT
from textbook.quiz.directives import mark_directives
from textbook.quiz.page import fill_quizzes
from textbook.quiz.state import LanguageQuizzes, QuizBuild
from textbook.quiz.usage import check_page, load_quizzes

LOCALES = ("zh", "en")
QUIZ = """\
questions:
  - id: one
    type: single
    question: {zh: 问题, en: Question}
    section: why
    options:
      - {text: {zh: 对, en: Right}, correct: true}
      - {text: {zh: 错, en: Wrong}}
    explanation: {zh: 因为。, en: Because.}
"""


def _quizzes(tmp_path: Path) -> dict:
    docs = tmp_path / "docs"
    (docs / "quizzes").mkdir(parents=True)
    (docs / "quizzes" / "rl.yml").write_text(QUIZ, "utf-8")
    quizzes, broken, problems = load_quizzes(docs, LOCALES)
    assert (broken, problems) == (set(), [])
    return quizzes


def test_the_marker_a_directive_becomes_is_found_in_html_and_in_a_comment():
    page = 'Text.\n\n{{ quiz("sft-to-rl") }}\n\n```\n{{ quiz("shown") }}\n```\n'
    marked = mark_directives(page)
    assert QUIZ_MARKER.format("sft-to-rl") in marked
    assert QUIZ_MARKER_HTML.findall(marked) == ["sft-to-rl"]  # not the one in a code block

    comments = []
    parser = HTMLParser()
    parser.handle_comment = comments.append
    parser.feed(marked)
    assert [QUIZ_MARKER_TEXT.fullmatch(c.strip()).group(1) for c in comments] == ["sft-to-rl"]


def test_a_page_that_owns_a_quiz_must_have_its_questions_sections(tmp_path):
    quizzes = _quizzes(tmp_path)
    html = f"<h2 id='other'>T</h2>\n{QUIZ_MARKER.format('rl')}\n"
    owners = {"rl": "chapters/rl.md"}
    assert check_page(html, "chapters/rl.zh.md", "chapters/rl.md", quizzes, owners) == [
        "docs/quizzes/rl.yml:5: question 'one' → section: the page chapters/rl.zh.md has no "
        "heading with the id 'why'. Give the heading an id, as in '## Title {#why}'."
    ]
    # A copy of the quiz on another page is reported once, by the usage check.
    assert check_page(html, "chapters/copy.zh.md", "chapters/copy.md", quizzes, owners) == []
    fixed = html.replace("id='other'", 'id="why"')
    assert check_page(fixed, "chapters/rl.zh.md", "chapters/rl.md", quizzes, owners) == []


def test_each_marker_is_replaced_by_its_quiz_and_a_broken_quiz_by_nothing(tmp_path):
    quizzes = _quizzes(tmp_path)
    page = f"<p>a</p>{QUIZ_MARKER.format('rl')}<p>b</p>{QUIZ_MARKER.format('broken')}<p>c</p>"
    filled = fill_quizzes(page, lambda quiz: f"<form>{quiz.id}</form>", quizzes)
    assert filled == "<p>a</p><form>rl</form><p>b</p><p>c</p>"


def test_a_reused_render_gets_its_marks_back_in_the_current_build():
    before = LanguageQuizzes(pages={"a.md", "p.md"}, progress={"p.md"})
    marks = {src: before.marks(src) for src in ("a.md", "p.md", "plain.md")}
    assert marks == {"a.md": (True, False), "p.md": (True, True), "plain.md": (False, False)}

    now = LanguageQuizzes(pages={"b.md"})
    for src, marked in marks.items():
        now.restore(src, marked)
    assert (now.pages, now.progress) == ({"a.md", "b.md", "p.md"}, {"p.md"})


def test_the_chapters_follow_the_nav_and_leave_out_a_broken_quiz(tmp_path):
    quizzes = _quizzes(tmp_path)
    section = SimpleNamespace(title="Part")

    def page(src: str, title: str):
        file = SimpleNamespace(src_uri=src)
        return SimpleNamespace(file=file, title=title, url=src[:-6] + "/", parent=section)

    build = QuizBuild()
    build.usage.page_quizzes = {"b.md": ["broken"], "a.md": ["rl"]}
    build.language = LanguageQuizzes(quizzes=quizzes)
    build.language.nav = SimpleNamespace(pages=[page("b.en.md", "B"), page("a.en.md", "A")])
    chapters = build.chapters(LOCALES)
    assert [(c.quiz.id, c.title, c.url) for c in chapters] == [("rl", "A", "a/")]
    assert build.chapters(LOCALES) is chapters  # made once per language

    ui = {"quiz_mark_untouched": "0", "quiz_mark_started": "1", "quiz_mark_done": "2"}
    marks = build.nav_marks(build.language.nav.pages[0], LOCALES, False, ui)
    assert marks == '{"q":{"a/":["rl",1]},"s":["0","1","2"]}'
