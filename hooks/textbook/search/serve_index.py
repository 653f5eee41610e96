"""Where `mkdocs serve` keeps the search index of its first build: rebuilds copy it instead
of indexing again, so saving a page stays fast (restart serve to search the new text)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from textbook.build_state import lives_across_builds
from textbook.search.pagefind_index import keep_index, restore_index


@lives_across_builds("serve indexes once, at its first build")
class ServeIndex:
    """One for the process; a folder only under `mkdocs serve`."""

    def __init__(self) -> None:
        # The kept index's folder (inside a temporary folder of its own); None when building.
        self.folder: Path | None = None

    def start(self, command: str) -> None:
        if command == "serve":
            self.folder = Path(tempfile.mkdtemp(prefix="pagefind-")) / "index"

    def restore(self, site: Path) -> bool:
        """The kept index copied into `site`; False when there is none (or no serve)."""
        return self.folder is not None and restore_index(site, self.folder)

    def keep(self, site: Path) -> None:
        if self.folder is not None:
            keep_index(site, self.folder)

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder.parent, ignore_errors=True)
