"""The progress page: every chapter's quiz, rendered into inert <template>s for review.

The questions are rendered at build time with the chapter's own partial (so
review asks them exactly as the chapter does, in the page's language) and kept
in <template> elements: not displayed, not in the accessibility tree, and no
extra request. progress-page.js reads scores from localStorage and fills in the rest.
"""

from __future__ import annotations

import json

from textbook.quiz.render import render_quiz

PREFIX = "progress_"


def render_progress(chapters: list, page_url: str, lang: str, *, env, md, ui: dict) -> str:
    strings = {k.removeprefix(PREFIX): v for k, v in ui.items() if k.startswith(PREFIX)}
    views = [
        {
            "id": c.quiz.id,
            "title": c.title,
            "href": c.href(page_url),
            "html": render_quiz(c.quiz, lang, env=env, md=md, ui=ui),
        }
        for c in chapters
    ]
    return env.get_template("partials/quiz-progress.html").render(
        chapters=views, ui=ui, strings_json=json.dumps(strings, ensure_ascii=False)
    )
