"""One feature's state for one build of the book, in one typed object.

A build of the book is one `mkdocs build`, or one rebuild under `mkdocs serve`; inside it,
static-i18n runs MkDocs' build once per language. MkDocs loads a hook file once per process
(it caches hook modules on its config option), so a hook's module globals outlive every
serve rebuild, where a plugin would keep its instance. A feature therefore keeps what one
build learns in one object, made fresh when MkDocs reads the configuration (`on_config`, run
once per build and per serve rebuild) and dropped when the build ends or fails; what must
outlive a rebuild says so with `lives_across_builds` (guides/contributors.md, "State").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

S = TypeVar("S")


class BuildState(Generic[S]):
    """Holds a feature's state object for the build under way: `start()` in `on_config`,
    `now` in every other handler, `drop()` when the build ends."""

    def __init__(self, make: Callable[[], S]) -> None:
        self._make = make
        self._current: S | None = None

    def start(self) -> S:
        self._current = self._make()
        return self._current

    @property
    def now(self) -> S:
        if self._current is None:
            # A handler ran outside a build (a test calling it directly): a fresh state.
            self._current = self._make()
        return self._current

    def drop(self) -> None:
        self._current = None


def lives_across_builds(reason: str) -> Callable[[type], type]:
    """Mark a class whose one instance outlives serve rebuilds (a cache of files that have
    not changed, the serve cache itself); `reason` says why, for the reader."""

    def mark(cls: type) -> type:
        cls.lives_across_builds = reason
        return cls

    return mark
