"""Which nav page holds which quiz, in nav order: what the nav marks and the progress page need."""

from __future__ import annotations

import json
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from textbook.conventions import page_key


@dataclass(frozen=True)
class Chapter:
    """A quiz and the page that shows it, in the language being built."""

    quiz: object  # quiz.load.Quiz
    title: str
    url: str  # site-relative: 'en/chapters/sft-to-rl/'
    section: object = None  # the nav Section that lists the page; None at the top

    def href(self, from_url: str) -> str:
        """The page's link from another page of the same build."""
        return get_relative_url(self.url, from_url)


def chapters_in_nav(nav, page_quizzes: dict[str, list[str]], quizzes: dict, locales) -> list:
    """Every quiz placed on a nav page, in the order the nav lists the pages (a quiz left out
    for a mistake is not a chapter's)."""
    chapters = []
    for page in nav.pages:
        key, _ = page_key(page.file.src_uri, locales)
        for quiz_id in page_quizzes.get(key, ()):
            if quiz_id in quizzes:
                chapters.append(Chapter(quizzes[quiz_id], page.title or key, page.url, page.parent))
    return chapters


def linked_from(chapters: list[Chapter], page, pruned: bool) -> list[Chapter]:
    """The chapters whose own link is in the page's nav. Material's navigation.prune
    keeps the top level and the sections on the page's path; the others shrink to
    one link, the section's, which is not the chapter's."""
    if not pruned:
        return chapters
    shown = [None, *page.ancestors]
    return [c for c in chapters if any(c.section is s for s in shown)]


def nav_marks_json(chapters: list[Chapter], ui: dict) -> str:
    """What nav-marks.js reads from its own tag: page URL -> [quiz id, questions], and texts."""
    return json.dumps(
        {
            "q": {c.url: [c.quiz.id, len(c.quiz.questions)] for c in chapters},
            "s": [ui["quiz_mark_untouched"], ui["quiz_mark_started"], ui["quiz_mark_done"]],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
