"""What `mkdocs serve` needs to know of other hooks to reuse a page's render.

Kept in this plain module so that every hook reads the same registry (a hook file is
loaded under its own module name); the serve cache reads it (serve/steps.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.pages import Page

from textbook.build_state import lives_across_builds

Save = Callable[[Page], object]
Restore = Callable[[Page, object], None]


@lives_across_builds("hooks register their keepers once, when MkDocs loads them")
@dataclass
class ServeRegistry:
    """What hooks told the serve cache, for hooks whose pages depend on more than their file."""

    # (save, restore) pairs: what a hook records about a page while its Markdown renders.
    keepers: list[tuple[Save, Restore]] = field(default_factory=list)
    # Book-wide values some page's HTML reads, by name; said again on every build.
    book: dict[str, object] = field(default_factory=dict)


_registry = ServeRegistry()


def keep_page_state(save: Save, restore: Restore) -> None:
    """Register what a hook records per page during the Markdown render (its page events
    or a treeprocessor). Under serve, a page whose render is reused has `restore(page,
    value)` called with what `save(page)` returned after its last real render, so the
    hook's book-wide collection stays whole. Register once (at import)."""
    if (save, restore) not in _registry.keepers:
        _registry.keepers.append((save, restore))


def depend_on_book(name: str, value: object) -> None:
    """Say, on every build, a book-wide value that some page's HTML reads (the uses of
    each glossary term, the numbers of figures across chapters): when it changes, serve
    renders every page again. `value` must have a stable repr()."""
    _registry.book[name] = value


def keepers() -> list[tuple[Save, Restore]]:
    """The keepers registered so far, in the order they were."""
    return list(_registry.keepers)


def book_values() -> list[tuple[str, object]]:
    """The book-wide values said so far, by name."""
    return sorted(_registry.book.items())
