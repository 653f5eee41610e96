"""Every quiz error message, each from its own fixture, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from textbook.quiz.load import QuizError, load_quiz

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"
REAL = Path(__file__).parent.parent / "docs" / "quizzes"
LANGS = ("zh", "en")

EXPECTED = {
    "yaml-syntax.yml": "yaml-syntax.yml:4: YAML syntax error: the '{' on this line is never closed "
    "(did not find expected ',' or '}'). Close it, or put the whole value in quotes if it is "
    "text.",
    "duplicate-key.yml": "duplicate-key.yml:6: the key 'question' is written twice (lines 4 and "
    "6); YAML would silently keep only the second. Keep one of them.",
    "saved-as-gb18030.yml": "saved-as-gb18030.yml:4: this file is not saved as UTF-8 (GBK or "
    "GB18030?): its first byte that is not UTF-8 is on this line. Save it as UTF-8 in your "
    "editor.",
    "not-a-mapping.yml": "not-a-mapping.yml:1: expected a mapping with a 'questions' list at the "
    "top; found list.",
    "unknown-key.yml": "unknown-key.yml:9: question 'q1' → explantion: unknown key 'explantion'. "
    "Did you mean 'explanation'? Expected one of: id, question, explanation, hint, section, type, "
    "options, pin_order.",
    "pin-order-not-bool.yml": "pin-order-not-bool.yml:6: question 'q1' → pin_order: expected true "
    "or false; found 'always'.",
    "pin-order-on-short.yml": "pin-order-on-short.yml:6: question 'q1' → pin_order: unknown key "
    "'pin_order'. Expected one of: id, question, explanation, hint, section, type, accept.",
    "missing-en.yml": "missing-en.yml:4: question 'q1' → question: missing the en text.",
    "empty-text.yml": "empty-text.yml:7: question 'q1' → options[0].text: the en text is empty or "
    "not a string; found ''.",
    "unknown-language.yml": "unknown-language.yml:9: question 'q1' → options[1].text: unknown "
    "language 'fr'; the book has zh, en.",
    "missing-explanation.yml": "missing-explanation.yml:2: question 'q1' → explanation: this field "
    "is required but missing. Add 'explanation:'.",
    "missing-type.yml": "missing-type.yml:2: question 'q1' → type: missing; expected one of "
    "single, multiple, true_false, short.",
    "unknown-type.yml": "unknown-type.yml:2: question 'q1' → type: expected one of single, "
    "multiple, true_false, short; found 'singel'.",
    "bad-id.yml": "bad-id.yml:2: question 'Question One' → id: expected lower-case letters, digits "
    "and hyphens (like 'emily-apples'); found 'Question One'.",
    "duplicate-id.yml": "duplicate-id.yml:10: question 'q1' → id: duplicate id; question 1 already "
    "uses 'q1'. Give each question its own id.",
    "single-no-correct.yml": "single-no-correct.yml:7: question 'q1' → options: a single-choice "
    "question needs exactly one option with 'correct: true'; found 0. Use type 'multiple' if "
    "several are right.",
    "single-two-correct.yml": "single-two-correct.yml:7: question 'q1' → options: a single-choice "
    "question needs exactly one option with 'correct: true'; found 2. Use type 'multiple' if "
    "several are right.",
    "multiple-no-correct.yml": "multiple-no-correct.yml:7: question 'q1' → options: a "
    "multiple-choice question needs at least one option with 'correct: true'; found none.",
    "empty-options.yml": "empty-options.yml:6: question 'q1' → options: expected at least two "
    "options; found an empty list.",
    "one-option.yml": "one-option.yml:7: question 'q1' → options: expected at least two options; "
    "found only one.",
    "short-no-answer.yml": "short-no-answer.yml:6: question 'q1' → accept: a short-answer question "
    "needs at least one accepted answer; found none. Add 'numbers: [3]' or "
    "'texts: {zh: [...], en: [...]}'.",
    "true-false-not-bool.yml": "true-false-not-bool.yml:6: question 'q1' → answer: expected true "
    "or false; found 'maybe'.",
    "no-questions.yml": "no-questions.yml:1: the quiz has no questions; add at least one under "
    "'questions:'.",
}


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_mistake_gets_its_message(fixture):
    with pytest.raises(QuizError) as caught:
        load_quiz(FIXTURES / fixture, LANGS, shown_as=fixture)
    assert str(caught.value) == EXPECTED[fixture]


def test_every_fixture_is_covered():
    fixtures = {p.name for p in FIXTURES.glob("*.yml")} - {"valid.yml"}
    assert fixtures == set(EXPECTED)


def test_the_valid_fixture_loads():
    quiz = load_quiz(FIXTURES / "valid.yml", LANGS)
    assert [q.id for q in quiz.questions] == ["q1"]


def test_the_books_quizzes_are_valid():
    for path in REAL.glob("*.yml"):
        quiz = load_quiz(path, LANGS)
        assert len(quiz.questions) >= 1


def test_question_version_changes_with_any_text(tmp_path):
    source = (FIXTURES / "valid.yml").read_text("utf-8")
    before = load_quiz(FIXTURES / "valid.yml", LANGS).versions["q1"]
    changed = tmp_path / "valid.yml"
    changed.write_text(source.replace("en: Explanation", "en: Another explanation"), "utf-8")
    assert load_quiz(changed, LANGS).versions["q1"] != before
