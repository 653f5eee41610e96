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
a notice linking to the up-to-date version. When its reviewed version is in the
repository, the notice names the sections whose source changed and the page
marks each stale block (stale_marks.py); the source's changes since the review
are not parity errors.
"""

from __future__ import annotations

import logging
import os
import time
import xml.etree.ElementTree as etree
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook import report as book_report
from textbook.adapters.i18n import (
    current_language,
    is_first_build,
    is_last_build,
    language_codes,
    source_first,
)
from textbook.languages.ui_strings import strings_for
from textbook.serve import mode as serve_mode
from textbook.sources.lines import locate
from textbook.sources.outline import Recorder
from textbook.sources.pages import page_key
from textbook.sources.store import Converter, outline_of, remember
from textbook.translation.check import check_book
from textbook.translation.stale.changes import reviewed_source, sections
from textbook.translation.stale.freshness import missing_version, source_hash
from textbook.translation.stale.marks import Prepared, StaleMarks, added_html, mark_translation
from textbook.translation.stale.since import against, diff_source

log = logging.getLogger("mkdocs.hooks.parity")

# Stale translations: (page key, locale) -> the day their source changed.
_stale: dict[tuple[str, str], str] = {}
# Records every rendered page's outline; one instance for every build, active
# only while MkDocs renders a page.
# Blocks keep their text when the book has a glossary: its check reads both sides of a pair.
_recorder = Recorder(with_text=True)
_recorder.active = False
# Marks a stale translation's blocks while it renders (stale_marks.py).
_marks = StaleMarks()
# Stale translations whose reviewed version git has: (page key, locale) -> the source's
# side of the report, made before any page renders; the sections the notice names.
_prepared: dict[tuple[str, str], Prepared] = {}
# Source pages read while they render (before their translations): path -> what to prepare.
_pending: dict[str, list] = {}
_sections: dict[str, list[dict]] = {}  # by the translation's src_uri
# The running command, the page bodies being rendered, what this build writes to.
_run: dict = {
    "command": "build",
    "bodies": {},
    "site_dir": None,
    "started": 0,
    "config": None,
    "reported": False,  # the book's problems are shown once, however the build stops
}


def _saved_sections(page: Page) -> list[dict] | None:
    return _sections.get(page.file.src_uri)


def _restore_sections(page: Page, found: list[dict] | None) -> None:
    if found is not None:
        _sections[page.file.src_uri] = found


# Under serve, a page whose render is reused gives its notice's section list back.
serve_mode.keep_page_state(_saved_sections, _restore_sections)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _run["command"] = command


def on_config(config: MkDocsConfig) -> None:
    # Every language's build renders with the recorder.
    if not any(isinstance(ext, Recorder) for ext in config.markdown_extensions):
        config.markdown_extensions.append(_recorder)
    if _marks not in config.markdown_extensions:
        config.markdown_extensions.append(_marks)
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
    _sections.clear()
    _pending.clear()
    source_lang = source_first(config)[0]
    renders_first = source_lang == language_codes(config)[0]
    convert = Converter(config)
    wanted = set()
    for page, locale, state in status.stale:
        translation, source = page.page.variants[locale], page.page.variants[source_lang]
        name = translation.name
        _stale[(page.page.key, locale)] = state.since
        if state.recorded is None:
            log.info(f"{name} has never been reviewed against its source.")
            continue
        log.info(f"{name} is stale: its source changed on {state.since} after its last review.")
        if state.version == "missing":
            log.info(missing_version(translation, source, state))
        if state.version != "known":
            continue
        key = (page.page.key, locale)
        wanted.add(key)
        stamp = (state.blob, source_hash(source))
        if key in _prepared and _prepared[key].stamp == stamp:
            continue  # `mkdocs serve`: the source has not changed since
        old_source = reviewed_source(source, state)
        old = outline_of(old_source, convert)  # converted before any page renders
        entry = (key, stamp, old_source, old, source)
        if renders_first:  # the source is read as it renders, before its translations
            _pending.setdefault(os.path.normpath(str(source.path)), []).append(entry)
        else:  # a translation renders first: convert the source now
            _marks.job = _source_job([entry])
            convert(source.body)
            _marks.job = None
    for key in set(_prepared) - wanted:
        del _prepared[key]


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    # The body as the file has it, before other hooks change it: the outline's key.
    _run["bodies"][page.file.abs_src_path] = markdown
    # Lines are the file's: later hooks may change the text (a quiz directive's lines).
    _recorder.last, _recorder.active, _recorder.body = None, True, markdown
    key, locale = page_key(page.file.src_uri, language_codes(config))
    pending = _pending.pop(os.path.normpath(page.file.abs_src_path), None)
    if pending is not None:
        _marks.job = _source_job(pending)
    elif (prepared := _prepared.get((key, locale))) is not None:
        _marks.job = _translation_job(page.file.src_uri, prepared, config)


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
    context["i18n_stale_sections"] = _sections.get(page.file.src_uri)
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


def _source_job(entries: list):
    """Reads a source page as it renders: for each stale translation, its blocks paired
    with the reviewed version's, and the HTML of each block added since."""

    def job(root, md, outline, elements) -> None:
        source = entries[0][-1]
        locate(outline, source.body, source.first_line)
        for key, stamp, old_source, old, _ in entries:
            diff = diff_source(
                old,
                (old_source.body, old_source.first_line),
                outline,
                (source.body, source.first_line),
            )
            added = [now for before, now in diff.pairs if before is None and now is not None]
            html = added_html(md, outline, elements, added)
            _prepared[key] = Prepared(old, outline, diff, html, stamp)

    return job


def _translation_job(src_uri: str, prepared: Prepared, config: MkDocsConfig):
    def job(root, md, outline, elements) -> None:
        report = against(prepared.diff, prepared.old, prepared.new, outline, source_first(config))
        marks = _mark_elements(config)
        mark_translation(
            root, md, outline, elements, report, prepared, marks, source_first(config)[0]
        )
        _sections[src_uri] = [
            {"title": heading.label, "id": heading.key} for heading in sections(report) if heading
        ]

    return job


def _mark_elements(config: MkDocsConfig) -> dict:
    """The marks' markup (partials/stale-mark.html) in the language being built."""
    env = config.theme.get_env()
    template = env.get_template("partials/stale-mark.html")
    ui, lang = strings_for(config), current_language(config)
    return {
        kind: etree.fromstring(template.render(kind=kind, ui=ui, lang=lang).strip())
        for kind in ("changed", "added", "removed")
    }


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
