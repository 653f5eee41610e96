"""A language's pages, once all are rendered: book-wide numbers, references checked, and each
page's markers replaced by "图 1-2" / "Figure 1-2"."""

from __future__ import annotations

from mkdocs.structure.files import Files

from textbook.numbering.book_numbers import LanguageNumbers, check_references, fill, item_numbers
from textbook.numbering.state import NumberingLanguage


def number_pages(build: NumberingLanguage, files: Files, labels: dict) -> list[str]:
    """Sets `build.numbers` and fills every page; returns the language's problems instead
    when there are any (its pages are then left as rendered)."""
    numbers = {
        uri: item_numbers(record, build.chapters.get(uri)) for uri, record in build.records.items()
    }
    paths = {file.src_path.replace("\\", "/"): file.src_uri for file in files.documentation_pages()}
    # Quiz texts, rendered after the pages, read their references from these (quiz/page.py).
    build.numbers = LanguageNumbers(build.records, numbers, labels, paths)
    problems = build.problems + check_references(build.records)
    if problems:
        return problems
    for file in files.documentation_pages():
        record = build.records.get(file.src_uri)
        if file.page is not None and file.page.content and record is not None:
            file.page.content = fill(file.page.content, record, build.records, numbers, labels)
    return []
