"""Turn a validated quiz into HTML for one language, through partials/quiz.html."""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace

import markdown
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from textbook.quiz.load import Quiz
from textbook.quiz.schema import MultipleChoice, ShortAnswer, SingleChoice, TrueFalse

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# What can start inline Markdown or HTML (== marks, ![ is an image, | only makes
# tables); a text with none of it renders to itself, so it skips Markdown.
_MARKUP = re.compile(r"[\\`*_\[\]<>~^{}&]|==|\n|  |://|www\.|:[\w+-]+:")


class InlineMarkdown:
    """Renders quiz texts with the chapter's own Markdown extensions, one instance per build."""

    def __init__(self, config: MkDocsConfig):
        self._md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        # The book's extension, shared with the pages' renders: it keeps the math problems
        # of texts rendered outside a page for the quiz to name with its file and line.
        self._book = next(
            (e for e in config.markdown_extensions if hasattr(e, "take_unplaced")), None
        )

    def take_math_problems(self) -> list[tuple[str, str]]:
        """(TeX, message) for each formula of the texts rendered since the last call that
        the converter could not read."""
        return self._book.take_unplaced() if self._book is not None else []

    def __call__(self, text: str | None) -> str | None:
        if text is None:
            return None
        if not _MARKUP.search(text):
            return html.escape(text, quote=False)
        html_text = self._md.reset().convert(text)
        match = _PARAGRAPH.match(html_text)
        # A one-paragraph text renders inline, so it can sit in a <legend> or <label>.
        return match.group(1) if match and "<p>" not in match.group(1) else html_text


def render_quiz(quiz: Quiz, lang: str, *, env: Environment, md: InlineMarkdown, ui: dict) -> str:
    """The quiz's HTML in one language."""
    questions = [_question_view(q, n, quiz, lang, md, ui) for n, q in enumerate(quiz.questions, 1)]
    strings = {
        key.removeprefix("quiz_"): text for key, text in ui.items() if key.startswith("quiz_")
    }
    return env.get_template("partials/quiz.html").render(
        quiz=quiz, questions=questions, ui=ui, strings_json=json.dumps(strings, ensure_ascii=False)
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def question_anchor(quiz_id: str, question_id: str) -> str:
    """The id of a question's form: what a link or a cross-reference points to."""
    return f"quiz-{quiz_id}-{question_id}"


def _question_view(
    q, number: int, quiz: Quiz, lang: str, md: InlineMarkdown, ui: dict
) -> SimpleNamespace:
    view = {
        "id": q.id,
        "dom_id": question_anchor(quiz.id, q.id),
        "number": number,
        "type": q.type,
        "version": quiz.versions[q.id],
        "question": md(q.question[lang]),
        "hint": md(q.hint[lang]) if q.hint else None,
        "explanation": md(q.explanation[lang]),
        "section": q.section,
        "pinned": getattr(q, "pin_order", False),
        "options": [],
        "accept": None,
    }
    if isinstance(q, SingleChoice | MultipleChoice):
        view["options"] = [
            {
                "text": md(o.text[lang]),
                "correct": o.correct,
                "explanation": md(o.explanation[lang]) if o.explanation else None,
            }
            for o in q.options
        ]
    elif isinstance(q, TrueFalse):
        view["options"] = [
            {
                "text": ui["quiz_true"] if value else ui["quiz_false"],
                "correct": q.answer == value,
                "explanation": md(why[lang]) if why else None,
            }
            for value, why in ((True, q.explain_true), (False, q.explain_false))
        ]
    elif isinstance(q, ShortAnswer):
        texts = (q.accept.texts or {}).get(lang, [])
        view["accept"] = {
            "numbers": q.accept.numbers,
            "tolerance": q.accept.tolerance,
            "texts": texts,
        }
        view["accept_json"] = json.dumps(view["accept"], ensure_ascii=False)
        shown = [_number(n) for n in q.accept.numbers] + texts
        view["answer_text"] = " / ".join(shown)
    # Attributes, not keys: Jinja looks up `q.text` as an attribute first, and a dict
    # makes it fail and retry on every lookup (a third of the template's time).
    view["options"] = [SimpleNamespace(**option) for option in view["options"]]
    return SimpleNamespace(**view)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
