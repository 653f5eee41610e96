"""One language's quizzes as Moodle GIFT text, with a category per quiz.

Texts stay Markdown ([markdown] format, which Moodle renders). Everything Moodle's
GIFT reader (question/format/gift/format.php) gives a meaning is written so that it
reads back as the plain text:
- the specials ~ = # { } : and the backslash are escaped, newlines written as \\n;
- a text that starts with '[' gets an explicit [markdown], or '[html] x' would be
  read as a format;
- an answer that starts with '%n%' gets an explicit weight first (%0% or %100%), or
  the author's '%10%' would become the weight;
- '*' in an accepted short answer is Moodle's wildcard: written '\\*', a literal star;
- '->' with '=' makes Moodle read a matching question, and GIFT has no escape for it:
  a short answer with one accepted text is written without '=' ({%100%a->b});
  several are refused when the quiz is read (quiz/rules.py), so the site stops on them too;
- numbers are plain decimals, never exponent form (1e-05 is written 0.00001).
The question's explanation is the general feedback (####), an option's explanation
its feedback (#). Numbers keep their tolerance ({#3:0.01}).
"""

from __future__ import annotations

import re

from textbook.quiz.lms.numbers import decimal_text
from textbook.quiz.schema import MultipleChoice, ShortAnswer, TrueFalse

SPECIAL = "\\~=#{}:"
WEIGHT = re.compile(r"^\s*%-*[0-9]{1,2}\.?[0-9]*%")  # what Moodle takes for a weight


def gift_text(quizzes: list, lang: str, *, title) -> str:
    """The whole file. title(quiz) -> its chapter's title, for the category comment."""
    blocks = []
    for quiz in quizzes:
        blocks.append(f"// {_line(title(quiz))}\n$CATEGORY: {quiz.id}")
        blocks.extend(_question(quiz, question, lang) for question in quiz.questions)
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """A text as GIFT reads it back: specials escaped, newlines as \\n, a leading '['
    marked as Markdown so that it is not taken for a format."""
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    text = text.replace("\r", "").replace("\n", "\\n")
    return "[markdown]" + text if text.lstrip().startswith("[") else text


def answer(text: str) -> str:
    """A wrong or short answer's text after its mark: '%0%' first when the text itself
    starts with what Moodle would take for a weight (a right '=' option needs none)."""
    return ("%0%" if WEIGHT.match(text) else "") + escape(text)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _line(text: str) -> str:
    return " ".join(text.split())


def _question(quiz, question, lang: str) -> str:
    head = f"::{escape(question.id)}::[markdown]{escape(question.question[lang])}"
    general = f"####{escape(question.explanation[lang])}"
    return f"{head} {{\n{_answers(quiz, question, lang)}\n{general}\n}}"


def _answers(quiz, question, lang: str) -> str:
    if isinstance(question, TrueFalse):
        # {TRUE#shown to a wrong answer#shown to a right one}
        right, wrong = (
            (question.explain_true, question.explain_false)
            if question.answer
            else (question.explain_false, question.explain_true)
        )
        parts = ["TRUE" if question.answer else "FALSE"]
        if wrong or right:
            parts.append(escape(wrong[lang]) if wrong else "")
        if right:
            parts.append(escape(right[lang]))
        return "#".join(parts)
    if isinstance(question, ShortAnswer):
        return _short(quiz, question, lang)
    multiple = isinstance(question, MultipleChoice)
    correct = sum(o.correct for o in question.options)
    lines = []
    for option in question.options:
        text = option.text[lang]
        if multiple:
            # The weight is written first, so nothing in the text is read as one.
            share = 100 / correct if option.correct else -100 / (len(question.options) - correct)
            written = f"~%{decimal_text(round(share, 5))}%{escape(text)}"
        else:
            # After '=' Moodle reads no weight; after '~' it does.
            written = f"={escape(text)}" if option.correct else f"~{answer(text)}"
        why = f"#{escape(option.explanation[lang])}" if option.explanation else ""
        lines.append(written + why)
    return "\n".join(lines)


def _short(quiz, question, lang: str) -> str:
    accept = question.accept
    if accept.numbers:
        tolerance = decimal_text(accept.tolerance)
        answers = [f"{decimal_text(n)}:{tolerance}" for n in accept.numbers]
        return "#" + (answers[0] if len(answers) == 1 else " ".join("=" + a for a in answers))
    texts = [_wildcards_literal(text) for text in accept.texts[lang]]
    if any("->" in text for text in texts):
        # No '=' in the answers: not a matching question. Several texts with '->' cannot
        # be written at all: the quiz's rules refuse them (quiz/rules.py).
        return "%100%" + escape(texts[0])
    return "\n".join(("=%100%" if WEIGHT.match(t) else "=") + escape(t) for t in texts)


def _wildcards_literal(text: str) -> str:
    """Moodle's short answers read '*' as 'anything'; '\\*' is a star."""
    return text.replace("*", "\\*")
