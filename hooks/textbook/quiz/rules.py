"""Rules about what a quiz means, beyond its shape (see schema.py)."""

from __future__ import annotations

from dataclasses import dataclass

from textbook.quiz.schema import MultipleChoice, QuizFile, ShortAnswer, SingleChoice


@dataclass
class RuleBreak(Exception):
    """A broken rule: where it is (a path into the file) and what is wrong."""

    loc: tuple
    message: str


def check_rules(quiz: QuizFile, languages: tuple[str, ...] = ()) -> None:
    """Raise RuleBreak for the first rule the quiz breaks."""
    if not quiz.questions:
        raise RuleBreak(
            ("questions",), "the quiz has no questions; add at least one under 'questions:'."
        )
    seen: dict[str, int] = {}
    for index, question in enumerate(quiz.questions):
        loc = ("questions", index)
        label = f"question '{question.id}'"
        if question.id in seen:
            raise RuleBreak(
                (*loc, "id"),
                f"{label} → id: duplicate id; question {seen[question.id] + 1} already uses "
                f"'{question.id}'. Give each question its own id.",
            )
        seen[question.id] = index
        if isinstance(question, SingleChoice | MultipleChoice):
            _check_options(question, loc, label)
        if isinstance(question, ShortAnswer):
            accept = question.accept
            if not accept.numbers and not any((accept.texts or {}).values()):
                raise RuleBreak(
                    (*loc, "accept"),
                    f"{label} → accept: a short-answer question needs at least one accepted "
                    "answer; found none. Add 'numbers: [3]' or 'texts: {zh: [...], en: [...]}'.",
                )
            _check_texts(accept, loc, label, languages)


def _check_texts(accept, loc: tuple, label: str, languages: tuple[str, ...]) -> None:
    """Accepted texts in one language and not another: that language's quiz (on the site,
    in Canvas, in Moodle) would have no right answer, or a blank one."""
    texts = accept.texts or {}
    given = [lang for lang in languages if texts.get(lang)]
    missing = [lang for lang in languages if not texts.get(lang)]
    if given and missing:
        raise RuleBreak(
            (*loc, "accept", "texts"),
            f"{label} → accept.texts: accepted texts in {', '.join(given)} but none in "
            f"{', '.join(missing)}; add '{missing[0]}: [...]' with the answers a reader of "
            f"that language types.",
        )
    for lang in given:
        if len(texts[lang]) > 1 and any("->" in text for text in texts[lang]):
            raise RuleBreak(
                (*loc, "accept", "texts", lang),
                f"{label} → accept.texts ({lang}): Moodle's GIFT reads '->' in a short answer "
                "with several accepted texts as a matching question, and GIFT cannot escape "
                "it. Keep that text alone in its list, or write it without '->' (for example "
                "with '→').",
            )


def _check_options(question, loc: tuple, label: str) -> None:
    if len(question.options) < 2:
        found = "an empty list" if not question.options else "only one"
        raise RuleBreak(
            (*loc, "options"),
            f"{label} → options: expected at least two options; found {found}.",
        )
    correct = sum(option.correct for option in question.options)
    if isinstance(question, SingleChoice) and correct != 1:
        raise RuleBreak(
            (*loc, "options"),
            f"{label} → options: a single-choice question needs exactly one option with "
            f"'correct: true'; found {correct}. Use type 'multiple' if several are right.",
        )
    if isinstance(question, MultipleChoice) and correct == 0:
        raise RuleBreak(
            (*loc, "options"),
            f"{label} → options: a multiple-choice question needs at least one option with "
            "'correct: true'; found none.",
        )
