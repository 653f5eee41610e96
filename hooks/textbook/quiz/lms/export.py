"""`hooks/book.py export-quizzes`: every language's quizzes as QTI 1.2 and as GIFT.

<out>/<lang>/quizzes-qti.zip    import into Canvas ("QTI .zip file")
<out>/<lang>/quizzes.gift.txt   import into Moodle's question bank (GIFT format)
"""

from __future__ import annotations

import re
from pathlib import Path

from textbook.conventions import QUIZ_DIRECTIVE, QUIZZES
from textbook.languages.ui_strings import load_strings, ui_strings_file
from textbook.quiz.lms.gift import gift_text
from textbook.quiz.lms.qti import qti_package
from textbook.quiz.load import load_quiz
from textbook.quiz.render import InlineMarkdown
from textbook.sources.pages import read_book

HEADING = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def export_quizzes(config, locales: tuple[str, ...], out: Path) -> list[Path]:
    """Write both formats for every language; returns the files written."""
    docs = Path(config.docs_dir)
    quizzes = [
        load_quiz(path, locales, shown_as=f"{docs.name}/{QUIZZES}/{path.name}")
        for path in sorted((docs / QUIZZES).glob("*.y*ml"))
    ]
    titles = _titles(docs, locales)
    strings = load_strings(locales, ui_strings_file(config))
    render = InlineMarkdown(config)
    files = {}  # every file made before any is written: an error leaves nothing half done
    for lang in locales:

        def title(quiz, lang=lang):
            return titles.get((quiz.id, lang), quiz.id)

        labels = (strings["quiz_true"][lang], strings["quiz_false"][lang])
        files[out / lang / "quizzes-qti.zip"] = qti_package(
            quizzes, lang, render, title=title, true_false=labels
        )
        files[out / lang / "quizzes.gift.txt"] = gift_text(quizzes, lang, title=title).encode()
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return list(files)


def _titles(docs: Path, locales) -> dict[tuple[str, str], str]:
    """(quiz id, language) -> the title of the page that shows the quiz."""
    titles = {}
    for page in read_book(docs, locales).values():
        for lang, source in page.variants.items():
            for quiz_id in QUIZ_DIRECTIVE.findall(source.body):
                heading = HEADING.search(source.body)
                titles[quiz_id, lang] = source.meta.get("title") or (
                    heading.group(1) if heading else quiz_id
                )
    return titles
