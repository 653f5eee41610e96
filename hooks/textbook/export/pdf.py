"""The book as PDF: Chromium prints the assembled HTML, twice.

Chromium renders the site's MathML and embeds subset fonts (`tagged` for the structure).
It has no `target-counter`, so the contents' page numbers come from a first print; the
second print carries them (one line per entry, so the numbers cannot move anything).

Where each heading fell is read by id, never by counting: the document links to every
heading's id (from a hidden list), and Chromium writes a named destination for each link
target it laid out. The bookmarks are then written from those destinations, nested by
heading level and titled as the heading reads. Chromium's own outline is not used: it is
made from what was laid out, so it loses headings (in closed tabs or boxes) and cannot
be matched to the document's headings by position.
"""

from __future__ import annotations

import base64
import io
import os
from html import escape
from pathlib import Path
from urllib.parse import unquote

import lxml.html
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit

from textbook.export import ExportError
from textbook.export.assemble import ENV, Book, inner_html

CHROMIUM = "/usr/bin/chromium"
# Only fonts with TrueType outlines: see templates/fonts.conf and print.css.
FONTS = {"FONTCONFIG_FILE": str(Path(__file__).with_name("templates") / "fonts.conf")}
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
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, **FONTS}
            )
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
        _svg_without_synthesis(book, site_dir)
        html = _render(book, ui, key_page="")
        headings = _headings(html)
        places = _destinations(PdfReader(io.BytesIO(_print(page, document, html))))
        missing = [f"'{e.title}' ({e.slug})" for e in book.toc if e.anchor not in places]
        if "answer-key" not in places:
            missing.append(f"'{ui['export_answer_key']}'")
        if missing:
            raise ExportError(
                f"the {book.lang} PDF has no place for these headings of its contents: "
                f"{', '.join(missing)}. Chromium laid them out nowhere: is a style hiding "
                "them (display: none) on the page?"
            )
        # Page 1 is chapter 1's first page; the cover and the contents count in roman.
        first = places[book.toc[0].anchor][0] if book.toc else 0
        for entry in book.toc:
            entry.page = str(places[entry.anchor][0] - first + 1)
        html = _render(book, ui, key_page=str(places["answer-key"][0] - first + 1))
        final = PdfReader(io.BytesIO(_print(page, document, html)))
        numbers = PdfReader(io.BytesIO(_print_numbers(page, len(final.pages) - first)))
        writer = PdfWriter(clone_from=final)
        _number_pages(writer, numbers, first)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(_with_bookmarks(writer, _destinations(final), headings))
    finally:
        page.close()
        document.unlink(missing_ok=True)


def _svg_without_synthesis(book: Book, site_dir: Path) -> None:
    """SVG figures inline (data: URLs), told not to synthesise bold or italic: an SVG image
    is a document of its own, out of the print CSS's reach, and a CJK font with one weight
    made bold by Chromium is embedded as a Type 3 font."""
    for page in book.pages:
        for image in page.article.cssselect("img[src]"):
            path = site_dir / image.get("src")
            if path.suffix != ".svg" or not path.is_file():
                continue
            svg = path.read_text("utf-8")
            end = svg.index(">", svg.index("<svg")) + 1
            svg = svg[:end] + "<style>* { font-synthesis: none; }</style>" + svg[end:]
            image.set("src", "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode())


def _render(book: Book, ui: dict, key_page: str) -> str:
    css = (Path(__file__).with_name("templates") / "print.css").read_text("utf-8")
    html = ENV.get_template("book.html").render(
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
    # A link to every heading: Chromium writes a named destination for each link target.
    links = "".join(f'<a href="#{escape(i)}"></a>' for _, i, _ in _headings(html))
    return html.replace("</body>", f'<nav class="print-anchors" hidden>{links}</nav>\n</body>')


def _print(page, document: Path, html: str) -> bytes:
    document.write_text(html, "utf-8")
    page.goto(document.as_uri(), wait_until="load")
    return page.pdf(
        format="A4",
        print_background=True,
        prefer_css_page_size=True,
        outline=False,
        tagged=True,
    )


def _headings(html: str) -> list[tuple[int, str, str]]:
    """Every heading with an id, in document order: (level, id, text as it reads)."""
    tree = lxml.html.document_fromstring(html)
    return [
        (int(h.tag[1]), h.get("id"), " ".join(h.text_content().split()))
        for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")
        if h.get("id")
    ]


def _destinations(reader: PdfReader) -> dict[str, tuple[int, float | None]]:
    """Element id -> (page from 0, top) of every named destination Chromium wrote."""
    places = {}
    for name, dest in reader.named_destinations.items():
        # Chromium percent-encodes the id (UTF-8): '/x--%E6%AD%A3' for 'x--正'.
        anchor = unquote(name.removeprefix("/"))
        places[anchor] = (reader.get_destination_page_number(dest), dest.top)
    return places


def _print_numbers(page, count: int) -> bytes:
    """`count` blank pages whose footers read 1, 2, 3...: Chromium cannot reset the page
    counter at chapter 1 (counter-reset on @page or an element is ignored), so the body's
    numbers are printed apart, in the same font and place, and laid over its pages."""
    css = (Path(__file__).with_name("templates") / "print.css").read_text("utf-8")
    # An empty block breaks no page: each has a height.
    blank = '<div style="height: 1px; break-after: page"></div>' * max(count - 1, 0)
    blank += '<div style="height: 1px"></div>'
    page.set_content(
        f"<!doctype html><html><head><style>{css}</style></head>"
        f'<body><div class="page-numbers">{blank}</div></body></html>'
    )
    return page.pdf(format="A4", prefer_css_page_size=True, tagged=False)


def _number_pages(writer: PdfWriter, numbers: PdfReader, first: int) -> None:
    """Arabic numbers from chapter 1 on the pages and in the viewer's page labels
    (/PageLabels), roman before it."""
    for index, number_page in enumerate(numbers.pages):
        page = writer.pages[first + index]
        page.merge_page(number_page)
        page.compress_content_streams()  # merging leaves the page's content uncompressed
    if first:
        writer.set_page_label(0, first - 1, style="/r")
    writer.set_page_label(first, len(writer.pages) - 1, style="/D", start=1)


def _with_bookmarks(writer: PdfWriter, places: dict, headings: list[tuple[int, str, str]]) -> bytes:
    """The PDF with one bookmark per heading laid out, nested by level."""
    parents: list[tuple[int, object]] = []  # (level, bookmark) of the open ancestors
    for level, anchor, title in headings:
        if anchor not in places:
            continue  # not on paper (a heading in a closed box): nothing to point at
        page, top = places[anchor]
        while parents and parents[-1][0] >= level:
            parents.pop()
        item = writer.add_outline_item(
            title,
            page,
            parent=parents[-1][1] if parents else None,
            fit=Fit.xyz(top=top) if top is not None else Fit.fit(),
        )
        parents.append((level, item))
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
