"""End-of-chapter quizzes in the build (the MkDocs glue of textbook/quiz/).

`{{ quiz("id") }}` in a page becomes docs/quizzes/id.yml, rendered; `{{ quiz_progress() }}`
becomes the progress page; every page's nav marks learn which nav link holds which quiz.
Quiz files are read and checked once (again only when they change), before any page is
written; pages without a quiz cost one substring test. The quiz goes into the page's HTML
after the Markdown render, and the search index leaves it out: answers stay out of search.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report
from textbook.adapters.i18n import current_language, is_first_build, language_codes
from textbook.adapters.material import features
from textbook.build_state import BuildState
from textbook.conventions import QUIZ_MARKER_HTML, QUIZ_MARKER_START, page_key
from textbook.languages.ui_strings import strings_for
from textbook.numbering.extension import book_extension
from textbook.quiz.chapters import chapters_in_nav, linked_from, nav_marks_json
from textbook.quiz.directives import PROGRESS_MARKER, mark_directives
from textbook.quiz.page import fill_quizzes, render_on_page
from textbook.quiz.progress_page import render_progress
from textbook.quiz.render import InlineMarkdown
from textbook.quiz.state import LanguageQuizzes, QuizBuild
from textbook.quiz.usage import check_sections, check_usage, load_quizzes
from textbook.serve import mode as serve_mode

_state = BuildState(QuizBuild)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    if is_first_build(config):
        _state.start()


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # A quiz file with a mistake is reported with the book's other problems and left out;
    # the pages that show it are still checked.
    docs, locales = Path(config.docs_dir), language_codes(config)
    quizzes, broken, problems = load_quizzes(docs, locales)
    report.add(*problems)
    build = _state.now
    if is_first_build(config):  # the first language's build checks every language's pages
        build.usage = check_usage(docs, locales, quizzes, broken)
        report.add(*build.usage.problems)
    build.language = LanguageQuizzes(quizzes=quizzes, docs=docs.name)


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    _state.now.language.nav = nav  # titles are known only once pages are read


def on_env(env, *, config: MkDocsConfig, files: Files) -> None:
    _state.now.language.env = env  # quizzes render with the build's own templates


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
    return mark_directives(markdown)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    lang, src = _state.now.language, page.file.src_uri
    if PROGRESS_MARKER in html:
        lang.pages.add(src)
        lang.progress.add(src)
    if QUIZ_MARKER_START not in html:
        return
    key = page_key(src, language_codes(config))[0]
    for quiz_id in QUIZ_MARKER_HTML.findall(html):
        quiz = lang.quizzes.get(quiz_id)
        if quiz and _state.now.usage.owners.get(quiz_id, key) == key:
            report.add(*check_sections(quiz, html, page.file.src_path))
    lang.pages.add(src)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    lang = _state.now.language
    if page.file.src_uri not in lang.pages:
        return None
    code, ui = current_language(config), strings_for(config)
    if lang.md is None:
        lang.md = InlineMarkdown(config)

    numbering = book_extension(config)
    numbers = numbering.numbers if numbering else None

    def render(quiz) -> str:
        shown = f"{lang.docs}/{page.file.src_uri}"
        html, problems = render_on_page(
            quiz, page.file.src_uri, shown, code, env=lang.env, md=lang.md, ui=ui, numbers=numbers
        )
        report.add(*problems)
        return html

    output = fill_quizzes(output, render, lang.quizzes)
    if page.file.src_uri in lang.progress:
        progress = render_progress(
            _chapters(config), page.url, code, env=lang.env, md=lang.md, ui=ui
        )
        output = output.replace(PROGRESS_MARKER, progress)
    return output


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    lang = _state.now.language
    # Only pages with a quiz load quiz.css and quiz.js (see main.html).
    context["quiz_assets"] = page.file.src_uri in lang.pages
    context["quiz_progress_page"] = page.file.src_uri in lang.progress
    # The nav marks chapters by their quiz (nav-marks.js, under 1 KiB); each page lists only
    # the chapters its pruned nav links to, so it stays small as the book grows. Pages of one
    # section show the same links: one map per section and build.
    section = id(page.parent)
    if section not in lang.nav_json:
        pruned = "navigation.prune" in features(config)
        chapters = linked_from(_chapters(config), page, pruned)
        lang.nav_json[section] = nav_marks_json(chapters, strings_for(config)) if chapters else None
    context["quiz_nav"] = lang.nav_json[section]
    return context


# -----------------------------------------------------------------------------
# Under `mkdocs serve`, a page whose render is reused still gets its quiz
# -----------------------------------------------------------------------------


def _saved_marks(page: Page) -> tuple[bool, bool]:
    lang, src = _state.now.language, page.file.src_uri
    return src in lang.pages, src in lang.progress


def _restore_marks(page: Page, marks: tuple[bool, bool]) -> None:
    lang = _state.now.language
    for pages, marked in zip((lang.pages, lang.progress), marks, strict=True):
        if marked:
            pages.add(page.file.src_uri)


serve_mode.keep_page_state(_saved_marks, _restore_marks)


def _chapters(config: MkDocsConfig) -> list:
    """The chapters with a quiz, in nav order (made once per language, at first use)."""
    lang = _state.now.language
    if lang.chapters is None:
        shown = {
            key: [q for q in ids if q in lang.quizzes]
            for key, ids in _state.now.usage.page_quizzes.items()
        }
        lang.chapters = chapters_in_nav(lang.nav, shown, lang.quizzes, language_codes(config))
    return lang.chapters
