"""A textbook's material: math, figures, tables, numbered items, cross-references.

Thin MkDocs handlers around the plain modules in `textbook/`. Every page of a
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

from textbook import report as book_report
from textbook.adapters.i18n import (
    configured_languages,
    current_language,
    is_first_build,
    language_codes,
)
from textbook.conventions import QUIZ_MARKER_START, QUIZZES
from textbook.languages.ui_strings import load_strings, strings_for, ui_strings_file
from textbook.math.macros import book_macros
from textbook.numbering.book_numbers import (
    LanguageNumbers,
    chapter_numbers,
    check_references,
    fill,
    item_numbers,
)
from textbook.numbering.extension import BookExtension
from textbook.numbering.quiz_refs import quiz_questions
from textbook.numbering.shared_assets import add_shared_assets
from textbook.serve import mode as serve_mode

# The admonition kinds the book uses; untitled boxes get a title in the page's language.
ADMONITIONS = ("example", "abstract", "note", "warning", "question")

# The state of a language's build is the BookExtension's (extension.py): one instance for the
# process, found in the configuration's markdown_extensions by each handler.

# The Python-Markdown extension of the book's material: one for the process (see above).
_extension = BookExtension()


def _saved_record(page: Page):
    return _extension.records.get(page.file.src_uri)


def _restore_record(page: Page, record) -> None:
    if record is not None:
        _extension.records[page.file.src_uri] = record


# Under `mkdocs serve` a page whose render is reused keeps its figures, tables,
# equations and references in the book-wide numbering.
serve_mode.keep_page_state(_saved_record, _restore_record)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    if _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)
    # Book-wide math macros (extra.math.macros); a mistake there stops the build now.
    _extension.macros = book_macros(config)
    _translate_admonitions(config)


# After static-i18n (-100), which has chosen this language's files by then.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _extension.start_build()
    # Footnotes' back-links are titled (and, in collect.py, labelled) in the page's language.
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = strings_for(config)[
        "footnote_backlink"
    ]
    if not is_first_build(config):
        add_shared_assets(files, config, language_codes(config))
    return files


def on_nav(nav, *, config: MkDocsConfig, files: Files) -> None:
    _extension.chapters = chapter_numbers([page.file.src_uri for page in nav.pages])


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    _extension.start_page(
        name=_shown_name(page, config),
        src_uri=page.file.src_uri,
        source=page.file.content_string,
        files=files,
        locale=current_language(config),
        body=markdown,
    )


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    _extension.page = None  # other Markdown rendered later (quiz texts) is not this page


def on_env(env, *, config: MkDocsConfig, files: Files):
    ext = _extension
    _add_quiz_questions(ext, files, config)
    numbers = {
        uri: item_numbers(record, ext.chapters.get(uri)) for uri, record in ext.records.items()
    }
    labels = _labels(config)
    paths = {file.src_path.replace("\\", "/"): file.src_uri for file in files.documentation_pages()}
    # Quiz texts, rendered after the pages, read their references from these (quiz/page.py).
    ext.numbers = LanguageNumbers(ext.records, numbers, labels, paths)
    problems = ext.problems + check_references(ext.records)
    if problems:
        # Reported with the book's other problems once every language is checked; the
        # build stops then and removes what it wrote (hooks/textbook/translation/hook.py).
        book_report.add(*problems)
        return env
    for file in files.documentation_pages():
        record = ext.records.get(file.src_uri)
        if file.page is not None and file.page.content and record is not None:
            file.page.content = fill(file.page.content, record, ext.records, numbers, labels)
    return env


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _add_quiz_questions(ext: BookExtension, files: Files, config: MkDocsConfig) -> None:
    """Quiz questions become reference targets; MkDocs' anchor check learns their ids."""
    quiz_dir = Path(config.docs_dir) / QUIZZES
    for file in files.documentation_pages():
        record = ext.records.get(file.src_uri)
        if (
            record is None
            or file.page is None
            or QUIZ_MARKER_START not in (file.page.content or "")
        ):
            continue
        record.questions = quiz_questions(file.page.content, quiz_dir, language_codes(config))
        if file.page.present_anchor_ids is not None:
            file.page.present_anchor_ids |= set(record.questions)


def _labels(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    ui = strings_for(config)
    return {
        "caption": {
            "figure": ui["figure_label"],
            "table": ui["table_label"],
            "equation": ui["equation_number"],
        },
        "ref": {
            "figure": ui["figure_label"],
            "table": ui["table_label"],
            "equation": ui["equation_label"],
            "question": ui["question_label"],
        },
    }


def _translate_admonitions(config: MkDocsConfig) -> None:
    """Titles for untitled boxes, from ui_strings.yml, through static-i18n's option."""
    strings = load_strings(language_codes(config), ui_strings_file(config))
    for lang in configured_languages(config):
        titles = {kind: strings[f"admonition_{kind}"][lang.locale] for kind in ADMONITIONS}
        lang["admonition_translations"] = {**titles, **(lang.admonition_translations or {})}


def _shown_name(page: Page, config: MkDocsConfig) -> str:
    """docs/chapters/x.en.md: the path an author sees, relative to mkdocs.yml."""
    source = Path(page.file.abs_src_path or "")
    project = Path(config.config_file_path or ".").parent
    try:
        return source.relative_to(project).as_posix()
    except ValueError:
        return page.file.src_uri
