"""The glossary's plain modules, called without a build: the book's file read for a build,
the terms to mark on a page, the glossary page's entries, and one language's uses."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from textbook.glossary.load import book_glossary
from textbook.glossary.mark import PageTerms, Section, terms_to_mark
from textbook.glossary.page import DIRECTIVE, with_glossary
from textbook.glossary.state import GlossaryLanguage
from textbook.glossary.uses import with_glossary_parts

DOCS = Path(__file__).resolve().parent / "fixtures" / "book" / "docs"


def test_a_book_without_a_glossary_file_marks_nothing_and_has_no_problem(tmp_path):
    assert book_glossary(tmp_path, ("zh", "en")) == (None, [])


def test_the_books_glossary_is_read_with_its_shown_name():
    glossary, problems = book_glossary(DOCS, ("zh", "en"))
    assert problems == [] and glossary.name == "docs/glossary.yml" and glossary.terms


def test_a_broken_glossary_gives_each_problem_a_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DOCS / "glossary.yml", docs / "glossary.yml")
    text = (docs / "glossary.yml").read_text("utf-8")
    (docs / "glossary.yml").write_text(text.replace("  - id: pretraining", "  - id: Pre"))
    glossary, problems = book_glossary(docs, ("zh", "en"))
    assert (
        glossary is None and problems and all(p.startswith("docs/glossary.yml:") for p in problems)
    )


def test_terms_are_marked_in_chapters_only_with_a_link_to_the_glossary():
    assert terms_to_mark("index.md", "en") is None
    terms = terms_to_mark("chapters/x.md", "en")
    assert terms == PageTerms("en", "../glossary.md")


def test_the_glossary_page_gets_its_entries_in_the_pages_language():
    glossary, _ = book_glossary(DOCS, ("zh", "en"))
    assert with_glossary("# Glossary\n", glossary, "en", ("zh", "en")) is None
    markdown = with_glossary(f"# Glossary\n\n{DIRECTIVE}\n", glossary, "en", ("zh", "en"))
    assert (
        DIRECTIVE not in markdown
        and "large language model {#term-large-language-model}" in markdown
    )
    assert '<span lang="zh">大语言模型</span>' in markdown and '<span lang="en">' not in markdown


def test_a_languages_uses_have_a_stable_value_for_serve():
    build = GlossaryLanguage()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="chapters/x.md"))
    terms = PageTerms(
        "en", "../glossary.md", uses=[("b", Section("s", "S")), ("a", Section("", "T"))]
    )
    build.collect("chapters/x.md", page, terms)
    assert build.pages == {}  # no term was marked: no tips, no uses
    terms.marked = {"a": object(), "b": object()}
    build.collect("chapters/x.md", page, terms)
    assert build.uses_by_term() == [("a", [("chapters/x.md", "")]), ("b", [("chapters/x.md", "s")])]


def test_a_page_without_glossary_parts_is_left_alone():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="chapters/x.md"), url="chapters/x/")
    glossary, _ = book_glossary(DOCS, ("zh", "en"))
    args = (glossary, GlossaryLanguage(), "en", ("zh", "en"), {})
    assert with_glossary_parts("<article></article>", page, "chapters/x.md", *args) is None
