"""What the quiz feature learns in one build of the book (textbook/build_state.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textbook.quiz.load import Quiz
from textbook.quiz.render import InlineMarkdown
from textbook.quiz.usage import Usage


@dataclass
class LanguageQuizzes:
    """One language's build: made again in each language's `on_files`."""

    # Every valid quiz file by id (a quiz with a mistake is reported and left out).
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    # Pages (src_uri) that show a quiz or the progress page: they get quiz.css and quiz.js.
    pages: set[str] = field(default_factory=set)
    # Pages (src_uri) that are the progress page.
    progress: set[str] = field(default_factory=set)
    # The build's own Jinja environment, and the renderer of the quiz texts' Markdown.
    env: object | None = None
    md: InlineMarkdown | None = None
    # The nav, and the chapters with a quiz in nav order (chapters.py), once titles are known.
    nav: object | None = None
    chapters: list | None = None
    # The nav marks' JSON per nav section (by id of the section), made once per section.
    nav_json: dict[int, str | None] = field(default_factory=dict)
    # The docs folder's name, for messages (docs/chapters/x.md).
    docs: str = "docs"


@dataclass
class QuizBuild:
    """The whole book's build: which page shows which quiz, from the first language's scan of
    every language's sources, and the language being built."""

    usage: Usage = field(default_factory=Usage)
    language: LanguageQuizzes = field(default_factory=LanguageQuizzes)
