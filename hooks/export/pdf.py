"""The book as PDF: Chromium prints the assembled HTML, twice.

Chromium renders the site's MathML and embeds subset fonts, and writes bookmarks from
the headings (`outline`, `tagged`). It has no `target-counter`, so the contents' page
numbers come from a first print: its bookmarks say on which page each heading fell; the
second print carries them (one line per entry, so the numbers cannot move anything).
"""

from __future__ import annotations

import io
from pathlib import Path

import lxml.html
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from export import ExportError
from export.assemble import ENV, Book, inner_html

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps calling hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def print_books(books: list[Book], site_dir: Path, outputs: dict[str, Path], ui: dict) -> None:
    """Print each language's book into outputs[lang]; one browser for all of them."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as err:
            reason = str(err).strip().splitlines()[0]
            raise ExportError(
                f"cannot start Chromium at {CHROMIUM} ({reason}); "
                "install it with: bash tests/install.sh"
            ) from None
        try:
            for book in books:
                _print_book(browser, book, site_dir, outputs[book.lang], ui[book.lang])
        finally:
            browser.close()


def _print_book(browser, book: Book, site_dir: Path, output: Path, ui: dict) -> None:
    # The document sits at the site's root, where the pages' image paths start.
    document = site_dir / f".print-{book.lang}.html"
    page = browser.new_page()
    try:
        html = _render(book, ui, key_page="")
        headings = _headings(html)
        pages = dict(
            zip(
                [anchor for anchor, _ in headings],
                _bookmark_pages(_print(page, document, html), len(headings)),
                strict=True,
            )
        )
        for entry in book.toc:
            entry.page = str(pages[entry.anchor])
        final = _print(page, document, _render(book, ui, key_page=str(pages["answer-key"])))
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(_retitle_bookmarks(final, [text for _, text in headings]))
    finally:
        page.close()
        document.unlink(missing_ok=True)


def _render(book: Book, ui: dict, key_page: str) -> str:
    css = (Path(__file__).with_name("templates") / "print.css").read_text("utf-8")
    return ENV.get_template("book.html").render(
        book=book,
        ui=ui,
        print_css=css,
        key_page=key_page,
        page_html=[inner_html(page.article) for page in book.pages],
        answer_html={
            entry.question_id: lxml.html.tostring(entry.answer, encoding="unicode")
            for entry in book.answers
        },
    )


def _print(page, document: Path, html: str) -> bytes:
    document.write_text(html, "utf-8")
    page.goto(document.as_uri(), wait_until="load")
    return page.pdf(
        format="A4",
        print_background=True,
        prefer_css_page_size=True,
        outline=True,
        tagged=True,
    )


def _headings(html: str) -> list[tuple[str, str]]:
    """Every heading's id and text, in document order: what Chromium makes bookmarks of."""
    tree = lxml.html.document_fromstring(html)
    return [
        (h.get("id"), " ".join(h.text_content().split()))
        for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")
    ]


def _bookmarks(reader: PdfReader) -> list:
    """Every bookmark of the PDF, in document order (depth first)."""
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item)

    walk(reader.outline)
    return found


def _bookmark_pages(pdf: bytes, expected: int) -> list[int]:
    """The page (from 1) of every bookmark; one per heading, or the print is not the book."""
    reader = PdfReader(io.BytesIO(pdf))
    marks = _bookmarks(reader)
    if len(marks) != expected:
        raise ExportError(
            f"Chromium made {len(marks)} bookmarks for the {expected} headings of the book."
        )
    return [reader.get_destination_page_number(mark) + 1 for mark in marks]


def _retitle_bookmarks(pdf: bytes, titles: list[str]) -> bytes:
    """The PDF with each bookmark titled as its heading reads (Chromium takes the rendered
    lines: a wrapped heading loses its space, one that starts a page is named twice)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    items, stack = [], [writer._root_object["/Outlines"].get("/First")]
    while stack:
        item = stack.pop()
        if item is not None:
            items.append(item.get_object())
            stack += [item.get_object().get("/Next"), item.get_object().get("/First")]
    for item, title in zip(items, titles, strict=True):
        item[NameObject("/Title")] = TextStringObject(title)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
