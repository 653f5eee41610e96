"""What changed in a page's source since its translation was reviewed, block by block.

Three outlines of one page: the source as it was reviewed (`old`), the source
now (`new`) and the translation. Two pairings, both from `pairing.align`:

- old to new, in one language: blocks whose text (the Markdown they are written
  in, spaces collapsed) is equal pair as difflib's SequenceMatcher finds them;
  between those runs, blocks of one kind pair by how much text they keep, in
  order, so a reworded paragraph is "changed", a new one "added", and of two
  merged paragraphs one is "changed" and the other "removed";
- old to translation, then new to translation, across languages: the parity
  pairing the build checks with (`rules.paired_blocks`), told to pair each block
  with the partner of its reviewed version where it can. The rules and the
  glossary check read the same pairs (`Report.pairs`).

    diff = diff_source(old, (old_body, first_line), new, (new_body, first_line))
    report = against(diff, old, new, translation, locales)
    report.changes  # [Change("changed", block, old, partner), Change("added", ...)]
    report.explains(finding)  # a parity finding that is the source's own change

A block inside a container that was added or removed is not listed on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from textbook.sources.lines import OWNS_LINE
from textbook.sources.outline import Block, Outline
from textbook.translation.parity.code import compare_code
from textbook.translation.parity.pairing import Pair, align
from textbook.translation.parity.rules import CONTAINERS, Finding, paired_blocks

_SPACES = re.compile(r"\s+")
_RULE = re.compile(r"-{3,}")  # a table's |---|----| row realigned is the same row


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # changed, added, removed
    block: Block  # the source block now (changed, added) or as reviewed (removed)
    old: Block | None = None  # a changed block as it was reviewed
    partner: Block | None = None  # the translation's block to update or delete
    after: Block | None = None  # added: the translation block its translation follows
    old_text: str = ""
    new_text: str = ""
    section: Block | None = None  # the source heading the change is under, now


@dataclass
class SourceDiff:
    """Old and new source blocks paired (either may be None), in reading order."""

    pairs: list[tuple[Block | None, Block | None]]
    old_texts: dict[int, str]  # id(block) -> its Markdown
    new_texts: dict[int, str]

    def changed(self, old: Block, new: Block) -> bool:
        return _key(old, self.old_texts) != _key(new, self.new_texts)


@dataclass
class Report:
    changes: list[Change] = field(default_factory=list)
    # Blocks the changes account for: new source blocks changed or added, translation
    # blocks whose reviewed partner changed or was removed; and links.
    new_touched: set[int] = field(default_factory=set)
    translation_touched: set[int] = field(default_factory=set)
    old_partner: dict[int, Block] = field(default_factory=dict)  # id(new) -> old
    old_hrefs: set[str] = field(default_factory=set)
    new_hrefs: set[str] = field(default_factory=set)
    translation: Outline | None = None
    pairs: list[Pair] = field(default_factory=list)  # today's source with the translation

    def settled(self) -> list[Pair]:
        """The pairs no change touches: both sides still say the same (a term check)."""
        return [
            p
            for p in self.pairs
            if p.source is not None
            and p.translation is not None
            and id(p.source) not in self.new_touched
            and id(p.translation) not in self.translation_touched
        ]

    def count(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.changes)

    def explains(self, finding: Finding) -> bool:
        """True when a parity finding is the source's own change since the review."""
        if finding.links:
            source, translation = finding.links
            if source is not None:  # missing in the translation, or another target
                return source.href not in self.old_hrefs
            return bool(self.old_hrefs - self.new_hrefs)
        source, translation = finding.blocks or (None, None)
        if source is not None and translation is not None and id(source) in self.new_touched:
            old = self.old_partner.get(id(source))
            return old is None or _same_shape(old, translation)
        if source is not None and id(source) in self.new_touched:
            return True
        return translation is not None and id(translation) in self.translation_touched


def block_texts(outline: Outline, body: str, first_line: int) -> dict[int, str]:
    """Each block's Markdown: from its line to the next line where any block starts (a
    footnote's definition may sit anywhere; located outlines)."""
    lines = body.split("\n")
    starts = sorted({block.line for block in outline.blocks if block.kind in OWNS_LINE})
    texts = {}
    for block in outline.blocks:
        if block.kind not in OWNS_LINE:
            texts[id(block)] = f"{block.key}\x1f{block.label}"
            continue
        later = bisect_right(starts, block.line)
        end = starts[later] - first_line if later < len(starts) else len(lines)
        own = lines[block.line - first_line : end]
        if block.kind in ("paragraph", "heading") and "" in own:
            own = own[: own.index("")]  # a paragraph ends at a blank line (raw HTML may follow)
        texts[id(block)] = "\n".join(own).strip()
    return texts


def diff_source(old: Outline, old_body: tuple[str, int], new: Outline, new_body) -> SourceDiff:
    """Pair the reviewed source's blocks with today's: `*_body` is (body, first line)."""
    old_texts = block_texts(old, *old_body)
    new_texts = block_texts(new, *new_body)
    a = [_key(b, old_texts) for b in old.blocks]
    b = [_key(b, new_texts) for b in new.blocks]
    pairs: list[tuple[Block | None, Block | None]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += zip(old.blocks[i1:i2], new.blocks[j1:j2], strict=True)
            continue

        one_each = i2 - i1 == 1 and j2 - j1 == 1  # a block edited in place

        def score(x: Block, y: Block, one_each: bool = one_each) -> int | None:
            if x.kind != y.kind:
                return None
            kept = _kept(old_texts[id(x)], new_texts[id(y)])
            if kept < 0.5 and not one_each:
                return None  # too little in common: one removed, the other added
            return round(kept * 10) - 4 + (x.depth == y.depth)

        # Unequal blocks only: by similarity, not by position (signatures never match).
        pairs += align(old.blocks[i1:i2], new.blocks[j1:j2], id, score)
    return SourceDiff(pairs, old_texts, new_texts)


def against(
    diff: SourceDiff, old: Outline, new: Outline, translation: Outline, locales: tuple[str, ...]
) -> Report:
    """The changes, each with its partner in the translation (parity's pairing)."""
    to_old = {
        id(p.source): p.translation
        for p in paired_blocks(old, translation, locales)
        if p.source and p.translation
    }
    # Today's blocks pair with the translation through the version it was reviewed against.
    prefer = {
        id(now): to_old[id(before)]
        for before, now in diff.pairs
        if before is not None and now is not None and id(before) in to_old
    }
    pairs = paired_blocks(new, translation, locales, prefer)
    to_new = {id(p.source): p.translation for p in pairs if p.source}
    report = Report(translation=translation, pairs=pairs)
    report.old_hrefs = {link.href for link in old.links}
    report.new_hrefs = {link.href for link in new.links}
    hidden: int | None = None  # the depth of an added or removed container
    section: Block | None = None
    last_partner: Block | None = None  # the translation block the next addition follows
    for before, now in diff.pairs:
        block = now or before
        if hidden is not None and block.depth > hidden:
            _touch(report, before, now, to_old)
            # Inside an added or removed container: its text is part of the container's.
            last = report.changes[-1]
            if now is not None and last.kind == "added":
                text = f"{last.new_text}\n{diff.new_texts[id(now)]}"
                report.changes[-1] = replace(last, new_text=text)
            elif before is not None and now is None and last.kind == "removed":
                text = f"{last.old_text}\n{diff.old_texts[id(before)]}"
                report.changes[-1] = replace(last, old_text=text)
            continue
        hidden = None
        if now is not None and now.kind == "heading":
            section = now
        if before is not None and now is not None:
            report.old_partner[id(now)] = before
            partner = to_new.get(id(now)) or to_old.get(id(before))
            if diff.changed(before, now):
                _touch(report, before, now, to_old)
                report.changes.append(
                    Change(
                        "changed",
                        now,
                        old=before,
                        partner=partner,
                        old_text=diff.old_texts[id(before)],
                        new_text=diff.new_texts[id(now)],
                        section=section,
                    )
                )
            last_partner = partner or last_partner
        elif now is not None:
            _touch(report, None, now, to_old)
            report.changes.append(
                Change(
                    "added",
                    now,
                    after=last_partner,
                    new_text=diff.new_texts[id(now)],
                    section=section,
                )
            )
            hidden = now.depth if now.kind in CONTAINERS else None
        else:
            _touch(report, before, None, to_old)
            partner = to_old.get(id(before))
            report.changes.append(
                Change(
                    "removed",
                    before,
                    partner=partner,
                    old_text=diff.old_texts[id(before)],
                    section=section,
                )
            )
            last_partner = partner or last_partner
            hidden = before.depth if before.kind in CONTAINERS else None
    return report


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def normalized(text: str) -> str:
    return _RULE.sub("---", _SPACES.sub(" ", text)).strip()


def _kept(a: str, b: str) -> float:
    """How much of the shorter text the other keeps: a merged paragraph keeps all of each
    of its parts, a new paragraph next to an old one little of it."""
    if not a or not b:
        return 0.0
    same = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return same / min(len(a), len(b))


def _key(block: Block, texts: dict[int, str]) -> tuple:
    return (block.kind, block.shape, block.key, normalized(texts[id(block)]))


def _touch(report: Report, before: Block | None, now: Block | None, to_old: dict) -> None:
    if now is not None:
        report.new_touched.add(id(now))
    if before is not None and (partner := to_old.get(id(before))) is not None:
        report.translation_touched.add(id(partner))


def _same_shape(old: Block, translation: Block) -> bool:
    """The translation still has the block as it was reviewed (so the difference is new)."""
    if (old.kind, old.shape, old.key) != (translation.kind, translation.shape, translation.key):
        return old.kind == "tabs" and translation.kind == "tabs"
    if old.kind == "code" and old.code and translation.code:
        difference = compare_code(old.code, translation.code)
        return difference is None or difference.strings_only
    return True
