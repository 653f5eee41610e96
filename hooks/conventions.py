"""The book's conventions, written once: every module that needs one asks here.

Folders of `docs/`, and the marker that keeps an element of a page out of everything but
the web page itself (search, print and EPUB, the side-by-side view). The same marker is
read by templates (which set it), Python (export, search), JavaScript (parallel.js,
keep-place.js) and CSS (print).
"""

from __future__ import annotations

# Pages under this folder are chapters: numbered, marked with glossary terms, readable in
# both languages side by side.
CHAPTERS = "chapters/"
# Quiz files, one per chapter: docs/quizzes/<id>.yml.
QUIZZES = "quizzes"

# An element of a page that is part of the web page only: the side-by-side switch, the
# stale-translation notice, the glossary's tips.
WEB_ONLY_ATTRIBUTE = "data-web-only"
WEB_ONLY = f"[{WEB_ONLY_ATTRIBUTE}]"
