"""The book's conventions, written once: every module that needs one asks here.

Folders of `docs/`, and the marker that keeps an element of a page out of everything but
the web page itself (search, print and EPUB, the side-by-side view). The same marker is
read by templates (which set it), Python (export, search), JavaScript (parallel.js,
keep-place.js) and CSS (print).
"""

from __future__ import annotations

import re
from pathlib import Path

# Pages under this folder are chapters: numbered, marked with glossary terms, readable in
# both languages side by side.
CHAPTERS = "chapters/"
# Quiz files, one per chapter: docs/quizzes/<id>.yml.
QUIZZES = "quizzes"
# A page shows a quiz with `{{ quiz("id") }}` on a line of its own...
QUIZ_DIRECTIVE = re.compile(r'\{\{\s*quiz\(\s*"([^"]*)"\s*\)\s*\}\}')
# ...which the quiz hook turns into this comment before the render (Markdown keeps it as a
# block, search ignores it) and replaces with the rendered quiz after it. The marker is
# spelled here only: the patterns below are made from it.
QUIZ_COMMENT = "quiz:{}"
QUIZ_MARKER = f"<!-- {QUIZ_COMMENT} -->"
QUIZ_MARKER_START = QUIZ_MARKER.split("{}")[0]


def _quiz_id_in(spelling: str) -> re.Pattern[str]:
    """The spelling with the quiz id as the pattern's one group."""
    before, after = spelling.split("{}")
    return re.compile(re.escape(before) + r"([\w-]+)" + re.escape(after))


# The marker in a page's HTML, and the comment's text as an HTML parser gives it.
QUIZ_MARKER_HTML = _quiz_id_in(QUIZ_MARKER)
QUIZ_MARKER_TEXT = _quiz_id_in(QUIZ_COMMENT)

# An element of a page that is part of the web page only: the side-by-side switch, the
# stale-translation notice, the glossary's tips.
WEB_ONLY_ATTRIBUTE = "data-web-only"
WEB_ONLY = f"[{WEB_ONLY_ATTRIBUTE}]"


# A page is written once per language, `chapters/x.zh.md` and `chapters/x.en.md`
# (mkdocs-static-i18n's `docs_structure: suffix`); its key, `chapters/x.md`, names it whatever
# the language.
def page_key(rel: str, locales: tuple[str, ...]) -> tuple[str, str]:
    """('chapters/x.md', 'en') for 'chapters/x.en.md'; no suffix means the default language."""
    stem, _, suffix = rel[: -len(".md")].rpartition(".")
    if stem and suffix in locales:
        return stem + ".md", suffix
    return rel, locales[0]


def variant_of(key: str, locale: str) -> str:
    """'chapters/x.en.md' for the page 'chapters/x.md' in English."""
    return key[: -len(".md")] + f".{locale}.md"


# Interface text per language (textbook/languages/ui_strings.py), beside the hooks.
UI_STRINGS = "hooks/ui_strings.yml"


def project_file(config, name: str) -> Path:
    """A file of the project (a path written from mkdocs.yml's folder), for this build."""
    return Path(config.config_file_path).parent / name
