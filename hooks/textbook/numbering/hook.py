"""A textbook's material: math, figures, tables, numbered items, cross-references.

Thin MkDocs handlers around the plain modules of this folder. Every page of a
language is rendered first; then (on_env, before any page is written) problems
stop the build, book-wide numbers are assigned, and each page's markers become
"图 1-2" / "Figure 1-2" before search indexes it and templates wrap it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report
from textbook.adapters.i18n import current_language, is_first_build, language_codes
from textbook.build_state import BuildState
from textbook.conventions import QUIZZES
from textbook.languages.ui_strings import strings_for
from textbook.math.macros import book_macros
from textbook.numbering.admonitions import translate_admonitions
from textbook.numbering.book_numbers import chapter_numbers
from textbook.numbering.extension import BookExtension
from textbook.numbering.labels import number_labels
from textbook.numbering.number_pages import number_pages
from textbook.numbering.quiz_refs import add_quiz_questions
from textbook.numbering.shared_assets import add_shared_assets
from textbook.numbering.shown_name import shown_name
from textbook.numbering.state import NumberingLanguage
from textbook.serve import mode as serve_mode

# The Python-Markdown extension of the book's material: one for the process, added once to
# every language's markdown_extensions (a rebuild's configuration would get a second). It
# renders into the language's build below, which it is handed in on_files.
_extension = BookExtension()
_state = BuildState(NumberingLanguage)

# Under `mkdocs serve` a page whose render is reused keeps its figures, tables,
# equations and references in the book-wide numbering.
serve_mode.keep_page_state(
    lambda page: _state.now.records.get(page.file.src_uri),
    lambda page, record: _state.now.restore(page.file.src_uri, record),
)


def on_config(config: MkDocsConfig) -> None:
    if _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)
    # Book-wide math macros (extra.math.macros); a mistake there stops the build now.
    _extension.macros = book_macros(config)
    translate_admonitions(config)


# After static-i18n (-100), which has chosen this language's files by then.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _extension.start_build(_state.start())
    # Footnotes' back-links are titled (and, in collect.py, labelled) in the page's language.
    backlink = strings_for(config)["footnote_backlink"]
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = backlink
    if not is_first_build(config):
        add_shared_assets(files, config, language_codes(config))
    return files


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    _state.now.chapters = chapter_numbers([page.file.src_uri for page in nav.pages])


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    _extension.start_page(
        name=shown_name(page, config),
        src_uri=page.file.src_uri,
        source=page.file.content_string,
        files=files,
        locale=current_language(config),
        body=markdown,
    )


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    _state.now.page = None  # other Markdown rendered later (quiz texts) is not this page


def on_env(env, *, config: MkDocsConfig, files: Files):
    quizzes = Path(config.docs_dir) / QUIZZES
    add_quiz_questions(_state.now.records, files, quizzes, language_codes(config))
    # Reported with the book's other problems once every language is checked; the
    # build stops then and removes what it wrote (hooks/textbook/translation/hook.py).
    report.add(*number_pages(_state.now, files, number_labels(strings_for(config))))
    return env
