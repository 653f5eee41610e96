"""Quiz questions as cross-reference targets: `[](#quiz-sft-to-rl-emily-apple-price)`.

The quiz is put into a page after its Markdown is rendered (hooks/textbook/quiz/hook.py), so
the questions' ids are read from the quiz files of the quizzes a page shows,
numbered as the quiz numbers them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from textbook.conventions import QUIZ_MARKER_HTML, QUIZ_MARKER_START
from textbook.numbering.collect import PageRecord
from textbook.quiz.load import QuizError, read_quiz
from textbook.quiz.render import question_anchor


def quiz_questions(html: str, quiz_dir: Path, locales: tuple[str, ...]) -> dict[str, int]:
    """{question anchor: its number} for every quiz the page shows."""
    questions: dict[str, int] = {}
    for quiz_id in QUIZ_MARKER_HTML.findall(html):
        path = quiz_dir / f"{quiz_id}.yml"
        if path.exists():
            questions |= _numbered(path, locales)
    return questions


def add_quiz_questions(
    records: dict[str, PageRecord], files: Files, quiz_dir: Path, locales: tuple[str, ...]
) -> None:
    """Quiz questions become reference targets; MkDocs' anchor check learns their ids."""
    for file in files.documentation_pages():
        record = records.get(file.src_uri)
        if (
            record is None
            or file.page is None
            or QUIZ_MARKER_START not in (file.page.content or "")
        ):
            continue
        record.questions = quiz_questions(file.page.content, quiz_dir, locales)
        if file.page.present_anchor_ids is not None:
            file.page.present_anchor_ids |= set(record.questions)


def _numbered(path: Path, locales: tuple[str, ...]) -> dict[str, int]:
    try:
        quiz = read_quiz(path, locales)  # read once per version of the file, for every page
    except QuizError:  # reported by the quiz hook, with the book's other problems
        return {}
    return {question_anchor(quiz.id, q.id): n for n, q in enumerate(quiz.questions, 1)}
