"""`python hooks/book.py export`: the built site's book as PDF, EPUB and an offline copy.

Outputs go into the site under stable paths that every page's download links name:
downloads/<name>-<lang>.pdf, downloads/<name>-<lang>.epub, downloads/<name>-offline.zip.
Those are the default edition (each tab set's first tab, export.tabs). An edition for a
tab label (`--tab Python`) carries it in its names: downloads/<name>-<lang>-python.pdf.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from textbook.adapters.i18n import language_codes
from textbook.export import FORMATS, ExportError
from textbook.languages.ui_strings import load_strings, ui_strings_file

log = logging.getLogger("mkdocs.export")

__all__ = ["FORMATS", "ExportError", "download_paths", "export_book"]


def download_paths(config: MkDocsConfig, site_dir: Path, tab: str | None = None) -> dict[str, Path]:
    """Where each file goes: 'pdf-zh', 'epub-en', ..., 'offline'; an edition's PDF and
    EPUB carry its tab label."""
    name = config.extra["book_file_name"]
    folder = site_dir / "downloads"
    edition = edition_suffix(tab)
    paths = {"offline": folder / f"{name}-offline.zip"}
    for lang in language_codes(config):
        paths[f"pdf-{lang}"] = folder / f"{name}-{lang}{edition}.pdf"
        paths[f"epub-{lang}"] = folder / f"{name}-{lang}{edition}.epub"
    return paths


def edition_suffix(label: str | None) -> str:
    """What an edition adds to a file name: '' for the default, '-cpp' for 'C++'."""
    if not label:
        return ""
    name = label.strip().lower().replace("++", "pp").replace("+", "p").replace("#", "sharp")
    return "-" + (re.sub(r"[^\w]+", "-", name).strip("-_") or "tab")


def export_book(
    config: MkDocsConfig, site_dir: Path, formats=FORMATS, tabs: list[str] | None = None
) -> dict[str, float]:
    """Write the chosen formats from a built site, one edition per tab label (the default
    edition when there is none); return the seconds each format took."""
    # Imported here: `book.py export-quizzes` imports this module and must run with
    # requirements.txt alone (no lxml, pypdf or Playwright).
    from textbook.export.assemble import assemble
    from textbook.export.source import read_books

    locales = language_codes(config)
    strings = load_strings(locales, ui_strings_file(config))
    ui = {lang: {key: texts[lang] for key, texts in strings.items()} for lang in locales}
    site_url = config.site_url or ""
    timings = {}
    for tab in tabs or [None]:
        paths = download_paths(config, site_dir, tab)
        if "pdf" in formats:
            from textbook.export.pdf import print_books

            start = time.perf_counter()
            sources = read_books(config, site_dir)
            books = [assemble(b, site_url, _in_document, tab) for b in sources]
            print_books(books, site_dir, {b.lang: paths[f"pdf-{b.lang}"] for b in books}, ui)
            timings["pdf"] = timings.get("pdf", 0) + time.perf_counter() - start
        if "epub" in formats:
            from textbook.export.epub import write_epub

            start = time.perf_counter()
            for source in read_books(config, site_dir):
                book = assemble(source, site_url, _in_epub, tab)
                write_epub(book, site_dir, paths[f"epub-{book.lang}"], ui[book.lang], site_url)
            timings["epub"] = timings.get("epub", 0) + time.perf_counter() - start
    if "offline" in formats:
        from textbook.export.offline import write_offline

        start = time.perf_counter()
        write_offline(config, download_paths(config, site_dir)["offline"], ui)
        timings["offline"] = time.perf_counter() - start
    return timings


def _in_document(page, anchor: str) -> str:
    return f"#{anchor}"


def _in_epub(page, anchor: str) -> str:
    from textbook.export.epub import document_name

    return f"{document_name(page)}#{anchor}"
