"""Translation integrity inside the build, so `mkdocs build` and `mkdocs serve` show it.

A page missing in one language stops the build before anything is written. The
structure of both languages is compared on the outlines recorded while MkDocs
renders the pages (parity/outline.py), once every language has been rendered:
at the end of the outer build, after the i18n plugin has built the other
languages. Every problem of every page goes into one error. When a build
fails, for this reason or any other, `mkdocs build` removes the files it wrote,
so no half site is left (under `mkdocs serve` the browser is simply not
reloaded). Raising inside the i18n plugin's inner build instead would leave
it mid-build: it switches MkDocs' directory cleaning off while it builds the
other languages and switches it back on only when they succeed.

A stale translation is logged (it does not fail --strict) and its readers see
a notice linking to the up-to-date version.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_report
from book_check import check_book
from book_pages import page_key
from languages import current_language, is_first_build, is_last_build, language_codes
from parity.outline import Recorder
from parity.store import remember

log = logging.getLogger("mkdocs.hooks.parity")

# Stale translations: (page key, locale) -> the day their source changed.
_stale: dict[tuple[str, str], str] = {}
# Records every rendered page's outline; one instance for every build, active
# only while MkDocs renders a page.
# Blocks keep their text when the book has a glossary: its check reads both sides of a pair.
_recorder = Recorder(with_text=True)
_recorder.active = False
# The running command, the page bodies being rendered, what this build writes to.
_run: dict = {
    "command": "build",
    "bodies": {},
    "site_dir": None,
    "started": 0,
    "config": None,
    "reported": False,  # the book's problems are shown once, however the build stops
}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _run["command"] = command


def on_config(config: MkDocsConfig) -> None:
    # Every language's build renders with the recorder.
    if not any(isinstance(ext, Recorder) for ext in config.markdown_extensions):
        config.markdown_extensions.append(_recorder)
    # Only the glossary's term check reads the blocks' text (book_check._glossary).
    _recorder.with_text = (Path(config.docs_dir) / "glossary.yml").exists()


def on_pre_build(*, config: MkDocsConfig) -> None:
    if is_first_build(config):
        _run.update(
            site_dir=config.site_dir,
            started=time.time_ns(),
            config=config,
            reported=False,
            rendered=set(),
        )


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # The first language's build checks what needs no rendering, before writing anything.
    if not is_first_build(config):
        return
    # A missing page or an untranslated title is reported with every other problem of the
    # book once all languages are rendered (on_post_build): it hides none of them.
    status = check_book(config, structure=False)
    _stale.clear()
    for page, locale, state in status.stale:
        name = page.page.variants[locale].name
        _stale[(page.page.key, locale)] = state.since
        if state.recorded is None:
            log.info(f"{name} has never been reviewed against its source.")
        else:
            log.info(f"{name} is stale: its source changed on {state.since} after its last review.")


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    # The body as the file has it, before other hooks change it: the outline's key.
    _run["bodies"][page.file.abs_src_path] = markdown
    # Lines are the file's: later hooks may change the text (a quiz directive's lines).
    _recorder.last, _recorder.active, _recorder.body = None, True, markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    outline = _recorder.take()
    _recorder.active, _recorder.body = False, None
    body = _run["bodies"].pop(page.file.abs_src_path, None)
    if outline is not None and body is not None:
        remember(page.file.abs_src_path, body, outline)


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page of this language is rendered (its outline recorded) by now.
    _run.setdefault("rendered", set()).add(current_language(config))
    return env


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    key, locale = page_key(page.file.src_uri, language_codes(config))
    context["i18n_stale_since"] = _stale.get((key, locale))
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
    _run["reported"] = True
    book_report.stop_if_any(book_report.take() + status.problems)


def on_build_error(*, error: Exception) -> None:
    # Another error ended the build first (strict mode's warnings, in a language built
    # inside the i18n plugin): the book's problems found so far are shown all the same.
    if not _run["reported"] and _run["config"] is not None:
        _run["reported"] = True
        config = _run["config"]
        # The languages' structure only once every language is rendered (strict mode's
        # warnings stop the last one after it is written): before, outlines are partial.
        whole = _run.get("rendered", set()) >= set(language_codes(config))
        _report_all(config, structure=whole)
    book_report.take()  # the next build (a save under `mkdocs serve`) starts with none
    # Whatever stopped the build (these checks, a quiz's section in the second language),
    # `mkdocs build` leaves no half site; `mkdocs serve` keeps serving the last good one.
    if _run["command"] != "serve" and _run["site_dir"]:
        _remove_written(Path(_run["site_dir"]), _run["started"])


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _report_all(config: MkDocsConfig, structure: bool) -> None:
    found = []
    try:
        found = check_book(config, stale=False, structure=structure).problems
    except PluginError:  # a file that cannot be read at all: its own error says so
        pass
    problems = book_report.take() + found
    if problems:
        log.error(str(book_report.BookProblems(book_report.ordered(problems))))


def _remove_written(site_dir: Path, since_ns: int) -> None:
    """Every file this build wrote (and folders left empty): no half site is published."""
    if not site_dir.is_dir():
        return
    removed = 0
    for root, dirs, names in os.walk(site_dir, topdown=False):
        for name in names:
            path = os.path.join(root, name)
            if os.stat(path).st_mtime_ns >= since_ns:
                os.remove(path)
                removed += 1
        for name in dirs:
            path = os.path.join(root, name)
            if not os.listdir(path):
                os.rmdir(path)
    if removed:
        log.info(f"Removed the {removed} files this build wrote to {site_dir}.")
