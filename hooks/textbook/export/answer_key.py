"""Quizzes on paper: the questions stay in the chapter, their answers go to the end of the book.

The built quiz (hooks/textbook/quiz/render.py) already holds each question's answer and
explanations in a <details>; that element moves, as it is, to the answer key.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html

from textbook.export.source import BookPage


@dataclass
class KeyEntry:
    """One question's answer: where it was asked, its number, and the answer's content."""

    page: BookPage
    question_id: str  # the question's anchor in the book
    number: str
    answer: lxml.html.HtmlElement


def take_answers(page: BookPage) -> list[KeyEntry]:
    """Remove every answer from the page's quiz questions; return them in order."""
    entries = []
    for form in page.article.cssselect("form.quiz__question"):
        details = form.cssselect("details.quiz__answer")[0]
        # The key names the right options only; the question's explanation says why.
        for node in details.cssselect("summary, .quiz__explanations li:not([data-correct])"):
            node.drop_tree()
        details.drop_tree()
        answer = lxml.html.Element("div", {"class": "answer-key__answer"})
        answer.extend(list(details))
        answer.text = details.text
        number = form.cssselect(".quiz__number")[0].text_content().strip().rstrip(".")
        entries.append(KeyEntry(page, form.get("id"), number, answer))
        # A paper form: no web-form semantics, and the answer is a link away.
        form.tag = "div"
        for attr in ("novalidate", "data-version", "data-accept"):
            form.attrib.pop(attr, None)
        for field in form.cssselect("input"):
            field.drop_tree()
        for fieldset in form.cssselect("fieldset"):
            fieldset.tag = "div"
            fieldset.attrib.pop("aria-describedby", None)
        for legend in form.cssselect("legend"):
            legend.tag = "p"
        for label in form.cssselect("label"):
            label.tag = "span"
            label.attrib.pop("for", None)
    return entries
