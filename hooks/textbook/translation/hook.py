"""Translation integrity inside the build, so `mkdocs build` and `mkdocs serve` show it.

A page missing in one language stops the build before anything is written. The
structure of both languages is compared on the outlines recorded while MkDocs
renders the pages (sources/outline.py), once every language has been rendered:
at the end of the outer build, after the i18n plugin has built the other
languages. Every problem of every page goes into one error. When a build
fails, for this reason or any other, `mkdocs build` removes the files it wrote,
so no half site is left (under `mkdocs serve` the browser is simply not
reloaded). Raising inside the i18n plugin's inner build instead would leave
it mid-build: it switches MkDocs' directory cleaning off while it builds the
other languages and switches it back on only when they succeed.

A stale translation is logged (it does not fail --strict) and its readers see
a notice linking to the up-to-date version. When its reviewed version is in the
repository, the notice names the sections whose source changed and the page
marks each stale block (stale/marks.py); the source's changes since the review
are not parity errors.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report
from textbook.adapters.i18n import (
    current_language,
    is_first_build,
    is_last_build,
    language_codes,
    source_first,
)
from textbook.build_state import BuildState, lives_across_builds
from textbook.conventions import page_key
from textbook.serve import mode as serve_mode
from textbook.sources.outline import Recorder
from textbook.sources.store import remember
from textbook.translation.check import check_book
from textbook.translation.stale.marks import StaleMarks
from textbook.translation.stale.prepare import PreparedPages, translation_job
from textbook.translation.state import TranslationBuild

log = logging.getLogger("mkdocs.hooks.parity")


@lives_across_builds("the command is said once, in on_startup")
@dataclass
class Session:
    command: str = "build"  # "serve" keeps the last good site when a build fails


_state = BuildState(TranslationBuild)
_session = Session()
_prepared = PreparedPages()
# Python-Markdown extensions added to every language's markdown_extensions: one instance each
# for the process, so a serve rebuild's config gets the same one (and only one).
# The recorder keeps every rendered page's outline; it is active only while MkDocs renders a
# page. Blocks keep their text when the book has a glossary: its check reads both sides.
_recorder = Recorder(with_text=True)
_recorder.active = False
# Marks a stale translation's blocks while it renders (stale/marks.py).
_marks = StaleMarks()

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _session.command = command


def on_config(config: MkDocsConfig) -> None:
    if is_first_build(config):
        _state.start()
    # Every language's build renders with the recorder and the marks.
    if not any(isinstance(ext, Recorder) for ext in config.markdown_extensions):
        config.markdown_extensions.append(_recorder)
    if _marks not in config.markdown_extensions:
        config.markdown_extensions.append(_marks)
    # Only the glossary's term check reads the blocks' text (check.py).
    _recorder.with_text = (Path(config.docs_dir) / "glossary.yml").exists()


def on_pre_build(*, config: MkDocsConfig) -> None:
    if is_first_build(config):
        build = _state.now
        build.site_dir, build.started_ns, build.config = config.site_dir, time.time_ns(), config


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # The first language's build checks what needs no rendering, before writing anything.
    # A missing page or an untranslated title is reported with every other problem of the
    # book once all languages are rendered (on_post_build): it hides none of them.
    if is_first_build(config):
        _prepared.plan(check_book(config, structure=False), config, _state.now, _marks)


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build = _state.now
    # The body as the file has it, before other hooks change it: the outline's key.
    build.bodies[page.file.abs_src_path] = markdown
    # Lines are the file's: later hooks may change the text (a quiz directive's lines).
    _recorder.last, _recorder.active, _recorder.body = None, True, markdown
    key = page_key(page.file.src_uri, language_codes(config))
    pending = build.pending.pop(os.path.normpath(page.file.abs_src_path), None)
    if pending is not None:
        _marks.job = _prepared.source_job(pending)
    elif (prepared := _prepared.by_page.get(key)) is not None:
        _marks.job = translation_job(page.file.src_uri, prepared, config, build)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    outline = _recorder.take()
    _recorder.active, _recorder.body = False, None
    body = _state.now.bodies.pop(page.file.abs_src_path, None)
    if outline is not None and body is not None:
        remember(page.file.abs_src_path, body, outline)


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page of this language is rendered (its outline recorded) by now.
    _state.now.rendered.add(current_language(config))
    return env


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    key = page_key(page.file.src_uri, language_codes(config))
    context["i18n_stale_since"] = _state.now.stale.get(key)
    context["i18n_stale_sections"] = _state.now.sections.get(page.file.src_uri)
    context["i18n_source_lang"] = source_first(config)[0]
    return context


@event_priority(-100)  # after the i18n plugin has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    status = check_book(config, stale=False)
    for warning in status.warnings:
        log.warning(warning)
    # Every problem of the book at once: those the other hooks found on the way (quizzes,
    # glossary, math, figures and references), and the languages' structure.
    _state.now.reported = True
    report.stop_if_any(report.take() + status.problems)


def on_build_error(*, error: Exception) -> None:
    # Another error ended the build first (strict mode's warnings, in a language built
    # inside the i18n plugin): the book's problems found so far are shown all the same.
    build = _state.now
    if not build.reported and build.config is not None:
        build.reported = True
        # The languages' structure only once every language is rendered (strict mode's
        # warnings stop the last one after it is written): before, outlines are partial.
        whole = build.rendered >= set(language_codes(build.config))
        _report_all(build.config, structure=whole)
    report.take()  # the next build (a save under `mkdocs serve`) starts with none
    # Whatever stopped the build (these checks, a quiz's section in the second language),
    # `mkdocs build` leaves no half site; `mkdocs serve` keeps serving the last good one.
    if _session.command != "serve" and build.site_dir:
        report.remove_written(Path(build.site_dir), build.started_ns)


# -----------------------------------------------------------------------------
# Under `mkdocs serve`, a page whose render is reused gives its notice's section list back
# -----------------------------------------------------------------------------


def _saved_sections(page: Page) -> list[dict] | None:
    return _state.now.sections.get(page.file.src_uri)


def _restore_sections(page: Page, found: list[dict] | None) -> None:
    if found is not None:
        _state.now.sections[page.file.src_uri] = found


serve_mode.keep_page_state(_saved_sections, _restore_sections)


def _report_all(config: MkDocsConfig, structure: bool) -> None:
    found = []
    try:
        found = check_book(config, stale=False, structure=structure).problems
    except PluginError:  # a file that cannot be read at all: its own error says so
        pass
    problems = report.take() + found
    if problems:
        log.error(str(report.BookProblems(report.ordered(problems))))
