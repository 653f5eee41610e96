"""What the serve cache keeps: `ServeCache` across rebuilds, `ServeBuild` for one rebuild."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.files import Files

from textbook.build_state import lives_across_builds


@dataclass
class Entry:
    """One built page's last render, by its destination (one per page and language)."""

    source_key: str  # hash of the inputs of the Markdown render (keys.py)
    rendered: dict  # the attributes Page.render() set (adapters/mkdocs.py, RENDERED)
    links: dict[str, dict[str, str]]  # Page.links_to_anchors, by target src_uri
    kept: list  # what the hooks' keepers saved (serve/mode.py)
    output_key: str | None = None  # hash of the inputs of the HTML
    output: bytes | None = None  # the HTML written from those inputs


@lives_across_builds("it is what serve reuses: each page's last render and the compiled theme")
@dataclass
class ServeCache:
    """Everything kept from `install()` to `uninstall()`, for one `mkdocs serve`."""

    # MkDocs' own functions while ours replace them (adapters/mkdocs.py); empty: not serving.
    originals: dict[str, Callable] = field(default_factory=dict)
    # Last render of each built page, by destination.
    entries: dict[str, Entry] = field(default_factory=dict)
    # The output key of each page file in the site folder (None: written from unknown inputs).
    on_disk: dict[str, str | None] = field(default_factory=dict)
    # Compiled templates by Jinja's key for them, for every build's environment.
    templates: dict[str, bytes] = field(default_factory=dict)
    # The theme's static files, (path, theme folder), by a hash of the theme's folders.
    theme_files: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


@dataclass
class Stats:
    """How many pages a rebuild rendered and reused."""

    rendered: int = 0  # HTML made again
    reused: int = 0  # HTML kept from an earlier build


@dataclass
class LanguageBuild:
    """One language's build() inside a rebuild: its Files and what it hashed once."""

    files: Files  # this build's Files: a new object means a new language build
    project_key: str  # hash of everything but the pages' Markdown (keys.project_key)
    navs: dict[int, str] = field(default_factory=dict)  # id(nav) -> hash of the nav


@dataclass
class ServeBuild:
    """What one rebuild (a save, every language) knows; made in the first `on_config`."""

    stats: Stats = field(default_factory=Stats)  # pages rendered and reused, every language
    written: set[str] = field(default_factory=set)  # pages written: finish() removes the rest
    fresh: set[str] = field(default_factory=set)  # Markdown rendered now: forgotten on failure
    language: LanguageBuild | None = None  # the language build() running now
