"""`python hooks/book.py export`: the built site's book as PDF, EPUB and an offline copy.

Outputs go into the site under stable paths that every page's download links name:
downloads/<name>-<lang>.pdf, downloads/<name>-<lang>.epub, downloads/<name>-offline.zip.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from export import FORMATS, ExportError
from export.assemble import assemble
from export.source import read_books
from languages import language_codes
from ui_strings import load_strings

log = logging.getLogger("mkdocs.export")

__all__ = ["FORMATS", "ExportError", "download_paths", "export_book"]


def download_paths(config: MkDocsConfig, site_dir: Path) -> dict[str, Path]:
    """Where each file goes: 'pdf-zh', 'epub-en', ..., 'offline'."""
    name = config.extra["book_file_name"]
    folder = site_dir / "downloads"
    paths = {"offline": folder / f"{name}-offline.zip"}
    for lang in language_codes(config):
        paths[f"pdf-{lang}"] = folder / f"{name}-{lang}.pdf"
        paths[f"epub-{lang}"] = folder / f"{name}-{lang}.epub"
    return paths


def export_book(config: MkDocsConfig, site_dir: Path, formats=FORMATS) -> dict[str, float]:
    """Write the chosen formats from a built site; return the seconds each took."""
    locales = language_codes(config)
    strings = load_strings(locales)
    ui = {lang: {key: texts[lang] for key, texts in strings.items()} for lang in locales}
    paths = download_paths(config, site_dir)
    site_url = config.site_url or ""
    timings = {}
    if "pdf" in formats:
        from export.pdf import print_books

        start = time.perf_counter()
        books = [assemble(b, site_url, _in_document) for b in read_books(config, site_dir)]
        print_books(books, site_dir, {b.lang: paths[f"pdf-{b.lang}"] for b in books}, ui)
        timings["pdf"] = time.perf_counter() - start
    if "epub" in formats:
        from export.epub import write_epub

        start = time.perf_counter()
        for source in read_books(config, site_dir):
            book = assemble(source, site_url, _in_epub)
            write_epub(book, site_dir, paths[f"epub-{book.lang}"], ui[book.lang], site_url)
        timings["epub"] = time.perf_counter() - start
    if "offline" in formats:
        from export.offline import write_offline

        start = time.perf_counter()
        write_offline(config, paths["offline"], ui)
        timings["offline"] = time.perf_counter() - start
    return timings


def _in_document(page, anchor: str) -> str:
    return f"#{anchor}"


def _in_epub(page, anchor: str) -> str:
    from export.epub import document_name

    return f"{document_name(page)}#{anchor}"
