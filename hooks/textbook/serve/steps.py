"""The two page steps of MkDocs' build() as the serve cache runs them: a page whose inputs did
not change is restored instead of rendered (serve/cache.py says what and why)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook.adapters.mkdocs import RENDERED, write_file
from textbook.build_state import BuildState
from textbook.serve import mode as serve_mode
from textbook.serve.keys import digest, nav_key, project_key, variants_key
from textbook.serve.state import Entry, LanguageBuild, ServeBuild, ServeCache


class PageSteps:
    """`populate_page` and `build_page` in place of MkDocs' `_populate_page` and `_build_page`
    (same parameters), reading the cache that outlives rebuilds and the rebuild under way."""

    def __init__(self, cache: ServeCache, builds: BuildState[ServeBuild]) -> None:
        self._cache = cache
        self._builds = builds

    def populate_page(self, page: Page, config: MkDocsConfig, files: Files, dirty: bool = False):
        """Read the file, run the page events and render the Markdown, or restore all that."""
        original = self._cache.originals["_populate_page"]
        if dirty:  # `mkdocs serve --dirty`: MkDocs' own shortcut, as the author asked
            return original(page, config, files, dirty)
        build = self._builds.now
        language = self._language(build, config, files)
        dest = page.file.dest_uri
        # A translation's render reads its source too (a stale page's block marks).
        source_key = digest(
            language.project_key, page.file.src_uri, page.file.content_bytes, variants_key(page)
        )
        entry = self._cache.entries.get(dest)
        keepers = serve_mode.keepers()
        if entry is not None and entry.source_key == source_key and len(entry.kept) == len(keepers):
            _restore(page, entry, files, keepers)
            return None
        self._cache.entries.pop(dest, None)
        with _Warnings() as warned:
            original(page, config, files, dirty)
        if not warned.count:
            kept = [save(page) for save, _ in keepers]
            self._cache.entries[dest] = Entry(source_key, _rendered(page), _links(page), kept)
            build.fresh.add(dest)
        return None

    def build_page(
        self, page: Page, config: MkDocsConfig, doc_files, nav, env, dirty=False, excluded=False
    ):
        """Render the template and write the HTML, or keep the HTML the same inputs made."""
        original = self._cache.originals["_build_page"]
        build = self._builds.now
        if dirty or excluded or build.language is None:
            return original(page, config, doc_files, nav, env, dirty, excluded)
        dest = page.file.dest_uri
        entry = self._cache.entries.get(dest)
        output_key = entry and digest(
            entry.source_key,
            self._nav_key(build.language, nav),
            variants_key(page),
            # As hooks left them after every page was read (on_env may fill in cross-references).
            page.content,
            page.title,
            serve_mode.book_values(),
        )
        build.written.add(dest)
        on_disk = self._cache.on_disk
        if entry is not None and entry.output is not None and entry.output_key == output_key:
            # The site folder is not emptied: a file from an earlier build may be right already.
            if on_disk.get(dest) != output_key or not os.path.isfile(page.file.abs_dest_path):
                write_file(entry.output, page.file.abs_dest_path)
                on_disk[dest] = output_key
            build.stats.reused += 1
            return None
        on_disk[dest] = None  # written now, from inputs no entry describes yet
        # The nav or a variant changed: the HTML is made again from the restored content
        # (as hooks filled it in on_env; what they record per page comes back through
        # serve_mode.keep_page_state), never from a second Markdown render after on_env.
        with _Warnings() as warned:
            original(page, config, doc_files, nav, env, dirty, excluded)
        build.stats.rendered += 1
        if entry is not None and not warned.count and os.path.isfile(page.file.abs_dest_path):
            entry.output_key = output_key
            entry.output = Path(page.file.abs_dest_path).read_bytes()
            on_disk[dest] = output_key
        return None

    @staticmethod
    def _language(build: ServeBuild, config: MkDocsConfig, files: Files) -> LanguageBuild:
        """The language build() that is running: a new one for each Files object."""
        if build.language is None or build.language.files is not files:
            build.language = LanguageBuild(files, project_key(config, files))
        return build.language

    @staticmethod
    def _nav_key(language: LanguageBuild, nav) -> str:
        """The nav's hash, made once per language build (every page shows the same nav)."""
        if id(nav) not in language.navs:
            language.navs[id(nav)] = nav_key(nav)
        return language.navs[id(nav)]


def _rendered(page: Page) -> dict:
    return {name: getattr(page, name) for name in RENDERED}


def _links(page: Page) -> dict[str, dict[str, str]]:
    # Keyed by File objects of this build; kept by path, since Files are new every build.
    return {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()}


def _restore(page: Page, entry: Entry, files: Files, keepers) -> None:
    for name, value in entry.rendered.items():
        setattr(page, name, value)
    for (_, restore), value in zip(keepers, entry.kept, strict=True):
        restore(page, value)
    links = {}
    for src_uri, anchors in entry.links.items():
        target = files.get_file_from_path(src_uri)
        if target is not None:
            links[target] = dict(anchors)
    page.links_to_anchors = links


class _Warnings(logging.Handler):
    """Counts warnings and errors MkDocs logs meanwhile: such a render is not kept."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _Warnings:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
