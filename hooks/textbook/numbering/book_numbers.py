"""Book-wide numbers (图 1-2 / Figure 1-2) and the text of every cross-reference.

A number is the chapter's place in the nav and the item's place in its chapter,
counted per kind, so numbers follow the book whenever an item is added, moved or
removed. Only pages under `chapters/` are chapters; other pages number plainly.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from urllib.parse import unquote, urlsplit

from textbook.conventions import CHAPTERS
from textbook.numbering.collect import NUMBER_MARK, REF_MARK, PageRecord

_MARK = re.compile(
    "<!--(" + NUMBER_MARK.format(r"(\d+)") + "|" + REF_MARK.format(r"(\d+)") + ")-->"
)


# An empty link, as Markdown renders `[](#fig-x)` in such a text.
_EMPTY_LINK = re.compile(r'<a href="([^"]*)"></a>')


@dataclass
class LanguageNumbers:
    """The numbers of the language whose pages are rendered, for texts rendered after them
    (a quiz's questions and explanations)."""

    records: dict[str, PageRecord]
    numbers: dict[str, list[str]]  # src_uri -> each numbered item's number, in page order
    labels: dict  # "ref" -> kind -> the label with {number}, in this language
    paths: dict[str, str]  # a file's path in docs -> its src_uri, as links name it

    def fill_links(self, html: str, src_uri: str) -> tuple[str, list[str]]:
        """Cross-references in HTML rendered after the pages, given the text they have in
        the chapter (图 1-2 / Figure 1-2); returns the hrefs that point nowhere."""
        if "></a>" not in html:
            return html, []
        unknown: list[str] = []

        def replace(match: re.Match) -> str:
            href = match.group(1)
            text = self._reference_text(href, src_uri)
            if text is None:
                parts = urlsplit(href)
                if not (parts.scheme or parts.netloc) and parts.fragment:
                    unknown.append(href)
                return match.group(0)
            return f'<a class="book-ref" href="{href}">{escape(text, quote=False)}</a>'

        return _EMPTY_LINK.sub(replace, html), unknown

    def _reference_text(self, href: str, src_uri: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.fragment:
            return None
        target = src_uri
        if parts.path:
            path = posixpath.join(posixpath.dirname(src_uri), unquote(parts.path))
            target = self.paths.get(posixpath.normpath(path), posixpath.normpath(path))
        record = self.records.get(target)
        if record is None or not _known(record, parts.fragment):
            return None
        labels = self.labels["ref"]
        for index, item in enumerate(record.items):
            if item.id == parts.fragment:
                return labels[item.kind].format(number=self.numbers[target][index])
        if parts.fragment in record.questions:
            return labels["question"].format(number=record.questions[parts.fragment])
        return record.headings[parts.fragment]


def chapter_numbers(nav_src_uris: list[str]) -> dict[str, int]:
    """{src_uri: chapter number} for the chapters, in nav order."""
    chapters = [uri for uri in nav_src_uris if uri.startswith(CHAPTERS)]
    return {uri: n for n, uri in enumerate(chapters, 1)}


def item_numbers(record: PageRecord, chapter: int | None) -> list[str]:
    """'1-2' (or '2' outside chapters) for each numbered item of a page, in order."""
    seen: Counter[str] = Counter()
    numbers = []
    for item in record.items:
        seen[item.kind] += 1
        numbers.append(f"{chapter}-{seen[item.kind]}" if chapter else str(seen[item.kind]))
    return numbers


def check_references(records: dict[str, PageRecord]) -> list[str]:
    """A message for every reference to an id that is not a numbered item or a heading."""
    problems = []
    for record in records.values():
        for ref in record.refs:
            target = records.get(ref.page or record.src_uri)
            if target is None:
                problems.append(
                    f"{record.name}:{ref.line}: the reference [](#{ref.id}) in '{ref.href}' "
                    f"points to '{ref.page}', which is not a page of the book."
                )
            elif not _known(target, ref.id):
                page = "this page" if target is record else target.name
                known = ", ".join(i.id for i in target.items if i.id) or "none"
                problems.append(
                    f"{record.name}:{ref.line}: the reference [](#{ref.id}) points to no "
                    f"figure, table, equation, section or quiz question: {page} has no id "
                    f"'{ref.id}'. "
                    f"Ids of its figures, tables and equations: {known}."
                )
    return problems


def fill(
    html: str,
    record: PageRecord,
    records: dict[str, PageRecord],
    numbers: dict[str, list[str]],
    labels: dict[str, dict[str, str]],
) -> str:
    """The page's HTML with numbers in captions and texts in references.

    `labels["caption"]` and `labels["ref"]` map a kind to its text in the page's
    language: "图 {number}" in a caption and a reference, "({number})" beside an
    equation and "式 ({number})" in a reference to it.
    """

    def replace(match: re.Match) -> str:
        if match.group(2) is not None:
            index = int(match.group(2))
            kind = record.items[index].kind
            return labels["caption"][kind].format(number=numbers[record.src_uri][index])
        ref = record.refs[int(match.group(3))]
        target = records[ref.page or record.src_uri]
        for index, item in enumerate(target.items):
            if item.id == ref.id:
                return labels["ref"][item.kind].format(number=numbers[target.src_uri][index])
        if ref.id in target.questions:
            return labels["ref"]["question"].format(number=target.questions[ref.id])
        return target.headings[ref.id]

    return _MARK.sub(replace, html)


def _known(record: PageRecord, element_id: str) -> bool:
    return (
        element_id in record.headings
        or element_id in record.questions
        or any(i.id == element_id for i in record.items)
    )
