"""One language's quizzes as Moodle GIFT text, with a category per quiz.

Texts stay Markdown ([markdown] format, which Moodle renders); GIFT's special
characters are escaped. The question's explanation is the general feedback
(####), an option's explanation its feedback (#). Numbers keep their tolerance
({#3:0.01}); text-only short answers list every accepted text ({=three =3}).
"""

from __future__ import annotations

from quiz.schema import MultipleChoice, ShortAnswer, TrueFalse

SPECIAL = "\\~=#{}:"


def gift_text(quizzes: list, lang: str, *, title) -> str:
    """The whole file. title(quiz) -> its chapter's title, for the category comment."""
    blocks = []
    for quiz in quizzes:
        blocks.append(f"// {title(quiz)}\n$CATEGORY: {quiz.id}")
        blocks.extend(_question(quiz, question, lang) for question in quiz.questions)
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """A text as GIFT reads it back: specials escaped, newlines as \\n."""
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _question(quiz, question, lang: str) -> str:
    head = f"::{escape(question.id)}::[markdown]{escape(question.question[lang])}"
    general = f"####{escape(question.explanation[lang])}"
    return f"{head} {{\n{_answers(question, lang)}\n{general}\n}}"


def _answers(question, lang: str) -> str:
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
        accept = question.accept
        if accept.numbers:
            answers = [f"{_num(n)}:{_num(accept.tolerance)}" for n in accept.numbers]
            return "#" + (answers[0] if len(answers) == 1 else " ".join("=" + a for a in answers))
        return "\n".join(f"={escape(text)}" for text in (accept.texts or {}).get(lang, []))
    multiple = isinstance(question, MultipleChoice)
    correct = sum(o.correct for o in question.options)
    lines = []
    for option in question.options:
        if multiple:
            share = 100 / correct if option.correct else -100 / (len(question.options) - correct)
            mark = f"~%{_num(round(share, 5))}%"
        else:
            mark = "=" if option.correct else "~"
        why = f"#{escape(option.explanation[lang])}" if option.explanation else ""
        lines.append(f"{mark}{escape(option.text[lang])}{why}")
    return "\n".join(lines)


def _num(value: float) -> str:
    return repr(round(value, 10)).removesuffix(".0")
