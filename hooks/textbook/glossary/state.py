"""What the glossary learns in one language's build (textbook/build_state.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textbook.glossary.mark import PageTerms


@dataclass
class GlossaryLanguage:
    """Made in each language's on_config: every field is that language's."""

    # The build's own Jinja environment (the tips and the uses are its partials).
    env: object | None = None
    # Pages (src_uri) with marked terms: their tips, and they load glossary.js.
    pages: dict[str, PageTerms] = field(default_factory=dict)
    # Where each term is used: term id -> [(page, section)], in render order.
    uses: dict[str, list[tuple]] = field(default_factory=dict)
    # Reading order of the pages (src_uri -> position in the nav).
    order: dict[str, int] = field(default_factory=dict)

    def collect(self, src_uri: str, page, terms: PageTerms | None) -> None:
        """The terms a page marked: its tips, and the glossary's list of where each is used."""
        if terms is None or not terms.marked:
            return
        self.pages[src_uri] = terms
        for term_id, section in terms.uses:
            self.uses.setdefault(term_id, []).append((page, section))

    def uses_by_term(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Where each term is used, (page, section id), as a value with a stable repr: under
        `mkdocs serve` the glossary page is rendered again when it changes."""
        uses = {term: [(p.file.src_uri, s.id) for p, s in at] for term, at in self.uses.items()}
        return sorted(uses.items())
