"""The book as EPUB 3, written with the standard library's zipfile.

An EPUB is a zip with a fixed first entry, a package file and XHTML documents; the
pages are already HTML, so serialising them as XML is most of the work. A library
(ebooklib) would add a dependency to write the same few files, and would still need
the MathML flag and the language on every document set by hand.
"""

from __future__ import annotations

import datetime
import uuid
import zipfile
from pathlib import Path

from lxml import etree

from textbook.export.assemble import ENV, Book, inner_html
from textbook.export.source import BookPage

MATHML = "http://www.w3.org/1998/Math/MathML"
MEDIA_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def document_name(page: BookPage) -> str:
    """The XHTML file that holds a page in the EPUB."""
    return f"{page.slug}.xhtml"


def write_epub(book: Book, site_dir: Path, output: Path, ui: dict, site_url: str) -> None:
    """Package one language's assembled book (links already point at document_name)."""
    documents = {"title.xhtml": _render("title.xhtml", book, ui)}
    for page in book.pages:
        documents[document_name(page)] = _render(
            "page.xhtml", book, ui, title=page.title, body=_xml(page.article)
        )
    if book.answers:
        answers = {entry.question_id: _xml(entry.answer, inner=False) for entry in book.answers}
        documents["answer-key.xhtml"] = _render(
            "answer-key.xhtml", book, ui, answers=answers, document_name=document_name
        )
    documents["nav.xhtml"] = _render("nav.xhtml", book, ui, document_name=document_name)
    images = sorted(book.images)
    modified = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    package = _render(
        "content.opf",
        book,
        ui,
        identifier=uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url}#{book.lang}"),
        modified=modified,
        documents=[(name, "<math" in text) for name, text in documents.items()],
        images=[(path, MEDIA_TYPES[Path(path).suffix.lower()]) for path in images],
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as epub:
        # The first entry, stored uncompressed: how readers recognise the file.
        epub.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        epub.writestr("META-INF/container.xml", CONTAINER)
        epub.writestr("OEBPS/content.opf", package)
        epub.write(Path(__file__).with_name("templates") / "epub.css", "OEBPS/book.css")
        for name, text in documents.items():
            epub.writestr(f"OEBPS/{name}", text)
        for path in images:
            epub.write(site_dir / path, f"OEBPS/{path}")


def _render(template: str, book: Book, ui: dict, **context) -> str:
    return ENV.get_template(template).render(book=book, ui=ui, **context)


def _xml(element, *, inner: bool = True) -> str:
    """An element (or its content) as XHTML: MathML declared, void elements closed."""
    for math in element.iter("math"):
        math.set("xmlns", MATHML)
    if inner:
        return inner_html(element, method="xml")
    return etree.tostring(element, method="xml", encoding="unicode", with_tail=False)
