"""Which page shows which quiz, checked across the whole book before any page is written:
every directive names a quiz file, every quiz is shown, and by one page only (two chapters
showing one quiz would share its questions' ids and its score)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from textbook.conventions import QUIZ_MARKER_HTML, QUIZZES
from textbook.quiz.directives import page_directives
from textbook.quiz.load import Quiz, QuizError, read_quiz
from textbook.sources.pages import read_book


@dataclass
class Usage:
    """The book's quizzes as its pages use them."""

    # Quiz ids by page key (chapters/x.md), in every language's directives.
    page_quizzes: dict[str, list[str]] = field(default_factory=dict)
    # The page (key) each quiz belongs to: another page that shows it is reported instead.
    owners: dict[str, str] = field(default_factory=dict)
    # The authors' mistakes, as messages.
    problems: list[str] = field(default_factory=list)


def load_quizzes(
    docs: Path, locales: tuple[str, ...]
) -> tuple[dict[str, Quiz], set[str], list[str]]:
    """Every valid quiz file by id, the ids of those with a mistake, and the mistakes;
    files that have not changed are not read again (load.py)."""
    quizzes, broken, problems = {}, set(), []
    for path in sorted((docs / QUIZZES).glob("*.y*ml")):
        shown = path.relative_to(docs.parent).as_posix() if docs.parent in path.parents else None
        try:
            quizzes[path.stem] = read_quiz(path, locales, shown_as=shown)
        except QuizError as err:
            problems.append(str(err))
            broken.add(path.stem)
    return quizzes, broken, problems


def check_usage(
    docs: Path, locales: tuple[str, ...], quizzes: dict[str, Quiz], broken: set[str]
) -> Usage:
    usage = Usage()
    users: dict[str, list[str]] = {}  # quiz id -> the pages (keys) that show it
    shown_in: dict[tuple[str, str], str] = {}  # (quiz id, page key) -> where, first
    for page in read_book(docs, locales).values():
        for source in (page.variants[code] for code in locales if code in page.variants):
            if "quiz" not in source.text:
                continue
            ids = page_directives(source, set(quizzes), broken, docs.name, usage.problems)
            for quiz_id, line in ids.items():
                if page.key not in users.setdefault(quiz_id, []):
                    users[quiz_id].append(page.key)
                    shown_in[(quiz_id, page.key)] = f"{source.name}:{line}"
            known = usage.page_quizzes.get(page.key, ())
            usage.page_quizzes[page.key] = sorted(set(ids) | set(known))
    for quiz_id, quiz in quizzes.items():
        if quiz_id not in users:
            usage.problems.append(
                f"{quiz.name}: no page uses this quiz. Add "
                f'{{{{ quiz("{quiz_id}") }}}} to its chapter in every language, or delete the file.'
            )
    for quiz_id, keys in users.items():
        # The chapter named like the quiz keeps it; a copy of it is the page to fix.
        keys.sort(key=lambda key: posixpath.splitext(posixpath.basename(key))[0] != quiz_id)
        usage.owners[quiz_id] = keys[0]
        for key in keys[1:]:
            first = shown_in[(quiz_id, keys[0])]
            usage.problems.append(
                f"{shown_in[(quiz_id, key)]}: the page shows the quiz '{quiz_id}', which "
                f"{first} shows too; two pages would share its questions and its score. "
                f"Give this page a quiz of its own ({docs.name}/{QUIZZES}/<its name>.yml)."
            )
    return usage


def check_page(
    html: str, src_path: str, key: str, quizzes: dict[str, Quiz], owners: dict[str, str]
) -> list[str]:
    """The problems of the quizzes a rendered page shows and owns (its key, chapters/x.md): a
    copy of a quiz on another page is reported by check_usage, not checked again here."""
    problems = []
    for quiz_id in QUIZ_MARKER_HTML.findall(html):
        quiz = quizzes.get(quiz_id)
        if quiz and owners.get(quiz_id, key) == key:
            problems += check_sections(quiz, html, src_path)
    return problems


def check_sections(quiz: Quiz, html: str, src_path: str) -> list[str]:
    """A question's `section` must be an id on the page that shows the quiz."""
    problems = []
    for index, question in enumerate(quiz.questions):
        if question.section and f'id="{question.section}"' not in html:
            line = quiz.line_of("questions", index, "section")
            problems.append(
                f"{quiz.name}:{line}: question '{question.id}' → section: the page "
                f"{src_path} has no heading with the id '{question.section}'. "
                f"Give the heading an id, as in '## Title {{#{question.section}}}'."
            )
    return problems
