"""Which page shows which quiz, checked without a build (textbook/quiz/usage.py)."""

from __future__ import annotations

from pathlib import Path

from textbook.quiz.usage import check_usage, load_quizzes

QUIZ = """\
questions:
  - id: one
    type: single
    question: {zh: 问题, en: Question}
    options:
      - {text: {zh: 对, en: Right}, correct: true}
      - {text: {zh: 错, en: Wrong}}
    explanation: {zh: 因为。, en: Because.}
"""


def _book(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    (docs / "quizzes").mkdir(parents=True)
    (docs / "quizzes" / "rl.yml").write_text(QUIZ, "utf-8")
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")
    return docs


def test_a_quiz_shown_by_two_chapters_belongs_to_the_one_named_like_it(tmp_path):
    shown = '# T\n\n{{ quiz("rl") }}\n'
    docs = _book(tmp_path, {"chapters/rl.zh.md": shown, "chapters/copy.zh.md": shown})
    quizzes, broken, problems = load_quizzes(docs, ("zh", "en"))
    assert (list(quizzes), broken, problems) == (["rl"], set(), [])
    usage = check_usage(docs, ("zh", "en"), quizzes, broken)
    assert usage.owners == {"rl": "chapters/rl.md"}
    assert usage.page_quizzes == {"chapters/copy.md": ["rl"], "chapters/rl.md": ["rl"]}
    assert usage.problems == [
        "docs/chapters/copy.zh.md:3: the page shows the quiz 'rl', which "
        "docs/chapters/rl.zh.md:3 shows too; two pages would share its questions and its "
        "score. Give this page a quiz of its own (docs/quizzes/<its name>.yml)."
    ]


def test_a_directive_in_a_code_block_is_not_a_quiz(tmp_path):
    docs = _book(tmp_path, {"chapters/rl.zh.md": '# T\n\n```\n{{ quiz("nope") }}\n```\n'})
    quizzes, broken, _ = load_quizzes(docs, ("zh", "en"))
    usage = check_usage(docs, ("zh", "en"), quizzes, broken)
    assert usage.problems == [
        "docs/quizzes/rl.yml: no page uses this quiz. Add "
        '{{ quiz("rl") }} to its chapter in every language, or delete the file.'
    ]
