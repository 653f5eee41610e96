"""What the translation feature learns in one build of the book (textbook/build_state.py), and
the one thing it keeps for the process: the command it runs under."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig

from textbook.build_state import lives_across_builds


@dataclass
class TranslationBuild:
    # Stale translations: (page key, locale) -> the day their source changed.
    stale: dict[tuple[str, str], str] = field(default_factory=dict)
    # The changed sections a stale translation's notice names, by its src_uri.
    sections: dict[str, list[dict]] = field(default_factory=dict)
    # Source pages read while they render (before their translations): path -> what to prepare.
    pending: dict[str, list] = field(default_factory=dict)
    # Each page's Markdown as its file has it, from on_page_markdown to on_page_content.
    bodies: dict[str, str] = field(default_factory=dict)
    # The stale marks' markup (partials/stale-mark.html), by language.
    marks: dict[str, dict] = field(default_factory=dict)
    # Languages whose every page is rendered (outlines recorded).
    rendered: set[str] = field(default_factory=set)
    # Where this build writes, and since when: a failed build removes what it wrote.
    site_dir: str | None = None
    started_ns: int = 0
    # The first language's configuration: a failed build's report reads the book with it.
    config: MkDocsConfig | None = None
    # The book's problems are shown once, however the build stops.
    reported: bool = False

    def begin(self, config: MkDocsConfig) -> None:
        """The first language's build starts writing: what a failure would have to remove."""
        self.site_dir, self.started_ns, self.config = config.site_dir, time.time_ns(), config


@lives_across_builds("MkDocs says the command once per process, in on_startup")
@dataclass
class Session:
    command: str = "build"  # "serve" keeps the last good site when a build fails
