"""Rules that keep the languages of a page parallel: every variant exists, same structure.

Messages name the two files, the counts, and the first place they diverge, e.g.
"docs/chapters/x.en.md has 4 second-level headings where docs/chapters/x.zh.md
has 5; the first difference is after 'Why SFT is not enough'."
"""

from __future__ import annotations

from book_pages import BookPage, Source
from page_outline import TRANSLATED_MARK, Element

_LEVELS = ["first", "second", "third", "fourth", "fifth", "sixth"]
_SIMPLE = {
    "table": ("table", "tables"),
    "code": ("code block", "code blocks"),
    "image": ("image", "images"),
    "math": ("math block", "math blocks"),
    "quiz": ("quiz", "quizzes"),
    "link": ("internal link", "internal links"),
}


def missing_variants(page: BookPage, locales: tuple[str, ...]) -> list[str]:
    """One message per language the page lacks."""
    present = next(iter(page.variants.values()))
    problems = []
    for locale in locales:
        if locale not in page.variants:
            wanted = _variant_name(present, locale, locales)
            problems.append(
                f"{present.name} has no {locale} version: create {wanted} "
                "(a page missing in one language is never filled in from another)."
            )
    return problems


def compare(source: Source, translation: Source) -> list[str]:
    """Every structural difference between a page's source and its translation."""
    a, b = source.outline, translation.outline
    problems = _compare_headings(source, translation)
    if problems:
        return problems  # other places are named by heading: fix these first
    for kind in _kinds(a, b):
        problems += _compare_kind(kind, source, translation)
    return problems


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _variant_name(present: Source, locale: str, locales: tuple[str, ...]) -> str:
    name = present.name
    for other in locales:
        if name.endswith(f".{other}.md"):
            return name[: -len(f".{other}.md")] + f".{locale}.md"
    return name[: -len(".md")] + f".{locale}.md"


def _describe(kind: str, count: int) -> str:
    if kind.startswith("h"):
        plural = "heading" if count == 1 else "headings"
        return f"{count} {_LEVELS[int(kind[1]) - 1]}-level {plural}"
    if kind.startswith("admonition:"):
        boxes = "box" if count == 1 else "boxes"
        return f"{count} '{kind.split(':', 1)[1]}' {boxes}"
    singular, plural = _SIMPLE[kind]
    return f"{count} {singular if count == 1 else plural}"


def _singular(kind: str) -> str:
    if kind.startswith("admonition:"):
        return f"'{kind.split(':', 1)[1]}' box"
    return _SIMPLE[kind][0]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _headings(outline: list[Element]) -> list[Element]:
    return [e for e in outline if e.kind[0] == "h" and e.kind[1:].isdigit()]


def _after(headings: list[Element], index: int) -> str:
    """'after 'Heading'' for the place just past headings[index - 1]."""
    return f"after '{headings[index - 1].label}'" if index > 0 else "at the start of the page"


def _compare_headings(source: Source, translation: Source) -> list[str]:
    ha, hb = _headings(source.outline), _headings(translation.outline)
    levels_a, levels_b = [h.kind for h in ha], [h.kind for h in hb]
    # Explicit ids are the same in both languages, so they show where a heading went.
    marks_a, marks_b = [(h.kind, h.key) for h in ha], [(h.kind, h.key) for h in hb]
    if marks_a == marks_b or (levels_a == levels_b and not all(h.key for h in ha + hb)):
        return []
    first = next(
        (i for i, (x, y) in enumerate(zip(marks_a, marks_b, strict=False)) if x != y),
        min(len(ha), len(hb)),
    )
    problems = []
    for kind in dict.fromkeys(levels_a + levels_b):
        count_a, count_b = levels_a.count(kind), levels_b.count(kind)
        if count_a != count_b:
            problems.append(
                f"{translation.name} has {_describe(kind, count_b)} where {source.name} has "
                f"{count_a}; the first difference is {_after(hb, first)}."
            )
    if not problems:
        a, b = ha[first], hb[first]
        problems.append(
            f"{translation.name}:{b.line}: the headings differ from {source.name}:{a.line}: "
            f"'{b.label}' is {_heading_label(b)} where {source.name} has '{a.label}', "
            f"{_heading_label(a)}; the first difference is {_after(hb, first)}."
        )
    return problems


def _heading_label(h: Element) -> str:
    level = f"a {_LEVELS[int(h.kind[1]) - 1]}-level heading"
    return f"{level} with the id '{h.key}'" if h.key else level


def _kinds(a: list[Element], b: list[Element]) -> list[str]:
    kinds = [e.kind for e in a + b if not (e.kind[0] == "h" and e.kind[1:].isdigit())]
    return list(dict.fromkeys(kinds))


def _sections(outline: list[Element], kind: str) -> list[tuple[int, Element]]:
    """Each element of a kind with the number of headings before it."""
    out, seen = [], 0
    for element in outline:
        if element.kind[0] == "h" and element.kind[1:].isdigit():
            seen += 1
        elif element.kind == kind:
            out.append((seen, element))
    return out


def _compare_kind(kind: str, source: Source, translation: Source) -> list[str]:
    a, b = _sections(source.outline, kind), _sections(translation.outline, kind)
    ha, hb = _headings(source.outline), _headings(translation.outline)
    if len(a) != len(b):
        first = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x[0] != y[0]),
            min(len(a), len(b)),
        )
        section = min(side[first][0] for side in (a, b) if first < len(side))
        return [
            f"{translation.name} has {_describe(kind, len(b))} where {source.name} has "
            f"{len(a)}; the first difference is {_after(hb, section)}."
        ]
    for n, ((sa, ea), (sb, eb)) in enumerate(zip(a, b, strict=True), 1):
        what = f"the {_ordinal(n)} {_singular(kind)}"
        if sa != sb:
            return [
                f"{translation.name}:{eb.line}: {what} is {_after(hb, sb)} where "
                f"{source.name}:{ea.line} has it {_after(ha, sa)}; put it in the same place."
            ]
        if ea.key != eb.key:
            return [_key_mismatch(kind, what, source, ea, translation, eb)]
    return []


def _key_mismatch(kind, what, source, ea, translation, eb) -> str:
    here, there = f"{translation.name}:{eb.line}", f"{source.name}:{ea.line}"
    if kind == "code":
        return (
            f"{here}: {what} differs from the one at {there}. Code is the same in every "
            f"language; mark a block to translate with {{ {TRANSLATED_MARK} }} on both fences."
        )
    if kind == "link":
        return (
            f"{here}: {what} points to '{eb.key}' where {there} points to '{ea.key}'; "
            "a link goes to the same page in every language."
        )
    if kind == "quiz":
        return f"{here}: the page shows the quiz '{eb.key}' where {there} shows '{ea.key}'."
    return f"{here}: {what} is '{eb.key}' where {there} has '{ea.key}'."
