"""Which block of one language is the partner of which block of the other.

`pair_blocks(source, translation)` takes the outlines of a page's two variants
(the default language's first) and returns every block once, in reading order:

    [Pair(id="top/paragraph-1", kind="paragraph", source=Block, translation=Block),
     Pair(id="school-analogy", kind="heading", source=Block, translation=Block),
     Pair(id="school-analogy/table-1", kind="table", source=Block, translation=None),
     ...]

- `source` / `translation` are `outline.Block`s (kind, shape, key, label, line);
  one of them is None when the block exists in one language only.
- With `Recorder(with_text=True)` each block also keeps its rendered `text` (a
  paragraph's, a list's, a table's...), for checks that read both sides of a pair,
  such as a glossary term check.
- `id` is stable while the rest of the page changes: a heading's explicit id,
  or "<id of the section's heading>/<kind>-<n>" (n counts that kind in the
  section, from 1; "top" before the first heading with an id).

The rules (rules.py) report on these pairs; a side-by-side reading view or a
glossary check can walk the same list. `pair_links` does the same for links,
keyed by their target (external ones through the book's same-page prefixes).

Pairing is an alignment: identical blocks pair up as they come; where the two
sequences differ, a global alignment (Needleman-Wunsch) pairs blocks of the
same kind, preferring equal shapes and equal heading ids, so a deleted heading
leaves a gap before the heading that follows it, and two headings whose ids
were swapped stay paired in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from textbook.sources.outline import Block, Link

T = TypeVar("T")
_GAP = -2


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    kind: str
    source: Block | None
    translation: Block | None


@dataclass(frozen=True, slots=True)
class LinkPair:
    key: str  # the normalized target both links share
    source: Link | None
    translation: Link | None


def pair_blocks(
    source: Sequence[Block], translation: Sequence[Block], prefer: dict[int, Block] | None = None
) -> list[Pair]:
    """`prefer`: id(source block) -> the translation block it should pair with where it
    can (a stale page's blocks, through the source as it was reviewed)."""
    if prefer:

        def signature(block: Block) -> int:
            return id(prefer.get(id(block), block))

        def score(a: Block, b: Block) -> int | None:
            value = _score(a, b)
            return value + 10 if value is not None and prefer.get(id(a)) is b else value

        aligned = align(source, translation, signature, score)
    else:
        aligned = align(source, translation, _signature, _score)
    pairs, section, counts = [], "top", {}
    for a, b in aligned:
        block = a or b
        heading_id = (a.key if a else "") or (b.key if b else "")
        if block.kind == "heading" and heading_id:
            section, pair_id, counts = heading_id, heading_id, {}
        else:
            counts[block.kind] = counts.get(block.kind, 0) + 1
            pair_id = f"{section}/{block.kind}-{counts[block.kind]}"
        pairs.append(Pair(pair_id, block.kind, a, b))
    return pairs


def pair_links(
    source: Sequence[Link], translation: Sequence[Link], key: Callable[[Link], str]
) -> list[LinkPair]:
    def score(a: Link, b: Link) -> int | None:
        if key(a) == key(b):
            return 2
        return 1 if a.external == b.external else None

    aligned = align(source, translation, key, score)
    return [LinkPair(key(a or b), a, b) for a, b in aligned]


def align(
    a: Sequence[T],
    b: Sequence[T],
    signature: Callable[[T], object],
    score: Callable[[T, T], int | None],
) -> list[tuple[T | None, T | None]]:
    """Both sequences in order, items paired or alone; equal ends cost nothing."""
    sig_a, sig_b = [signature(x) for x in a], [signature(y) for y in b]
    start = 0
    while start < min(len(a), len(b)) and sig_a[start] == sig_b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and sig_a[end_a - 1] == sig_b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    head = [(a[i], b[i]) for i in range(start)]
    tail = [(a[end_a + i], b[end_b + i]) for i in range(len(a) - end_a)]
    return head + _global(a[start:end_a], b[start:end_b], score) + tail


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _signature(block: Block) -> tuple:
    return (block.kind, block.shape, block.key, block.code.key if block.code else None)


def _score(a: Block, b: Block) -> int | None:
    if a.kind != b.kind:
        return None
    value = 2 if _signature(a) == _signature(b) else 1
    value += a.depth == b.depth  # a paragraph pairs with a paragraph, not one in a box
    if a.kind == "heading":
        if a.key and b.key:
            value += 3 if a.key == b.key else -3
        elif a.key or b.key:
            value -= 1
    return value


def _global(a: Sequence[T], b: Sequence[T], score) -> list[tuple[T | None, T | None]]:
    """Needleman-Wunsch: the best-scoring alignment with a fixed gap cost."""
    n, m = len(a), len(b)
    if not n or not m:
        return [(x, None) for x in a] + [(None, y) for y in b]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0] = i * _GAP
    for j in range(1, m + 1):
        best[0][j] = j * _GAP
    for i in range(1, n + 1):
        row, prev, x = best[i], best[i - 1], a[i - 1]
        for j in range(1, m + 1):
            s = score(x, b[j - 1])
            options = [prev[j] + _GAP, row[j - 1] + _GAP]
            if s is not None:
                options.append(prev[j - 1] + s)
            row[j] = max(options)
    out: list[tuple[T | None, T | None]] = []
    i, j = n, m
    # Backwards, a gap first on ties: blocks pair as early as they can, so a missing
    # block is placed before the block that follows it.
    while i or j:
        if i and (not j or best[i][j] == best[i - 1][j] + _GAP):
            out.append((a[i - 1], None))
            i -= 1
        elif j and (not i or best[i][j] == best[i][j - 1] + _GAP):
            out.append((None, b[j - 1]))
            j -= 1
        else:
            out.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
    out.reverse()
    return out
