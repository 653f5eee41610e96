"""One Python-Markdown extension for the book's material: math and the page record.

MkDocs renders each page with a fresh Markdown instance but the same extension
objects, so the extension holds the language's build (state.py): the page being rendered
(set by the hook), every page's record and every problem, in one object.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown import Extension, Markdown
from mkdocs.structure.files import Files

from textbook.math.extension import MathExtension
from textbook.numbering.book_numbers import LanguageNumbers
from textbook.numbering.collect import BookTreeprocessor, PageRecord
from textbook.numbering.source_lines import SourceLines
from textbook.numbering.state import NumberingLanguage


@dataclass
class PageContext:
    """The page being rendered: its record, its source lines, the build's files."""

    record: PageRecord
    lines: SourceLines
    files: Files
    locale: str
    problems: list[str]

    def report(self, line: int, message: str) -> None:
        self.problems.append(f"{self.record.name}:{line}: {message}")


class BookExtension(Extension):
    """Math as MathML, figure/table/equation numbering marks, references, image checks.

    One instance for the process, in every language's markdown_extensions (book_extension);
    what the language being built collects is its `build` (state.py), from `start_build` on."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.build = NumberingLanguage()
        # The book's math macros, from mkdocs.yml (macros.py); set by the hook.
        self.macros: dict[str, str] = {}

    def start_build(self, build: NumberingLanguage | None = None) -> NumberingLanguage:
        """A language's build starts: what the last one collected is dropped."""
        self.build = build if build is not None else NumberingLanguage()
        return self.build

    # What the quiz, the tests and the treeprocessor read of the language being built.
    @property
    def page(self) -> PageContext | None:
        return self.build.page

    @property
    def problems(self) -> list[str]:
        return self.build.problems

    @property
    def records(self) -> dict[str, PageRecord]:
        return self.build.records

    @property
    def numbers(self) -> LanguageNumbers | None:
        return self.build.numbers

    def start_page(
        self, *, name: str, src_uri: str, source: str, files: Files, locale: str, body: str = ""
    ):
        """`body`: the page without its front matter, as Markdown reads it."""
        record = PageRecord(name=name, src_uri=src_uri)
        self.build.records[src_uri] = record
        at = source.find(body[:200]) if body else 0
        lines = SourceLines(source, source.count("\n", 0, max(at, 0)) + 1)
        self.build.page = PageContext(record, lines, files, locale, self.build.problems)

    def extendMarkdown(self, md: Markdown) -> None:
        MathExtension(report=self._report_tex, macros=self.macros).extendMarkdown(md)
        # After toc (5: heading ids), before MkDocs rewrites links (relpath, 0).
        md.treeprocessors.register(BookTreeprocessor(md, self), "book-material", 3)

    def _report_tex(
        self, tex: str, message: str, line_offset: int = 0, block: int | None = None
    ) -> None:
        formula = " ".join(tex.split())  # one line in the log, however many in the page
        if self.page is None:
            # A text rendered outside a page (a quiz's): its renderer places these.
            self.build.unplaced.append((tex, f"cannot read the formula '{formula}': {message}."))
            return
        start = None if block is None else self.page.lines.body_line + block
        line = self.page.lines.line_of(tex, start) + line_offset
        self.page.report(line, f"cannot read the formula '{formula}': {message}.")

    def take_unplaced(self) -> list[tuple[str, str]]:
        """The math problems of texts rendered outside a page since the last call:
        (the TeX, the message)."""
        taken, self.build.unplaced = self.build.unplaced, []
        return taken


def book_extension(config) -> BookExtension | None:
    """The build's BookExtension (the numbering hook adds it), or None without that hook."""
    return next((e for e in config.markdown_extensions if isinstance(e, BookExtension)), None)
