"""End-of-chapter quizzes: {{ quiz("id") }} in a page becomes docs/quizzes/id.yml, rendered.

{{ quiz_progress() }} becomes the progress page, and every page's nav marks learn
which nav link holds which quiz (see quiz_book/).

Quiz files are read and validated once (and again only when they change), before
any page is written; pages without a quiz cost one substring test. The quiz is
put into the page's HTML after the Markdown render, and the search index leaves
it out (pagefind_index.EXCLUDE): answers stay out of search.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report as book_report
from textbook.adapters.i18n import current_language, is_first_build, language_codes
from textbook.conventions import QUIZZES
from textbook.languages.ui_strings import strings_for
from textbook.numbering.numbers import fill_links
from textbook.quiz.chapters import chapters_in_nav, linked_from, nav_marks_json
from textbook.quiz.load import Quiz, QuizError, read_quiz
from textbook.quiz.progress_page import render_progress
from textbook.quiz.render import InlineMarkdown, render_quiz
from textbook.serve import mode as serve_mode
from textbook.sources.fences import unfenced_lines
from textbook.sources.pages import page_key, read_book

# Directives are whole lines outside fenced code (a code block may show the syntax).
DIRECTIVE = re.compile(r"\{\{\s*quiz\(\s*\"([^\"]*)\"\s*\)\s*\}\}[ \t]*")
ANY_DIRECTIVE = re.compile(r"[ \t]*\{\{\s*quiz\b")
# An HTML comment: Markdown keeps it as a block, the search indexer ignores it.
MARKER = "<!-- quiz:{} -->"
MARKER_HTML = re.compile(r"<!-- quiz:([a-z0-9-]+) -->")
# The progress page: {{ quiz_progress() }} on a line of its own.
PROGRESS_DIRECTIVE = re.compile(r"\{\{\s*quiz_progress\(\s*\)\s*\}\}[ \t]*")
PROGRESS_MARKER = "<!-- quiz-progress -->"

# Per language build: the Jinja env, the inline Markdown renderer, pages with a quiz.
_build: dict = {}
# Quiz ids by page key (chapters/x.md), from the first language's scan of the book.
_page_quizzes: dict[str, list[str]] = {}
# The page (key) each quiz belongs to: another page that shows it is reported instead.
_owners: dict[str, str] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # A quiz file with a mistake is reported with the book's other problems (book_report)
    # and left out; the pages that show it are still checked.
    quizzes, broken = _load_all(config)
    # The first language's build checks the pages of every language.
    if is_first_build(config):
        book_report.add(*_check_usage(config, quizzes, broken))
    _build.clear()
    _build.update(quizzes=quizzes, pages=set(), progress=set(), env=None, md=None)
    _build["docs"] = Path(config.docs_dir).name


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    # Titles are known only once pages are read: chapters are listed at first use.
    _build["nav"] = nav


def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    # Quizzes render in on_post_page, with the build's own template environment.
    _build["env"] = env


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if "{{" not in markdown or "quiz" not in markdown:
        return None
    lines = markdown.split("\n")
    for index, line in unfenced_lines(markdown):
        if directive := DIRECTIVE.fullmatch(line):
            lines[index] = f"\n{MARKER.format(directive.group(1))}\n"
        elif PROGRESS_DIRECTIVE.fullmatch(line):
            lines[index] = f"\n{PROGRESS_MARKER}\n"
    return "\n".join(lines)


def _saved_marks(page: Page) -> tuple[bool, bool]:
    src = page.file.src_uri
    return src in _build.get("pages", ()), src in _build.get("progress", ())


def _restore_marks(page: Page, marks: tuple[bool, bool]) -> None:
    for name, marked in zip(("pages", "progress"), marks, strict=True):
        if marked:
            _build[name].add(page.file.src_uri)


# Under `mkdocs serve` a page whose render is reused still gets its quiz.
serve_mode.keep_page_state(_saved_marks, _restore_marks)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    if PROGRESS_MARKER in html:
        _build["pages"].add(page.file.src_uri)
        _build["progress"].add(page.file.src_uri)
    if "<!-- quiz:" not in html:
        return
    for quiz_id in MARKER_HTML.findall(html):
        quiz = _build["quizzes"].get(quiz_id)
        key = page_key(page.file.src_uri, language_codes(config))[0]
        if quiz and _owners.get(quiz_id, key) == key:
            book_report.add(*_check_sections(quiz, html, page))
    _build["pages"].add(page.file.src_uri)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    if page.file.src_uri not in _build["pages"]:
        return None
    lang = current_language(config)
    ui = strings_for(config)
    if _build["md"] is None:
        _build["md"] = InlineMarkdown(config)

    # str.find, then the pattern only where a marker starts: a regex scanning the
    # whole page (about 90 KB) for each quiz page cost almost as much as rendering it.
    parts, end, start = [], 0, output.find("<!-- quiz:")
    while start != -1:
        if marker := MARKER_HTML.match(output, start):
            quiz = _build["quizzes"].get(marker.group(1))
            html = _render(quiz, page, lang, ui) if quiz else ""
            parts += [output[end:start], html]
            end = marker.end()
        start = output.find("<!-- quiz:", start + 1)
    output = "".join(parts) + output[end:]
    if page.file.src_uri in _build["progress"]:
        progress = render_progress(
            _chapters(config), page.url, lang, env=_build["env"], md=_build["md"], ui=ui
        )
        output = output.replace(PROGRESS_MARKER, progress)
    return output


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # Only pages with a quiz load quiz.css and quiz.js (see main.html).
    context["quiz_assets"] = page.file.src_uri in _build.get("pages", ())
    context["quiz_progress_page"] = page.file.src_uri in _build.get("progress", ())
    # The nav marks chapters by their quiz (nav-marks.js, under 1 KiB); each page
    # lists only the chapters its pruned nav links to, so it stays small as the book grows.
    # Pages of one section show the same links: one map per section and build.
    by_section = _build.setdefault("nav_json", {})
    if id(page.parent) not in by_section:
        pruned = "navigation.prune" in config.theme.get("features", ())
        chapters = linked_from(_chapters(config), page, pruned)
        by_section[id(page.parent)] = (
            nav_marks_json(chapters, strings_for(config)) if chapters else None
        )
    context["quiz_nav"] = by_section[id(page.parent)]
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _load_all(config: MkDocsConfig) -> tuple[dict[str, Quiz], set[str]]:
    """Every valid quiz file, and the ids of those with a mistake (reported in book_report);
    unchanged files are not read again."""
    docs = Path(config.docs_dir)
    quizzes, broken = {}, set()
    for path in sorted((docs / QUIZZES).glob("*.y*ml")):
        shown = path.relative_to(docs.parent).as_posix() if docs.parent in path.parents else None
        try:
            quizzes[path.stem] = read_quiz(path, language_codes(config), shown_as=shown)
        except QuizError as err:
            book_report.add(str(err))
            broken.add(path.stem)
    return quizzes, broken


def _render(quiz: Quiz, page: Page, lang: str, ui: dict) -> str:
    """The quiz in one language; cross-references in its texts read as in the chapter."""
    _build["md"].take_math_problems()  # others' (a stale page's reviewed version): not ours
    html = render_quiz(quiz, lang, env=_build["env"], md=_build["md"], ui=ui)
    html, unknown = fill_links(html, page.file.src_uri)
    shown = f"{_build['docs']}/{page.file.src_uri}"
    math = _build["md"].take_math_problems()
    text = quiz.path.read_text("utf-8") if unknown or math else ""
    for tex, message in math:
        book_report.add(f"{quiz.name}:{_line_in(text, tex)}: {message}")
    for href in dict.fromkeys(unknown):
        line = _line_in(text, f"]({href})")
        book_report.add(
            f"{quiz.name}:{line}: the reference [](#{href.partition('#')[2]}) points to no "
            f"figure, table, equation, section or quiz question of {shown}, the page that "
            "shows this quiz."
        )
    return html


def _line_in(text: str, needle: str) -> int:
    """The line of a quiz file that holds this text (YAML's double quotes double a
    backslash), or its first line."""
    for written in (needle, needle.replace("\\", "\\\\")):
        if (at := text.find(written.strip().split("\n", 1)[0])) >= 0:
            return text.count("\n", 0, at) + 1
    return 1


def _chapters(config: MkDocsConfig) -> list:
    if "chapters" not in _build:
        locales = language_codes(config)
        quizzes = _build["quizzes"]  # a quiz with a mistake is left out (book_report)
        shown = {key: [q for q in ids if q in quizzes] for key, ids in _page_quizzes.items()}
        _build["chapters"] = chapters_in_nav(_build["nav"], shown, quizzes, locales)
    return _build["chapters"]


def _check_usage(config: MkDocsConfig, quizzes: dict[str, Quiz], broken: set[str]) -> list[str]:
    """Every directive names an existing quiz, every quiz is used by some page, and by one
    page only (two chapters showing one quiz would share its questions' ids and its score)."""
    docs = Path(config.docs_dir)
    problems: list[str] = []
    users: dict[str, list[str]] = {}  # quiz id -> the pages (keys) that show it
    shown_in: dict[tuple[str, str], str] = {}  # (quiz id, page key) -> where, first
    _page_quizzes.clear()
    locales = language_codes(config)
    for page in read_book(docs, locales).values():
        for source in (page.variants[code] for code in locales if code in page.variants):
            if "quiz" in source.text:
                ids = _directives(source, quizzes, broken, docs, problems)
                for quiz_id, line in ids.items():
                    if page.key not in users.setdefault(quiz_id, []):
                        users[quiz_id].append(page.key)
                        shown_in[(quiz_id, page.key)] = f"{source.name}:{line}"
                _page_quizzes[page.key] = sorted(set(ids) | set(_page_quizzes.get(page.key, ())))
    for quiz_id, quiz in quizzes.items():
        if quiz_id not in users:
            problems.append(
                f"{quiz.name}: no page uses this quiz. Add "
                f'{{{{ quiz("{quiz_id}") }}}} to its chapter in every language, or delete the file.'
            )
    _owners.clear()
    for quiz_id, keys in users.items():
        # The chapter named like the quiz keeps it; a copy of it is the page to fix.
        keys.sort(key=lambda key: posixpath.splitext(posixpath.basename(key))[0] != quiz_id)
        _owners[quiz_id] = keys[0]
        for key in keys[1:]:
            first = shown_in[(quiz_id, keys[0])]
            problems.append(
                f"{shown_in[(quiz_id, key)]}: the page shows the quiz '{quiz_id}', which "
                f"{first} shows too; two pages would share its questions and its score. "
                f"Give this page a quiz of its own ({docs.name}/{QUIZZES}/<its name>.yml)."
            )
    return problems


def _directives(
    source, quizzes: dict[str, Quiz], broken: set[str], docs: Path, problems: list[str]
) -> dict[str, int]:
    """The quiz ids a page names, with their lines; a malformed or dangling directive is
    added to `problems`."""
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
        if quiz_id not in quizzes and quiz_id not in broken:
            known = ", ".join(sorted(quizzes)) or "none yet"
            problems.append(
                f"{source.name}:{line}: the page uses the quiz '{quiz_id}', but "
                f"{docs.name}/{QUIZZES}/{quiz_id}.yml does not exist. Create it, or use one "
                f"of the existing quizzes: {known}."
            )
            continue
        used.setdefault(quiz_id, line)
    return used


def _check_sections(quiz: Quiz, html: str, page: Page) -> list[str]:
    """A question's `section` must be an id on the page that shows the quiz."""
    problems = []
    for index, question in enumerate(quiz.questions):
        if question.section and f'id="{question.section}"' not in html:
            line = quiz.line_of("questions", index, "section")
            problems.append(
                f"{quiz.name}:{line}: question '{question.id}' → section: the page "
                f"{page.file.src_path} has no heading with the id '{question.section}'. "
                f"Give the heading an id, as in '## Title {{#{question.section}}}'."
            )
    return problems
