"""A page's quiz directives: `{{ quiz("id") }}` and `{{ quiz_progress() }}`, each alone on a
line outside fenced code (a code block may show the syntax), turned into markers that survive
the Markdown render and are replaced after it."""

from __future__ import annotations

import re

from textbook.conventions import QUIZ_DIRECTIVE, QUIZ_MARKER, QUIZZES
from textbook.sources.fences import unfenced_lines

DIRECTIVE = re.compile(QUIZ_DIRECTIVE.pattern + r"[ \t]*")
# Anything that starts like a directive: one that does not read as one is reported.
ANY_DIRECTIVE = re.compile(r"[ \t]*\{\{\s*quiz\b")
# The progress page: {{ quiz_progress() }} on a line of its own.
PROGRESS_DIRECTIVE = re.compile(r"\{\{\s*quiz_progress\(\s*\)\s*\}\}[ \t]*")
PROGRESS_MARKER = "<!-- quiz-progress -->"


def mark_directives(markdown: str) -> str | None:
    """The page with each directive replaced by its marker; None when it has none."""
    if "{{" not in markdown or "quiz" not in markdown:
        return None
    lines = markdown.split("\n")
    for index, line in unfenced_lines(markdown):
        if directive := DIRECTIVE.fullmatch(line):
            lines[index] = f"\n{QUIZ_MARKER.format(directive.group(1))}\n"
        elif PROGRESS_DIRECTIVE.fullmatch(line):
            lines[index] = f"\n{PROGRESS_MARKER}\n"
    return "\n".join(lines)


def page_directives(source, known: set[str], broken: set[str], docs_name: str, problems: list[str]):
    """The quiz ids a page's source names, with their lines; a malformed directive, or one
    naming no quiz file, is added to `problems`."""
    used: dict[str, int] = {}
    for index, text in unfenced_lines(source.text):
        if not ANY_DIRECTIVE.match(text):
            continue
        line = index + 1
        directive = DIRECTIVE.fullmatch(text)
        if directive is None:
            problems.append(
                f"{source.name}:{line}: cannot read the quiz directive "
                f"{text.strip()!r}. Write it alone on its line, not indented, as "
                '{{ quiz("quiz-id") }}.'
            )
            continue
        quiz_id = directive.group(1)
        if quiz_id not in known and quiz_id not in broken:
            listed = ", ".join(sorted(known)) or "none yet"
            problems.append(
                f"{source.name}:{line}: the page uses the quiz '{quiz_id}', but "
                f"{docs_name}/{QUIZZES}/{quiz_id}.yml does not exist. Create it, or use one "
                f"of the existing quizzes: {listed}."
            )
            continue
        used.setdefault(quiz_id, line)
    return used
