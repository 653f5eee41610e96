"""Marks on a stale translation's blocks, put into the page while it renders.

A Python-Markdown extension whose treeprocessor runs right after the parity
recorder (sources/outline.py), with the blocks it just recorded and the element
each came from:

- on the source page whose translation is stale, it pairs the source as it was
  reviewed with the source now (parity.since) and keeps the HTML of each block
  added since, as the reader gets it;
- on the translation, it pairs those blocks with the translation's and marks the
  partner of each changed or removed block (`stale-block`, with a text for screen
  readers), and shows each added block in the source language, with its `lang`
  and a visible "not yet translated" mark.

The marks' markup is `overrides/partials/stale-mark.html`, their words are in
`hooks/ui_strings.yml`. Both happen at build time: the page needs no JavaScript.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from textbook.sources.outline import PRIORITY, Block, Outline
from textbook.translation.stale.since import Report, SourceDiff

# Right after the recorder: the tree is the one it read, elements and all.
MARK_PRIORITY = PRIORITY - 0.1
# Elements a mark goes into as their first child; any other block is wrapped in a <div>.
_INLINE_HOSTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"}

Job = Callable[[etree.Element, Markdown, Outline, list], None]


@dataclass
class Prepared:
    """A source page's side of the report, made while the source renders."""

    old: Outline
    new: Outline
    diff: SourceDiff
    added_html: dict[int, str] = field(default_factory=dict)  # id(new block) -> its HTML
    stamp: tuple = ()  # the reviewed blob and the source's hash it was made for


class StaleMarks(Extension):
    """Runs `job(root, md, outline, elements)` once, on the next conversion, if one is set."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.job: Job | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(_Marker(md, self), "stale_marks", MARK_PRIORITY)


class _Marker(Treeprocessor):
    def __init__(self, md: Markdown, extension: StaleMarks):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        job, self.extension.job = self.extension.job, None
        if job is None:
            return
        # The recorder of this Markdown instance: the build's, or the CLI's own (store.py).
        recorder = self.md.treeprocessors["parity_outline"].recorder
        outline, elements = recorder.last, recorder.elements
        recorder.elements = []
        if outline is not None:
            job(root, self.md, outline, elements)


def added_html(
    md: Markdown, outline: Outline, elements: list, blocks: list[Block]
) -> dict[int, str]:
    """The HTML of some blocks of the page being rendered: ids and permalinks dropped (the
    copy goes into another page), stashed HTML (code, math) filled in."""
    index = {id(block): n for n, block in enumerate(outline.blocks)}
    out = {}
    for block in blocks:
        el = elements[index[id(block)]] if id(block) in index else None
        if el is None:
            continue
        el = copy.deepcopy(el)
        el.tail = None
        for node in el.iter():
            node.attrib.pop("id", None)
            for child in list(node):
                if child.tag == "a" and "headerlink" in (child.get("class") or ""):
                    node.remove(child)
        text = md.serializer(el)
        for processor in md.postprocessors:
            text = processor.run(text)
        out[id(block)] = text
    return out


def mark_translation(
    root: etree.Element,
    md: Markdown,
    outline: Outline,
    elements: list,
    report: Report,
    prepared: Prepared,
    marks: dict[str, etree.Element],
    source_lang: str,
) -> None:
    """Mark the translation's stale blocks; insert the added ones in the source language."""
    index = {id(block): n for n, block in enumerate(outline.blocks)}
    parents = {child: parent for parent in root.iter() for child in parent}
    marked = set()
    for change in report.changes:
        if change.kind in ("changed", "removed") and change.partner is not None:
            el = elements[index[id(change.partner)]] if id(change.partner) in index else None
            if el is not None and id(el) not in marked:
                marked.add(id(el))
                _mark(el, parents, marks[change.kind], change.kind)
    for change in reversed(report.changes):  # inserted from the end: positions hold
        html = prepared.added_html.get(id(change.block)) if change.kind == "added" else None
        if html is None:
            continue
        holder = etree.Element("div", {"class": "stale-block stale-block--added"})
        holder.set("lang", source_lang)
        holder.append(copy.deepcopy(marks["added"]))
        holder[-1].tail = md.htmlStash.store(html)
        anchor = None
        if change.after is not None and id(change.after) in index:
            anchor = elements[index[id(change.after)]]
        anchor = _top(anchor, parents, root) if anchor is not None else None
        parent = parents.get(anchor, root) if anchor is not None else root
        at = list(parent).index(anchor) + 1 if anchor is not None else _after_title(root)
        holder.tail = "\n"
        parent.insert(at, holder)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _mark(el: etree.Element, parents: dict, mark: etree.Element, kind: str) -> None:
    mark = copy.deepcopy(mark)
    classes = f"stale-block stale-block--{kind}"
    placeholder = HTML_PLACEHOLDER_RE.fullmatch((el.text or "").strip()) and len(el) == 0
    if el.tag in _INLINE_HOSTS and not placeholder:
        el.set("class", f"{el.get('class', '')} {classes}".strip())
        mark.tail, el.text = el.text, None
        el.insert(0, mark)
        return
    parent = parents.get(el)
    if parent is None:
        return
    holder = etree.Element("div", {"class": classes})
    holder.tail, el.tail = el.tail, "\n"
    parent.insert(list(parent).index(el), holder)
    parent.remove(el)
    holder.append(mark)
    holder.append(el)
    parents[el] = holder


def _top(el: etree.Element, parents: dict, root: etree.Element) -> etree.Element:
    """The element itself, or the stale mark's holder that wraps it."""
    parent = parents.get(el)
    if parent is not None and "stale-block" in (parent.get("class") or "") and parent.tag == "div":
        return parent
    return el


def _after_title(root: etree.Element) -> int:
    """Where a block added at the top goes: after the page's title."""
    children = list(root)
    return 1 if children and children[0].tag == "h1" else 0
