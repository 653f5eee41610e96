"""Tabs on paper: every tab set keeps one tab, the one an edition asks for.

Paper cannot switch tabs, and printing every tab one after another makes a book
nobody reads that way (a dozen languages for every listing). An edition names a
label ('Python'): in each set, the tab with that label stays (compared without case
or surrounding space), or the set's first tab where none has it. The default
edition, with no label, keeps every set's first tab: the one the site shows first.
The kept tab's label stays above its content, so the reader knows what it is.

Both styles of pymdownx.tabbed are read: the alternate style (labels together in
.tabbed-labels, contents in .tabbed-content > .tabbed-block) and the older one
(label, then .tabbed-content, per tab).
"""

from __future__ import annotations

import lxml.html
from lxml.html import builder as E


def keep_tab(article: lxml.html.HtmlElement, label: str | None) -> int:
    """Replace every tab set of the article by its chosen tab; returns how many sets.
    Outer sets first: a set inside a dropped tab goes with it."""
    count = 0
    for tab_set in article.cssselect("div.tabbed-set"):
        if not _attached(tab_set, article):
            continue
        tabs = _tabs(tab_set)
        if not tabs:
            continue
        wanted = label.strip().casefold() if label else None
        name, content = next(
            ((n, c) for n, c in tabs if wanted is not None and n.casefold() == wanted), tabs[0]
        )
        kept = E.DIV(E.CLASS("print-tab"), E.P(E.CLASS("print-tab__label"), name))
        kept.extend(list(content))
        kept.tail = tab_set.tail
        tab_set.getparent().replace(tab_set, kept)
        count += 1
    return count


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _attached(node, root) -> bool:
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _tabs(tab_set) -> list[tuple[str, lxml.html.HtmlElement]]:
    """(label text, content element) per tab, in order."""
    labels_box = next((c for c in tab_set if "tabbed-labels" in c.classes), None)
    if labels_box is not None:  # alternate style
        labels = [c for c in labels_box if c.tag == "label"]
        content = next((c for c in tab_set if "tabbed-content" in c.classes), None)
        blocks = [c for c in content if "tabbed-block" in c.classes] if content is not None else []
    else:
        labels = [c for c in tab_set if c.tag == "label"]
        blocks = [c for c in tab_set if "tabbed-content" in c.classes]
    return [
        (" ".join(label.text_content().split()), block)
        for label, block in zip(labels, blocks, strict=False)
    ]
