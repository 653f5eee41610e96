"""What `mkdocs serve` needs to know of other hooks to reuse a page's render.

Kept in this plain module so that every hook reads the same registry (a hook file is
loaded under its own module name); serve/cache.py reads it.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# For hooks whose pages depend on more than their own file (see serve/cache.py)
# -----------------------------------------------------------------------------

# (save, restore) pairs: what a hook records about a page while its Markdown renders.
page_state_keepers: list[tuple[Callable[[Page], object], Callable[[Page, object], None]]] = []
# Book-wide values some page's HTML reads, by name; set on every build.
book_state: dict[str, object] = {}


def keep_page_state(save: Callable[[Page], object], restore: Callable[[Page, object], None]):
    """Register what a hook records per page during the Markdown render (its page events
    or a treeprocessor). Under serve, a page whose render is reused has `restore(page,
    value)` called with what `save(page)` returned after its last real render, so the
    hook's book-wide collection stays whole. Register once (at import)."""
    if (save, restore) not in page_state_keepers:
        page_state_keepers.append((save, restore))


def depend_on_book(name: str, value: object) -> None:
    """Say, on every build, a book-wide value that some page's HTML reads (the uses of
    each glossary term, the numbers of figures across chapters): when it changes, serve
    renders every page again. `value` must have a stable repr()."""
    book_state[name] = value
