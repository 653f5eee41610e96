"""Outlines by source file, kept for the life of the process.

The build records each page's outline while MkDocs renders it; `mkdocs serve`
keeps them across rebuilds, so a rebuild that skips an unchanged page still
has its outline. An entry is valid for the exact Markdown text it was made
from (a hash of the page body); anything else is converted on demand.
"""

from __future__ import annotations

import hashlib
import os

from markdown import Markdown

from textbook.build_state import ProcessCache, lives_across_builds
from textbook.sources.lines import locate
from textbook.sources.outline import Outline, Recorder


@lives_across_builds("under serve, a page not rendered again keeps the outline it was given")
class Outlines:
    """Each page's outline (without lines) by its file's absolute path, valid for the body
    whose hash it was made from; the checks and the CLI read each page several times."""

    def __init__(self) -> None:
        self._cache: ProcessCache[str, Outline] = ProcessCache("a page is converted once")

    def remember(self, path: str, body: str, outline: Outline) -> None:
        self._cache.put(os.path.normpath(path), _hash(body), outline)

    def of(self, source, convert: Converter) -> Outline:
        key = os.path.normpath(str(source.path))
        return self._cache.get(key, _hash(source.body), lambda: convert(source.body))

    def clear(self) -> None:
        """Forget every outline (a benchmark that times the first conversion)."""
        self._cache.clear()


_outlines = Outlines()  # the build records them, the checks read them


def remember(path: str, body: str, outline: Outline) -> None:
    _outlines.remember(path, body, outline)


def outline_of(source, convert: Converter) -> Outline:
    """The outline of a page variant (book_pages.Source), with its lines."""
    outline = _outlines.of(source, convert)
    locate(outline, source.body, source.first_line)
    return outline


class Converter:
    """Python-Markdown with the book's own extensions and the recorder, made when needed."""

    def __init__(self, config):
        self.config = config
        self.md: Markdown | None = None
        self.recorder = Recorder(with_text=True)  # for the glossary check

    def __call__(self, body: str) -> Outline:
        if self.md is None:
            extensions = [e for e in self.config.markdown_extensions if not isinstance(e, Recorder)]
            self.md = Markdown(
                extensions=[*extensions, self.recorder],
                extension_configs=self.config.mdx_configs,
            )
        self.md.reset()
        self.md.convert(body)
        return self.recorder.take()


def _hash(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()
