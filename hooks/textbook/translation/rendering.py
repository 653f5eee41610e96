"""Each page as MkDocs renders it: the recorder keeps its outline (sources/outline.py) and,
on a stale page or its source, the marks' job runs (stale/marks.py, stale/prepare.py)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import language_codes
from textbook.conventions import page_key
from textbook.sources.outline import Recorder
from textbook.sources.store import remember
from textbook.translation.stale.marks import StaleMarks
from textbook.translation.stale.prepare import PreparedPages, translation_job
from textbook.translation.state import TranslationBuild


def install(config: MkDocsConfig, recorder: Recorder, marks: StaleMarks) -> None:
    """Every language's build renders with the recorder and the marks, added once."""
    if not any(isinstance(ext, Recorder) for ext in config.markdown_extensions):
        config.markdown_extensions.append(recorder)
    if marks not in config.markdown_extensions:
        config.markdown_extensions.append(marks)
    # Only the glossary's term check reads the blocks' text (check.py).
    recorder.with_text = (Path(config.docs_dir) / "glossary.yml").exists()


def begin_page(
    markdown: str,
    page: Page,
    config: MkDocsConfig,
    build: TranslationBuild,
    parts: tuple[Recorder, StaleMarks, PreparedPages],
) -> None:
    """Before any other hook changes the page: record it as its file has it, and set the
    marks' job if it is a stale translation or the source of one."""
    recorder, marks, prepared = parts
    # The body as the file has it, before other hooks change it: the outline's key.
    build.bodies[page.file.abs_src_path] = markdown
    # Lines are the file's: later hooks may change the text (a quiz directive's lines).
    recorder.last, recorder.active, recorder.body = None, True, markdown
    key = page_key(page.file.src_uri, language_codes(config))
    pending = build.pending.pop(os.path.normpath(page.file.abs_src_path), None)
    if pending is not None:
        marks.job = prepared.source_job(pending)
    elif (stale := prepared.by_page.get(key)) is not None:
        marks.job = translation_job(page.file.src_uri, stale, config, build)


def end_page(page: Page, build: TranslationBuild, recorder: Recorder) -> None:
    """The page is converted: keep its outline for the checks at the end of the build."""
    outline = recorder.take()
    recorder.active, recorder.body = False, None
    body = build.bodies.pop(page.file.abs_src_path, None)
    if outline is not None and body is not None:
        remember(page.file.abs_src_path, body, outline)
