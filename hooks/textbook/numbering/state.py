"""What numbering learns in one language's build (textbook/build_state.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textbook.numbering.book_numbers import LanguageNumbers
from textbook.numbering.collect import PageRecord

if TYPE_CHECKING:  # extension.py imports this module
    from textbook.numbering.extension import PageContext


@dataclass
class NumberingLanguage:
    """Made in each language's on_files (static-i18n has chosen its files by then)."""

    # Each rendered page's numbered items, ids and references, by src_uri.
    records: dict[str, PageRecord] = field(default_factory=dict)
    # Problems found while rendering (math, figures, ids), reported once the language is.
    problems: list[str] = field(default_factory=list)
    # Math problems of texts rendered outside a page (a quiz's): (the TeX, the message).
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    # Chapter numbers by src_uri, from this language's nav.
    chapters: dict[str, int] = field(default_factory=dict)
    # The language's numbers once its pages are rendered, for texts rendered after (quizzes).
    numbers: LanguageNumbers | None = None
    # The page being rendered; None between pages (a quiz's text is no page's).
    page: PageContext | None = None

    def restore(self, src_uri: str, record: PageRecord | None) -> None:
        """A page whose render `mkdocs serve` reuses keeps its record (serve/mode.py)."""
        if record is not None:
            self.records[src_uri] = record
