"""Numbering's state is one NumberingLanguage per language build (numbering/state.py), and
its plain modules number a rendered language without a running build."""

from __future__ import annotations

from types import SimpleNamespace

import markdown

from parity_helpers import config_of
from textbook.languages.ui_strings import load_strings
from textbook.numbering.extension import BookExtension
from textbook.numbering.labels import number_labels
from textbook.numbering.number_pages import number_pages
from textbook.numbering.state import NumberingLanguage
from textbook.sources.outline import Recorder

PAGE = (
    "# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n/// table-caption | < #tab-a\nA table.\n///\n\n"
    "See [](#tab-a).\n"
)


class _Files:
    """Files as number_pages reads them: the documentation pages, with their Page."""

    def __init__(self, pages: dict[str, str]) -> None:
        self._files = [
            SimpleNamespace(src_uri=uri, src_path=uri, page=SimpleNamespace(content=html))
            for uri, html in pages.items()
        ]

    def documentation_pages(self):
        return self._files

    def get_file_from_path(self, path):
        return object()


def _render(book: BookExtension, source: str, src_uri: str = "x.md") -> str:
    config = config_of("parallel")
    extensions = [
        e for e in config.markdown_extensions if not isinstance(e, BookExtension | Recorder)
    ]
    md = markdown.Markdown(extensions=[*extensions, book], extension_configs=config.mdx_configs)
    book.start_page(name=src_uri, src_uri=src_uri, source=source, files=_Files({}), locale="en")
    return md.convert(source)


def _labels() -> dict:
    strings = load_strings(("zh", "en"))
    return number_labels({key: texts["en"] for key, texts in strings.items()})


def test_a_language_build_collects_into_its_own_state():
    book, first = BookExtension(), NumberingLanguage()
    assert book.start_build(first) is first
    _render(book, PAGE)
    assert list(first.records) == ["x.md"] and book.records is first.records
    second = book.start_build()
    assert second is not first and second.records == {} and list(first.records) == ["x.md"]


def test_a_reused_page_keeps_its_record_and_nothing_is_kept_for_none():
    build = NumberingLanguage()
    build.restore("a.md", None)
    assert build.records == {}
    record = object()
    build.restore("a.md", record)
    assert build.records == {"a.md": record}


def test_a_rendered_language_is_numbered_and_its_references_filled():
    book = BookExtension()
    build = book.start_build()
    files = _Files({"x.md": _render(book, PAGE)})
    assert number_pages(build, files, _labels()) == []
    html = files.documentation_pages()[0].page.content
    assert 'href="#tab-a">Table 1</a>' in html
    assert html.count("Table 1") == 2  # the caption's number too
    assert build.numbers is not None and build.numbers.records is build.records


def test_a_language_with_problems_is_reported_and_left_as_rendered():
    book = BookExtension()
    build = book.start_build()
    rendered = _render(book, PAGE.replace("[](#tab-a)", "[](#tab-b)"))
    files = _Files({"x.md": rendered})
    problems = number_pages(build, files, _labels())
    assert len(problems) == 1 and "tab-b" in problems[0]
    assert files.documentation_pages()[0].page.content == rendered


def test_labels_are_the_languages_words():
    labels = _labels()
    assert labels["caption"]["equation"] == "({number})"
    assert labels["ref"]["equation"] == "Equation ({number})"
    assert labels["ref"]["question"] == "Question {number}"
