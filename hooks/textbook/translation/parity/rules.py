"""Rules that keep the languages of a page parallel: every variant exists, every block paired.

`compare(...)` returns every finding of a page at once: errors stop the build;
a string literal that differs in a code block is a warning (the build logs it,
so `--strict` stops on it too, and `{ .strings-translated }` accepts it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textbook.conventions import page_key, variant_of
from textbook.sources.outline import Block, Link, Outline
from textbook.translation.parity import messages
from textbook.translation.parity.code import compare_code
from textbook.translation.parity.pairing import Pair, pair_blocks, pair_links

# A container missing in one language is reported alone, not with everything in it.
CONTAINERS = {"box", "blockquote", "list", "tabs", "tab", "footnote", "figure"}


@dataclass(frozen=True, slots=True)
class Finding:
    message: str
    warning: bool = False  # milder: a translated string literal
    # What it is about: (source block, translation block) or (source link, translation
    # link), either may be None; a stale page's report tells which the source explains.
    blocks: tuple = ()
    links: tuple = ()


def missing_variants(page, locales: tuple[str, ...]) -> list[str]:
    """One message per language the page lacks (page: sources.pages.BookPage)."""
    present = next(iter(page.variants.values()))
    problems = []
    for locale in locales:
        if locale not in page.variants:
            wanted = _variant_name(present.name, locale, locales)
            problems.append(
                f"{present.name} has no {locale} version: create {wanted} "
                "(a page missing in one language is never filled in from another)."
            )
    return problems


def compare(
    source,
    translation,
    a: Outline,
    b: Outline,
    *,
    locales: tuple[str, ...],
    same_page: list[list[str]],
    pairs: list[Pair] | None = None,
    strings_translated: bool = False,
) -> list[Finding]:
    """Every difference between a page's source and its translation (sources.pages.Source);
    `pairs`, when given, are paired_blocks(a, b), made once for every check that reads them."""
    src, tr = source.name, translation.name
    end = len(translation.text.splitlines())
    end_src = len(source.text.splitlines())
    findings = []
    pairs = pairs if pairs is not None else paired_blocks(a, b, locales)
    moved = _moved(pairs)
    hidden = {"source": None, "translation": None}  # inside a container reported alone
    tabs_differ = None  # the depth of a set of tabs that differs: its tabs cannot pair
    for index, pair in enumerate(pairs):
        x, y = pair.source, pair.translation
        if _hidden(hidden, "source", x, y) or _hidden(hidden, "translation", y, x):
            continue
        if tabs_differ is not None and (x or y).depth > tabs_differ:
            continue
        tabs_differ = None
        if id(pair) in moved:
            partner = moved[id(pair)]
            if y is not None:  # reported once, where it stands in the translation
                after = _next(pairs, pairs.index(partner), "translation")
                line = after.line if after else end
                message = messages.moved(tr, y, src, partner.source, line, after)
                findings.append(Finding(message, blocks=(partner.source, y)))
        elif y is None:
            after = _next(pairs, index, "translation")
            line = after.line if after else end
            findings.append(Finding(messages.missing(tr, line, x, src, after), blocks=(x, None)))
        elif x is None:
            after = _next(pairs, index, "source")
            message = messages.extra(tr, y, src, after.line if after else end_src)
            findings.append(Finding(message, blocks=(None, y)))
        else:
            found = _compare_pair(pair, src, tr, strings_translated)
            if found and x.kind == "tabs":
                tabs_differ = x.depth
            findings += [Finding(f.message, f.warning, blocks=(x, y)) for f in found]
    findings += _compare_links(a.links, b.links, src, tr, pairs, locales, same_page)
    return findings


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _variant_name(name: str, locale: str, locales: tuple[str, ...]) -> str:
    return variant_of(page_key(name, locales)[0], locale)


def paired_blocks(
    a: Outline, b: Outline, locales: tuple[str, ...], prefer: dict | None = None
) -> list[Pair]:
    """The pairing the checks compare: every block but a language's own image variant."""
    return pair_blocks(_comparable(a.blocks, locales), _comparable(b.blocks, locales), prefer)


def _comparable(blocks: list[Block], locales) -> list[Block]:
    """Blocks with a localized image's name read as the shared one's (x.en.svg is x.svg)."""
    suffix = re.compile(r"\.(?:" + "|".join(map(re.escape, locales)) + r")(\.\w+)$")
    for block in blocks:
        if block.kind == "image" and suffix.search(block.key):
            block.key = suffix.sub(r"\1", block.key)
    return blocks


def _moved(pairs: list[Pair]) -> dict[int, Pair]:
    """Blocks with a key (a heading id, a quiz, an image) missing here and extra there."""
    lone = {}
    for pair in pairs:
        block = pair.source or pair.translation
        if block.key and (pair.source is None or pair.translation is None):
            lone.setdefault((block.kind, block.key, pair.source is None), pair)
    moved = {}
    for (kind, key, extra), pair in lone.items():
        partner = lone.get((kind, key, not extra))
        if extra and partner is not None:
            moved[id(pair)], moved[id(partner)] = partner, pair
    return moved


def _hidden(hidden: dict, side: str, block: Block | None, other: Block | None) -> bool:
    """True for a block inside a container that is itself missing on the other side."""
    depth = hidden[side]
    if block is not None and depth is not None and block.depth <= depth:
        hidden[side] = depth = None
    if block is None or other is not None:
        return False
    if depth is not None:
        return True
    if block.kind in CONTAINERS:
        hidden[side] = block.depth
    return False


def _next(pairs: list[Pair], index: int, side: str) -> Block | None:
    """The next block on one side: where a missing block goes, or would go."""
    for pair in pairs[index + 1 :]:
        block = getattr(pair, side)
        if block is not None:
            return block
    return None


def _compare_pair(pair: Pair, src: str, tr: str, strings_translated: bool) -> list[Finding]:
    a, b = pair.source, pair.translation
    if a.kind == "heading":
        out = []
        if a.shape != b.shape:
            out.append(Finding(messages.heading_level(tr, b, src, a)))
        if a.key != b.key:
            out.append(Finding(messages.heading_id(tr, b, src, a)))
        return out
    if a.kind == "code":
        difference = compare_code(a.code, b.code, strings_translated=strings_translated)
        if difference is None:
            return []
        if difference.strings_only:
            text = messages.strings(tr, b, difference.translation, src, a, difference.source)
            return [Finding(text, warning=True)]
        return [Finding(messages.code(tr, b, difference.translation, src, a, difference.source))]
    if a.kind == "tabs":
        return [] if _same_tabs(a, b) else [Finding(messages.shape(tr, b, src, a))]
    if a.kind == "quiz" and a.key != b.key:
        return [
            Finding(
                f"{tr}:{b.line}: the page shows the quiz '{b.key}' where {src}:{a.line} "
                f"shows '{a.key}'."
            )
        ]
    if (a.shape, a.key) != (b.shape, b.key):
        return [Finding(messages.shape(tr, b, src, a))]
    return []


def _same_tabs(a: Block, b: Block) -> bool:
    """Same number of tabs; a label in Latin letters (PyTorch, C++) is the same in both."""
    labels_a, labels_b = a.label.split("\x1f"), b.label.split("\x1f")
    if len(labels_a) != len(labels_b):
        return False
    return all(x == y for x, y in zip(labels_a, labels_b, strict=True) if x.isascii())


def _compare_links(a, b, src, tr, blocks: list[Pair], locales, same_page) -> list[Finding]:
    key = _link_key(locales, same_page)
    findings = []
    for pair in pair_links(a, b, key):
        x, y = pair.source, pair.translation
        if y is None:
            line = _partner_line(blocks, x.line)
            message = messages.link_missing(tr, line, x.href, src, x.line, x.external)
            findings.append(Finding(message, links=(x, None)))
        elif x is None:
            findings.append(Finding(messages.link_extra(tr, y.line, y.href, src), links=(None, y)))
        elif key(x) != key(y):
            message = messages.link_target(tr, y.line, y.href, src, x.line, x.href)
            findings.append(Finding(message, links=(x, y)))
    return findings


def _partner_line(pairs: list[Pair], line: int) -> int:
    """Where a line of the source is in the translation: its block's partner's line."""
    partner = 1
    for pair in pairs:
        if pair.source is not None and pair.source.line > line:
            break
        if pair.translation is not None:
            partner = pair.translation.line
    return partner


def _link_key(locales, same_page: list[list[str]]):
    suffix = re.compile(r"\.(?:" + "|".join(map(re.escape, locales)) + r")\.md(?=$|#)")

    def key(link: Link) -> str:
        if not link.external:
            return suffix.sub(".md", link.href)
        for group in same_page:
            if any(link.href.startswith(prefix) for prefix in group):
                return group[0] + "…"
        return link.href

    return key
