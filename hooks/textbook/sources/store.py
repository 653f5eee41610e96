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

from textbook.build_state import ProcessCache
from textbook.sources.lines import locate
from textbook.sources.outline import Outline, Recorder

# abs path -> the outline (without lines) of the body whose hash is its version.
_outlines: ProcessCache[str, Outline] = ProcessCache("a page not rendered again keeps its outline")


def remember(path: str, body: str, outline: Outline) -> None:
    _outlines.put(os.path.normpath(path), _hash(body), outline)


def outline_of(source, convert: Converter) -> Outline:
    """The outline of a page variant (book_pages.Source), with its lines."""
    key = os.path.normpath(str(source.path))
    outline = _outlines.get(key, _hash(source.body), lambda: convert(source.body))
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
