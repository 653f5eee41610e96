"""Quizzes put into a built page's HTML, where the Markdown render left their markers, with
the problems their texts have on that page (a cross-reference to nothing, bad math)."""

from __future__ import annotations

from collections.abc import Callable

from textbook.conventions import QUIZ_MARKER_HTML, QUIZ_MARKER_START
from textbook.numbering.book_numbers import LanguageNumbers
from textbook.quiz.directives import PROGRESS_MARKER
from textbook.quiz.load import Quiz
from textbook.quiz.progress_page import render_progress
from textbook.quiz.render import InlineMarkdown, render_quiz
from textbook.quiz.state import LanguageQuizzes


def fill_page(
    output: str,
    src: str,
    url: str,
    lang: LanguageQuizzes,
    chapters: Callable[[], list],
    code: str,
    *,
    ui: dict,
    numbers: LanguageNumbers | None,
) -> tuple[str, list[str]]:
    """A built page (its src_uri and URL) in the language `lang` with its quizzes and its
    progress page put in, and the problems found there; `chapters()` gives the chapters with
    a quiz, asked by the progress page only."""
    problems: list[str] = []

    def render(quiz: Quiz) -> str:
        shown = f"{lang.docs}/{src}"
        html, found = render_on_page(
            quiz, src, shown, code, env=lang.env, md=lang.md, ui=ui, numbers=numbers
        )
        problems.extend(found)
        return html

    output = fill_quizzes(output, render, lang.quizzes)
    if src in lang.progress:
        progress = render_progress(chapters(), url, code, env=lang.env, md=lang.md, ui=ui)
        output = output.replace(PROGRESS_MARKER, progress)
    return output, problems


def fill_quizzes(output: str, render: Callable[[Quiz], str], quizzes: dict[str, Quiz]) -> str:
    """The page with each quiz marker replaced by `render(quiz)` (nothing for a quiz left
    out for a mistake)."""
    # str.find, then the pattern only where a marker starts: a regex scanning the whole
    # page (about 90 KB) for each quiz page cost almost as much as rendering it.
    parts, end, start = [], 0, output.find(QUIZ_MARKER_START)
    while start != -1:
        if marker := QUIZ_MARKER_HTML.match(output, start):
            quiz = quizzes.get(marker.group(1))
            parts += [output[end:start], render(quiz) if quiz else ""]
            end = marker.end()
        start = output.find(QUIZ_MARKER_START, start + 1)
    return "".join(parts) + output[end:]


def render_on_page(
    quiz: Quiz,
    src_uri: str,
    shown: str,
    lang: str,
    *,
    env,
    md: InlineMarkdown,
    ui: dict,
    numbers: LanguageNumbers | None,
) -> tuple[str, list[str]]:
    """The quiz in one language, cross-references in its texts read as in the chapter
    (`src_uri`, shown to authors as `shown`; `numbers` from the numbering's extension), and
    the problems of its texts there."""
    md.take_math_problems()  # others' (a stale page's reviewed version): not ours
    html = render_quiz(quiz, lang, env=env, md=md, ui=ui)
    html, unknown = numbers.fill_links(html, src_uri) if numbers else (html, [])
    math = md.take_math_problems()
    text = quiz.path.read_text("utf-8") if unknown or math else ""
    problems = [f"{quiz.name}:{_line_in(text, tex)}: {message}" for tex, message in math]
    for href in dict.fromkeys(unknown):
        line = _line_in(text, f"]({href})")
        problems.append(
            f"{quiz.name}:{line}: the reference [](#{href.partition('#')[2]}) points to no "
            f"figure, table, equation, section or quiz question of {shown}, the page that "
            "shows this quiz."
        )
    return html, problems


def _line_in(text: str, needle: str) -> int:
    """The line of a quiz file that holds this text (YAML's double quotes double a
    backslash), or its first line."""
    for written in (needle, needle.replace("\\", "\\\\")):
        if (at := text.find(written.strip().split("\n", 1)[0])) >= 0:
            return text.count("\n", 0, at) + 1
    return 1
