"""Does each pair of partner blocks use the same glossary terms in both languages?

A paragraph that uses a term in one language while its partner in the other
language uses none of that term's forms has translated it inconsistently (or
swapped it with another term). Each finding names both files and lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textbook.glossary.load import Glossary
from textbook.glossary.mark import TermMatcher


@dataclass(frozen=True)
class Side:
    """One language's side of a pair of partner blocks."""

    lang: str
    text: str
    where: str  # "docs/chapters/x.en.md:12"


def check_terms(pairs: Iterable[tuple[Side, Side]], glossary: Glossary) -> list[str]:
    """One message per term used on one side of a pair and missing from the other."""
    matchers: dict[str, TermMatcher] = {}
    problems = []
    for a, b in pairs:
        used = []
        for side in (a, b):
            matcher = matchers.setdefault(side.lang, TermMatcher(glossary, side.lang))
            used.append({term.id: term for _, _, term in matcher.find(side.text)})
        for here, there, terms_here, terms_there in ((a, b, *used), (b, a, *reversed(used))):
            for term_id, term in terms_here.items():
                if term_id not in terms_there:
                    problems.append(
                        f"{there.where}: this block does not use "
                        f"'{term.name(there.lang)}' (or a variant) where its partner "
                        f"{here.where} uses '{term.name(here.lang)}'. Translate the term "
                        f"consistently ({glossary.name}:{term.line})."
                    )
    return problems
