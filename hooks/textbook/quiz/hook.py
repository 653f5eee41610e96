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
from textbook.conventions import QUIZ_MARKER_START, page_key
from textbook.languages.ui_strings import strings_for
from textbook.numbering.extension import book_extension
from textbook.quiz.directives import PROGRESS_MARKER, mark_directives
from textbook.quiz.page import fill_page
from textbook.quiz.render import InlineMarkdown
from textbook.quiz.state import LanguageQuizzes, QuizBuild
from textbook.quiz.usage import check_page, check_usage, load_quizzes
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
    build, src = _state.now, page.file.src_uri
    if PROGRESS_MARKER in html:
        build.language.progress.add(src)
    if PROGRESS_MARKER in html or QUIZ_MARKER_START in html:
        build.language.pages.add(src)
    if QUIZ_MARKER_START in html:
        key = page_key(src, language_codes(config))[0]
        quizzes, owners = build.language.quizzes, build.usage.owners
        report.add(*check_page(html, page.file.src_path, key, quizzes, owners))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    build = _state.now
    lang = build.language
    if page.file.src_uri not in lang.pages:
        return None
    if lang.md is None:
        lang.md = InlineMarkdown(config)
    numbering = book_extension(config)
    output, problems = fill_page(
        output,
        page.file.src_uri,
        page.url,
        lang,
        lambda: build.chapters(language_codes(config)),
        current_language(config),
        ui=strings_for(config),
        numbers=numbering.numbers if numbering else None,
    )
    report.add(*problems)
    return output


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    build, src = _state.now, page.file.src_uri
    # Only pages with a quiz load quiz.css and quiz.js (see main.html).
    context["quiz_assets"] = src in build.language.pages
    context["quiz_progress_page"] = src in build.language.progress
    # The nav marks chapters by their quiz (nav-marks.js, under 1 KiB); each page lists only
    # the chapters its pruned nav links to, so it stays small as the book grows.
    pruned = "navigation.prune" in features(config)
    codes, ui = language_codes(config), strings_for(config)
    context["quiz_nav"] = build.nav_marks(page, codes, pruned, ui)
    return context


# Under `mkdocs serve`, a page whose render is reused still gets its quiz and its assets.
serve_mode.keep_page_state(
    lambda page: _state.now.language.marks(page.file.src_uri),
    lambda page, marks: _state.now.language.restore(page.file.src_uri, marks),
)
