"""The book off the web: the PDF, EPUB and offline copy exported from the test build."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from playwright.sync_api import expect
from pypdf import PdfReader

from chapter_source import normalize, read_source, sentences
from conftest import BOOK, ROOT, serving
from search_helpers import search
from textbook.languages.ui_strings import load_strings
from textbook.quiz.load import load_quiz

SOURCE = read_source((Path(__file__).parent / "data" / "seed-sft-to-rl.txt").read_text("utf-8"))
LANGS = ("zh", "en")
XML_NS = "http://www.w3.org/XML/1998/namespace"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XHTML_NAMESPACES = {"x": XHTML_NS, "ops": "http://www.idpf.org/2007/ops"}
PREFIX = {"zh": "", "en": "en/"}
# The book's pages, as the nav lists them (the home page is the site's, not the book's).
BOOK_PAGES = ("chapters/sft-to-rl/", "glossary/")
CJK_RUN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]+")
OTHER = {"zh": "en", "en": "zh"}


@functools.cache
def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@functools.cache
def _pdf_body(path: Path) -> str:
    """The PDF's text without the running header and the page number of each page."""
    pages = []
    for page in _pdf_text(path).split("\f"):
        lines = [line for line in page.splitlines() if line.strip()]
        if lines and lines[-1].strip().isdigit():
            lines.pop()
        if len(pages) > 1 and lines:
            lines.pop(0)  # the header: every page after the cover and the contents has one
        pages.append("\n".join(lines))
    return "\n".join(pages)


def _pdf(exported, lang) -> Path:
    return exported / f"llm-book-{lang}.pdf"


def _epub(exported, lang) -> zipfile.ZipFile:
    return zipfile.ZipFile(exported / f"llm-book-{lang}.epub")


def _headings(site, lang) -> list[tuple[int, str]]:
    """Every heading of the book's pages on the site: (level, text), in order."""
    found = []
    for path in BOOK_PAGES:
        article = site.html(PREFIX[lang] + path).select_one("article.md-content__inner")
        for heading in article.find_all(re.compile(r"^h[1-6]$")):
            for link in heading.select("a.headerlink"):
                link.decompose()
            found.append((int(heading.name[1]), " ".join(heading.get_text().split())))
    return found


# -----------------------------------------------------------------------------
# PDF
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_holds_every_paragraph_and_key_point_of_chapter_one(exported, lang):
    text = normalize(_pdf_body(_pdf(exported, lang)))
    assert normalize(SOURCE.title[lang]) in text
    missing = [
        sentence
        for part in (SOURCE.paragraphs[lang], SOURCE.key_points[lang], SOURCE.questions[lang])
        for paragraph in part
        for sentence in sentences(paragraph)
        if normalize(sentence) not in text
    ]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_no_text_of_the_other_language(exported, lang):
    text = normalize(_pdf_text(_pdf(exported, lang)))
    other = OTHER[lang]
    present = [
        sentence
        for part in (SOURCE.paragraphs[other], SOURCE.key_points[other], SOURCE.questions[other])
        for paragraph in part
        for sentence in sentences(paragraph)
        if len(normalize(sentence)) > 6 and normalize(sentence) in text
    ]
    assert present == []


def test_english_pdf_has_chinese_only_where_the_english_pages_quote_it(site, exported):
    quoted = "".join(
        site.html("en/" + path).select_one("article").get_text() for path in BOOK_PAGES
    )
    runs = set(CJK_RUN.findall(_pdf_text(_pdf(exported, "en"))))
    assert runs, "the English glossary gives each term's Chinese form"
    assert [run for run in runs if run not in quoted] == []


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_bookmarks_list_every_chapter_and_section(site, exported, lang):
    reader = PdfReader(_pdf(exported, lang))
    marks = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                marks.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    expected = _headings(site, lang)
    titles = [title for _, title, _ in marks]
    assert titles[: len(expected)] == [text for _, text in expected]
    # Chapters at the top, sections under them.
    assert [depth for depth, *_ in marks[: len(expected)]] == [level - 1 for level, _ in expected]
    answers = load_strings(LANGS)["export_answer_key"][lang]
    assert titles[len(expected)] == answers
    pages = [page for *_, page in marks]
    assert pages == sorted(pages) and pages[0] >= 2  # after the cover and the contents


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_contents_give_each_chapter_its_page(exported, lang):
    reader = PdfReader(_pdf(exported, lang))
    contents = reader.pages[1].extract_text()
    for item in reader.outline:
        if not isinstance(item, list):
            page = reader.page_labels[reader.get_destination_page_number(item)]
            line = next(
                row for row in contents.splitlines() if normalize(item.title) in normalize(row)
            )
            assert line.rstrip().endswith(str(page)), (item.title, line)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_numbers_front_matter_in_roman_and_the_body_from_chapter_one(exported, lang):
    reader = PdfReader(_pdf(exported, lang))
    first = reader.get_destination_page_number(reader.outline[0])  # chapter 1
    labels = reader.page_labels
    assert first == 2 and labels[:first] == ["i", "ii"]
    assert labels[first:] == [str(n) for n in range(1, len(labels) - first + 1)]
    # What each page prints at its foot says the same; the cover prints none.
    feet = [
        page.strip().splitlines()[-1].strip()
        for page in _pdf_text(_pdf(exported, lang)).split("\f")[:-1]
    ]
    assert feet[1] == "ii" and feet[first:] == labels[first:]


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_fonts_are_embedded(exported, lang):
    rows = subprocess.run(
        ["pdffonts", str(_pdf(exported, lang))], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    # Columns: name, type (one or two words), encoding, emb, sub, uni, object, generation.
    assert [row for row in rows if row.split()[-5] != "yes"] == []
    # Every font a CID TrueType one (TrueType outlines), none Type 3, CJK included.
    assert [row for row in rows if "Type 3" in row] == []
    assert all("CID TrueType" in row for row in rows), rows
    if lang == "zh":
        assert any("WenQuanYiMicroHei" in row for row in rows)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_links_stay_in_the_book_or_on_its_site(site, exported, lang):
    reader = PdfReader(_pdf(exported, lang))
    internal, external = 0, []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if annot.get_object().get("/Dest") is not None or (action and "/D" in action):
                internal += 1
            elif action and "/URI" in action:
                external.append(str(action["/URI"]))
    # Cross-references, contents lines, glossary terms, quiz questions: all inside the PDF.
    assert internal > 30
    assert [uri for uri in external if not uri.startswith(site.url)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_shows_figures_and_math_as_the_site_does(exported, lang):
    text = _pdf_text(_pdf(exported, lang))
    figure = {"zh": "图 1-1", "en": "Figure 1-1"}[lang]
    equation = {"zh": "（1-1）", "en": "(1-1)"}[lang]
    assert figure in text and equation in text
    assert normalize("3a + 2o = 13") in normalize(text)


# -----------------------------------------------------------------------------
# EPUB
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_epub_passes_epubcheck(exported, lang):
    result = subprocess.run(
        ["java", "-jar", "/usr/share/java/epubcheck.jar", str(exported / f"llm-book-{lang}.epub")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_epub_documents_carry_the_language_and_stay_off_other_hosts(site, exported, lang):
    with _epub(exported, lang) as epub:
        documents = [name for name in epub.namelist() if name.endswith(".xhtml")]
        assert len(documents) >= 5
        for name in documents:
            text = epub.read(name).decode("utf-8")
            root = etree.fromstring(text.encode("utf-8"))
            assert (root.get("lang"), root.get(f"{{{XML_NS}}}lang")) == (lang, lang), name
            urls = re.findall(r"https?://[^\s\"'<>]+", text)
            foreign = [u for u in urls if not u.startswith(site.url) and "w3.org" not in u]
            foreign = [u for u in foreign if "idpf.org" not in u]
            assert foreign == [], name
        chapter = epub.read("OEBPS/chapters-sft-to-rl.xhtml").decode("utf-8")
        assert re.search(r'<math [^>]*xmlns="http://www.w3.org/1998/Math/MathML"', chapter)
        assert normalize(SOURCE.paragraphs[lang][0]) in normalize(
            BeautifulSoup(chapter, "lxml-xml").get_text()
        )


@pytest.mark.parametrize("lang", LANGS)
def test_epub_navigation_lists_every_chapter_and_section(site, exported, lang):
    with _epub(exported, lang) as epub:
        nav = etree.fromstring(epub.read("OEBPS/nav.xhtml"))
    # Namespaces by URI, as XML defines them: a prefix is the document's choice, and
    # parsers differ in whether they keep it on attribute names (lxml 6.2 with bs4 does not).
    (toc,) = nav.xpath("//x:nav[@ops:type='toc']", namespaces=XHTML_NAMESPACES)
    entries = [" ".join("".join(a.itertext()).split()) for a in toc.iter(f"{{{XHTML_NS}}}a")]
    wanted = [text for level, text in _headings(site, lang) if level <= 2]
    assert entries[: len(wanted)] == wanted


# -----------------------------------------------------------------------------
# The quiz on paper
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_matches_the_quiz_file_for_every_question_type(exported, lang):
    quiz = load_quiz(BOOK / "docs" / "quizzes" / "sft-to-rl.yml", LANGS)
    ui = {key: texts[lang] for key, texts in load_strings(LANGS).items()}
    with _epub(exported, lang) as epub:
        key = BeautifulSoup(epub.read("OEBPS/answer-key.xhtml"), "lxml-xml")
        chapter = BeautifulSoup(epub.read("OEBPS/chapters-sft-to-rl.xhtml"), "lxml-xml")
    items = key.select(".answer-key__item")
    assert len(items) == len(quiz.questions)
    assert {q.type for q in quiz.questions} == {"single", "multiple", "true_false", "short"}
    pdf = normalize(_pdf_body(_pdf(exported, lang)))
    for number, (question, item) in enumerate(zip(quiz.questions, items, strict=True), 1):
        link = item.select_one(".answer-key__question a")
        assert normalize(link.get_text()) == normalize(ui["export_question"].format(number=number))
        # The question is in the chapter, without its answer; the link leads to it.
        asked = chapter.find(id=link["href"].split("#")[1])
        assert asked is not None and asked.select(".quiz__answer, input") == []
        shown = [
            normalize(li.select_one(".quiz__option-text").get_text()) for li in item.select("li")
        ]
        if question.type in ("single", "multiple"):
            right = [normalize(_plain(o.text[lang])) for o in question.options if o.correct]
            assert shown == right
        elif question.type == "true_false":
            assert shown == [normalize(ui["quiz_true" if question.answer else "quiz_false"])]
        else:
            answer = normalize(item.select_one(".quiz__key").get_text())
            assert normalize(f"{question.accept.numbers[0]:g}") in answer
        explanation = normalize(item.select_one(".quiz__explanation").get_text())
        assert explanation == normalize(_plain(question.explanation[lang]))
        assert explanation in pdf


def _plain(markdown_text: str) -> str:
    """A quiz text without its inline Markdown: [text](url) -> text, `code` -> code."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)


# -----------------------------------------------------------------------------
# Download links and the offline copy
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "chapters/sft-to-rl/", "glossary/"])
def test_download_links_resolve_in_the_pages_language(site, server, exported, lang, path):
    page = PREFIX[lang] + path
    links = site.html(page).select("nav.book-downloads a[href]")
    hrefs = [link["href"] for link in links]
    assert [h.rsplit("/", 1)[1] for h in hrefs] == [
        f"llm-book-{lang}.pdf",
        f"llm-book-{lang}.epub",
        "llm-book-offline.zip",
    ]
    ui = load_strings(LANGS)
    assert [link.get_text() for link in links] == [
        ui[key][lang] for key in ("download_pdf", "download_epub", "download_offline")
    ]
    for href in hrefs:
        with urllib.request.urlopen(urljoin(server + page, href)) as response:
            assert response.status == 200 and len(response.read()) > 1000


@pytest.fixture(scope="module")
def offline(exported, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(exported / "llm-book-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "llm-book"


def test_offline_copy_reads_from_disk(offline, browser):
    assert "python3 -m http.server" in (offline / "README.txt").read_text("utf-8")
    page = browser.new_page()
    try:
        failed = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.goto((offline / "index.html").as_uri())
        page.locator("article a[href$='sft-to-rl.html']").first.click()
        expect(page.locator("article h1")).to_contain_text(SOURCE.title["zh"])
        assert page.url.startswith("file://")
        expect(page.locator("figure img").first).to_have_js_property("complete", True)
        assert page.locator("figure img").first.evaluate("i => i.naturalWidth") > 0
        switch = page.locator("a.md-select__link[hreflang=en]").first.get_attribute("href")
        page.goto(urljoin(page.url, switch))
        expect(page.locator("article h1")).to_contain_text(SOURCE.title["en"])
        assert page.url.startswith("file://") and page.url.endswith(".html")
        assert [url for url in failed if url.startswith("file://")] == []
    finally:
        page.close()


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [("zh", "强化学习", "chapters/sft-to-rl.html"), ("en", "labeler", "chapters/sft-to-rl.html")],
)
def test_offline_copy_searches_when_served_as_its_readme_says(
    offline, browser, lang, query, expected
):
    with serving(offline) as root:
        page = browser.new_page()
        try:
            page.goto(f"{root}{PREFIX[lang]}index.html")
            paths = [urlsplit(href).path for href in search(page, query)]
            assert f"/{PREFIX[lang]}{expected}" in paths
        finally:
            page.close()


def test_export_without_a_build_says_so_in_one_line(tmp_path):
    command = [sys.executable, "hooks/book.py", "export", "--no-build", "--site-dir", tmp_path]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path}: no built site here; run without --no-build.\n"


# -----------------------------------------------------------------------------
# A generated book: many chapters, every kind of heading and box, tabbed code
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tabbed_book(tmp_path_factory):
    """hooks/textbook/testing/export_book.py's book, built and exported as its Python edition."""
    from textbook.testing.export_book import make_book

    root = tmp_path_factory.mktemp("tabbed-book")
    sets = make_book(root, ROOT, chapters=24, book=BOOK)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "hooks/book.py", "export", "--site-dir", str(root / "site")]
    command += ["--formats", "pdf", "epub", "--tab", "Python"]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root / "site" / "downloads", sets


@pytest.mark.parametrize("lang", LANGS)
def test_generated_book_bookmarks_cover_every_chapter_and_heading(tabbed_book, lang):
    from textbook.testing.export_book import TITLES

    downloads, _ = tabbed_book
    reader = PdfReader(downloads / f"llm-book-{lang}-python.pdf")
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    chapters = [TITLES[lang].format(n=n) for n in range(1, 25)]
    assert [t for t in top if t in chapters] == chapters
    count = 0

    def walk(items):
        nonlocal count
        for item in items:
            walk(item) if isinstance(item, list) else None
            count += not isinstance(item, list)

    walk(reader.outline)
    # Per chapter: its title, three sections, each with an h3, h4, h5 and h6.
    assert count >= 24 * 16


@pytest.mark.parametrize("lang", LANGS)
def test_generated_book_keeps_the_python_tab_or_the_first(tabbed_book, lang):
    from textbook.testing.export_book import mark

    downloads, sets = tabbed_book
    pdf = _pdf_text(downloads / f"llm-book-{lang}-python.pdf")
    with zipfile.ZipFile(downloads / f"llm-book-{lang}-python.epub") as epub:
        xhtml = "".join(
            BeautifulSoup(epub.read(name), "lxml-xml").get_text(" ")
            for name in epub.namelist()
            if name.endswith(".xhtml")
        )
    assert len(sets) == 72 and max(len(labels) for _, labels in sets) >= 10
    # Every box's text is on paper, collapsible ones (??? in the source) included.
    assert pdf.count("in a box.") == 72 and xhtml.count("in a box.") == 72
    for n, labels in sets:
        kept = "Python" if "Python" in labels else labels[0]
        for text in (pdf, xhtml):
            shown = [label for label in labels if re.search(rf"\b{mark(label, n)}\b", text)]
            assert shown == [kept], (n, labels)


@pytest.mark.parametrize("lang", LANGS)
def test_generated_book_epub_passes_epubcheck(tabbed_book, lang):
    downloads, _ = tabbed_book
    result = subprocess.run(
        [
            "java",
            "-jar",
            "/usr/share/java/epubcheck.jar",
            str(downloads / f"llm-book-{lang}-python.epub"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_generated_book_pdf_fonts_are_truetype(tabbed_book, lang):
    downloads, _ = tabbed_book
    rows = subprocess.run(
        ["pdffonts", str(downloads / f"llm-book-{lang}-python.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert rows and [row for row in rows if "CID TrueType" not in row] == []


@pytest.mark.parametrize("alternate", [True, False])
@pytest.mark.parametrize(
    ("label", "kept"), [(None, "Python"), ("c++", "C++"), (" Rust ", "Rust"), ("Go", "Python")]
)
def test_a_tab_set_keeps_the_labelled_tab_or_its_first(alternate, label, kept):
    """Both styles of pymdownx.tabbed; no label (the default edition) keeps the first tab."""
    import lxml.html
    import markdown

    from textbook.export.tabs import keep_tab

    source = "\n\n".join(
        f'=== "{name}"\n\n    ```python\n    {name.lower().strip("+")}_code = 1\n    ```'
        for name in ("Python", "C++", "Rust")
    )
    html = markdown.markdown(
        source + "\n\nafter\n",
        extensions=["pymdownx.tabbed", "pymdownx.superfences"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": alternate}},
    )
    article = lxml.html.fragment_fromstring(f"<article>{html}</article>")
    assert keep_tab(article, label) == 1
    assert article.cssselect(".print-tab__label")[0].text == kept
    text = " ".join(article.text_content().split())
    codes = [n for n in ("python_code", "c_code", "rust_code") if n in text]
    assert codes == [f"{kept.lower().strip('+')}_code"] and text.endswith("after")


def test_a_heading_of_the_contents_hidden_on_paper_stops_the_pdf(tmp_path):
    """Bookmarks and contents go by id: a heading Chromium does not lay out is named."""
    import lxml.html

    from textbook.export import ExportError
    from textbook.export.assemble import assemble
    from textbook.export.pdf import print_books
    from textbook.export.source import BookPage, LanguageBook

    article = lxml.html.fragment_fromstring(
        '<article><h1 id="t">Title</h1><p>Text.</p>'
        '<h2 id="shown">Shown</h2><div style="display: none"><h2 id="gone">Gone</h2></div>'
        "</article>"
    )
    page = BookPage(key="x.md", slug="x", url="x/", title="Title", article=article)
    book = assemble(LanguageBook("en", "en/", "Book", [page], []), "", lambda p, a: f"#{a}")
    ui = {key: texts["en"] for key, texts in load_strings(LANGS).items()}
    caught = []

    def export():  # in its own thread: the session's browser runs Playwright's loop here
        try:
            print_books([book], tmp_path, {"en": tmp_path / "book.pdf"}, {"en": ui})
        except ExportError as err:
            caught.append(err)

    thread = threading.Thread(target=export)
    thread.start()
    thread.join()
    assert len(caught) == 1
    assert str(caught[0]) == (
        "the en PDF has no place for these headings of its contents: 'Gone' (x). Chromium "
        "laid them out nowhere: is a style hiding them (display: none) on the page?"
    )
    assert not (tmp_path / "book.pdf").exists()
