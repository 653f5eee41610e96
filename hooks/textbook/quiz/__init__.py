"""End-of-chapter quizzes.

schema.py, rules.py  a quiz file's shape (pydantic) and meaning
load.py              reading one file, with messages that name file and line
render.py            its HTML in one language (overrides/partials/quiz.html)
directives.py        `{{ quiz("id") }}` in a page, and the marker it becomes
usage.py             which page shows which quiz, checked across the book
page.py              the rendered quizzes put into a built page
chapters.py          the chapters with a quiz in nav order: nav marks, progress page
progress_page.py     the reader's progress page
lms/                 the quizzes for Canvas (QTI 1.2) and Moodle (GIFT)
state.py, hook.py    one build's state; the MkDocs glue
"""
