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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import current_language, is_first_build, is_last_build
from textbook.build_state import BuildState
from textbook.serve import mode as serve_mode
from textbook.sources.outline import Recorder
from textbook.translation import outcome, rendering
from textbook.translation.check import check_book
from textbook.translation.stale import notice
from textbook.translation.stale.marks import StaleMarks
from textbook.translation.stale.prepare import PreparedPages
from textbook.translation.state import Session, TranslationBuild

_state = BuildState(TranslationBuild)  # this build's: started in the first on_config
_session = Session()  # the process's: on_startup says the command once
_prepared = PreparedPages()  # lives across serve rebuilds: a page is prepared again on change
# Python-Markdown extensions added to every language's markdown_extensions: one instance each
# for the process, so a serve rebuild's config gets the same one (and only one).
# The recorder keeps every rendered page's outline; it is active only while MkDocs renders a
# page. Blocks keep their text when the book has a glossary: its check reads both sides.
_recorder = Recorder(with_text=True)
_recorder.active = False
# Marks a stale translation's blocks while it renders (stale/marks.py).
_marks = StaleMarks()


def on_startup(*, command: str, dirty: bool) -> None:
    _session.command = command  # once per process: `serve` or `build`


def on_config(config: MkDocsConfig) -> None:
    if is_first_build(config):
        _state.start()
    rendering.install(config, _recorder, _marks)


def on_pre_build(*, config: MkDocsConfig) -> None:
    if is_first_build(config):
        _state.now.begin(config)


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # The first language's build checks what needs no rendering, before writing anything.
    # A missing page or an untranslated title is reported with every other problem of the
    # book once all languages are rendered (on_post_build): it hides none of them.
    if is_first_build(config):
        _prepared.plan(check_book(config, structure=False), config, _state.now, _marks)


@event_priority(100)  # the page as its file has it, before other hooks change it
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    rendering.begin_page(markdown, page, config, _state.now, (_recorder, _marks, _prepared))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    rendering.end_page(page, _state.now, _recorder)


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page of this language is rendered (its outline recorded) by now.
    _state.now.rendered.add(current_language(config))
    return env


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    return notice.notice_context(context, page, config, _state.now)


@event_priority(-100)  # after the i18n plugin has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_last_build(config):
        outcome.finish(config, _state.now)


def on_build_error(*, error: Exception) -> None:
    outcome.failed(_state.now, _session.command)


# Under `mkdocs serve`, a page whose render is reused gives its notice's section list back to
# the build under way (registered once: the keepers read _state.now when they run).
def _saved_sections(page: Page) -> list[dict] | None:
    return notice.saved_sections(_state.now, page)


def _restore_sections(page: Page, found: list[dict] | None) -> None:
    notice.restore_sections(_state.now, page, found)


serve_mode.keep_page_state(_saved_sections, _restore_sections)
