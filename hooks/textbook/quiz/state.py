"""What the quiz feature learns in one build of the book (textbook/build_state.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment
from mkdocs.structure.nav import Navigation

from textbook.quiz.chapters import Chapter, chapters_in_nav, linked_from, nav_marks_json
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
    # The build's own Jinja environment: quizzes render with the build's templates.
    env: Environment | None = None
    # The renderer of the quiz texts' Markdown, made at the first page with a quiz.
    md: InlineMarkdown | None = None
    # The nav, once pages are read (their titles are the chapters' titles).
    nav: Navigation | None = None
    # The chapters with a quiz in nav order (chapters.py), made at first use.
    chapters: list[Chapter] | None = None
    # The nav marks' JSON per nav section (by id of the section), made once per section.
    nav_json: dict[int, str | None] = field(default_factory=dict)
    # The docs folder's name, for messages (docs/chapters/x.md).
    docs: str = "docs"

    def marks(self, src: str) -> tuple[bool, bool]:
        """Whether the page shows a quiz, and whether it is the progress page: what a page
        whose render the serve cache reuses must get back (restore)."""
        return src in self.pages, src in self.progress

    def restore(self, src: str, marks: tuple[bool, bool]) -> None:
        for pages, marked in zip((self.pages, self.progress), marks, strict=True):
            if marked:
                pages.add(src)


@dataclass
class QuizBuild:
    """The whole book's build: which page shows which quiz, from the first language's scan of
    every language's sources, and the language being built."""

    # Quiz ids by page and each quiz's page, made in the first language's `on_files`.
    usage: Usage = field(default_factory=Usage)
    # The language being built, replaced in each language's `on_files`.
    language: LanguageQuizzes = field(default_factory=LanguageQuizzes)

    def chapters(self, locales: tuple[str, ...]) -> list[Chapter]:
        """The chapters with a quiz, in the nav order of the language being built."""
        lang = self.language
        if lang.chapters is None:
            lang.chapters = chapters_in_nav(
                lang.nav, self.usage.page_quizzes, lang.quizzes, locales
            )
        return lang.chapters

    def nav_marks(self, page, locales: tuple[str, ...], pruned: bool, ui: dict) -> str | None:
        """The nav marks' JSON for a page: the chapters its nav links to. Pages of one section
        show the same links, so it is made once per section and language."""
        lang, section = self.language, id(page.parent)
        if section not in lang.nav_json:
            chapters = linked_from(self.chapters(locales), page, pruned)
            lang.nav_json[section] = nav_marks_json(chapters, ui) if chapters else None
        return lang.nav_json[section]
