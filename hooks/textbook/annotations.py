"""Formulas' TeX annotations, held out of the search index and put back into the page.

The search plugin indexes a page's text, MathML included: with its annotation
every formula would be indexed twice ("3a=9" and "3a = 9") and show up as TeX in
result snippets. The annotations are emptied before indexing and filled again in
the written page, in order.
"""

from __future__ import annotations

import re

_ANNOTATION = re.compile(r'(<annotation encoding="application/x-tex">)(.*?)(</annotation>)', re.S)


def hold_annotations(html: str) -> tuple[str, list[str]]:
    """The HTML with empty annotations, and their texts in order."""
    texts: list[str] = []

    def keep(match: re.Match) -> str:
        texts.append(match.group(2))
        return match.group(1) + match.group(3)

    return _ANNOTATION.sub(keep, html), texts


def restore_annotations(html: str, texts: list[str]) -> str:
    """Fill the emptied annotations again, in the order they were held."""
    remaining = iter(texts)
    return _ANNOTATION.sub(lambda m: m.group(1) + next(remaining, "") + m.group(3), html)
