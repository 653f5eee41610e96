"""What the translation feature learns in one build of the book (textbook/build_state.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    config: object | None = None
    # The book's problems are shown once, however the build stops.
    reported: bool = False
