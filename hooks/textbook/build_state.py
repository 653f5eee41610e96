"""One feature's state for one build of the book, in one typed object.

A build of the book is one `mkdocs build`, or one rebuild under `mkdocs serve`. Inside it,
static-i18n runs MkDocs' whole build once per language, events from `on_config` to
`on_post_build` included, the other languages inside the first one's `on_post_build`. MkDocs
loads a hook file once per process (it caches hook modules on its config option), so a hook's
module globals outlive every serve rebuild, where a plugin would keep its instance. A feature
therefore keeps what one build learns in one object, made fresh in the first language's
`on_config` and left for the next build to replace; what must outlive a rebuild says so with
`lives_across_builds` (guides/contributors.md, "State").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

S = TypeVar("S")


class BuildState(Generic[S]):
    """Holds a feature's state object for the build under way: `start()` in the first
    language's `on_config`, `now` in every other handler."""

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


def lives_across_builds(reason: str) -> Callable[[type], type]:
    """Mark a class whose one instance outlives serve rebuilds (a cache of files that have
    not changed, the serve cache itself); `reason` says why, for the reader."""

    def mark(cls: type) -> type:
        cls.lives_across_builds = reason
        return cls

    return mark


K = TypeVar("K")
V = TypeVar("V")


@lives_across_builds("what it holds is made again only when its version changes")
class ProcessCache(Generic[K, V]):
    """Values made from a file or a text, kept for the life of the process (every serve
    rebuild) and made again when the version they were made from changes: the file's
    (mtime, size), a hash of the text. `why` says what reading it again would cost."""

    def __init__(self, why: str) -> None:
        self.why = why
        self._entries: dict[K, tuple[object, V]] = {}

    def get(self, key: K, version: object, make: Callable[[], V]) -> V:
        """The value for this version, made now if it is not kept; None is never kept."""
        entry = self._entries.get(key)
        if entry is not None and entry[0] == version:
            return entry[1]
        value = make()
        if value is not None:
            self._entries[key] = (version, value)
        return value

    def put(self, key: K, version: object, value: V) -> None:
        self._entries[key] = (version, value)

    def clear(self) -> None:
        """Forget every value (a benchmark that times the first reading)."""
        self._entries.clear()


def file_version(path) -> tuple[int, int]:
    """A file's version for a cache: two writes within one clock tick differ in size."""
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size
