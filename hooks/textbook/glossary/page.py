"""The glossary page of one language: every term, sorted as its readers expect.

Chinese readers look terms up by pinyin, English readers alphabetically. The
page is Markdown (a definition list), so each entry's id is an anchor MkDocs
knows and validates; where each term is used is filled in after every page of
the language has been rendered.
"""

from __future__ import annotations

import html

from textbook.glossary.load import Glossary, Term

GLOSSARY_PAGE = "glossary.md"  # its key: glossary.en.md is its English variant
DIRECTIVE = "{{ glossary() }}"
USES_MARKER = "<!-- glossary-uses:{} -->"


def sort_key(term: Term, lang: str) -> tuple:
    """Pinyin (tone numbers break ties) for Chinese, case-folded letters otherwise."""
    name = term.name(lang)
    if lang == "zh":
        # Imported here: loading its dictionaries costs 0.19 s, which `status` never needs.
        from pypinyin import Style, lazy_pinyin

        syllables = lazy_pinyin(name, style=Style.TONE3)
        return ("".join(s.rstrip("12345") for s in syllables).casefold(), syllables, name)
    return (name.casefold(), name)


def with_glossary(
    markdown: str, glossary: Glossary, lang: str, locales: tuple[str, ...]
) -> str | None:
    """The glossary page's Markdown with its entries in place of the directive; None when
    the page has no directive."""
    if DIRECTIVE not in markdown:
        return None
    others = tuple(code for code in locales if code != lang)
    return markdown.replace(DIRECTIVE, glossary_markdown(glossary, lang, others))


def glossary_markdown(glossary: Glossary, lang: str, others: tuple[str, ...]) -> str:
    """A definition list of every term: its name, its other-language forms, its definition."""
    entries = []
    for term in sorted(glossary.terms, key=lambda t: sort_key(t, lang)):
        other = " · ".join(f'<span lang="{o}">{html.escape(term.name(o))}</span>' for o in others)
        entries.append(
            f"{term.name(lang)} {{#term-{term.id}}}\n"
            f":   {other}\n\n"
            f"    {term.definition[lang]}\n\n"
            f"    {USES_MARKER.format(term.id)}\n"
        )
    # Low search weight: a query for a term finds the chapters that discuss it first.
    return (
        '<div class="glossary" data-pagefind-weight="0.1" markdown>\n\n'
        + "\n".join(entries)
        + "\n</div>\n"
    )
