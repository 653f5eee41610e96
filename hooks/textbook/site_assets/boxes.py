"""Which box classes (note, warning...) the written pages use: the icons of the others are
dropped from Material's stylesheet (icons.py)."""

from __future__ import annotations

from textbook.build_state import lives_across_builds
from textbook.site_assets.icons import box_classes


@lives_across_builds("under serve, a page a save did not touch is not written again")
class BoxClasses:
    """The box classes of every page written, by output path, kept for the process so that
    a page serve does not write again keeps its entry."""

    def __init__(self) -> None:
        # Output path -> the box classes its HTML uses.
        self.by_page: dict[str, set[str]] = {}

    def record(self, path: str, html: str) -> None:
        self.by_page[path] = box_classes(html)

    def used(self) -> set[str]:
        return set().union(*self.by_page.values())
