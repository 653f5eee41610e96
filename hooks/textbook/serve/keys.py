"""The hashes of a page's inputs that say whether its last render can be reused.

A hook whose pages read anything these do not cover (a clock, a file outside docs/,
overrides/ and hooks/) must add it to `project_key`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import alternates
from textbook.adapters.mkdocs import hook_folders


def digest(*parts: object) -> str:
    """One hash of the parts: bytes as they are, anything else by its repr()."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part if isinstance(part, bytes) else repr(part).encode())
        hashed.update(b"\0")
    return hashed.hexdigest()


def project_key(config: MkDocsConfig, files: Files) -> str:
    """A hash of everything outside the pages' Markdown that any page's HTML reads."""
    parts: list[object] = [config.site_url, config.theme.name]
    if config.config_file_path and os.path.isfile(config.config_file_path):
        parts.append(Path(config.config_file_path).read_bytes())
    parts += sorted((f.src_uri, f.dest_uri) for f in files)
    # Quizzes, images, templates, hooks and their data: any change renders everything.
    folders = {config.docs_dir, config.theme.custom_dir}
    folders |= hook_folders(config)
    for folder in sorted(f for f in folders if f):
        parts += stamps(Path(folder), skip_markdown=folder == config.docs_dir)
    return digest(*parts)


def stamps(folder: Path, skip_markdown: bool = False) -> list[tuple[str, int, int]]:
    """(path, mtime, size) of every file under the folder, in order."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in filenames:
            if skip_markdown and name.endswith(".md"):
                continue
            path = os.path.join(dirpath, name)
            stat = os.stat(path)
            found.append((path, stat.st_mtime_ns, stat.st_size))
    return sorted(found)


def nav_key(nav) -> str:
    """A hash of the navigation's titles, URLs and order."""
    items = []

    def walk(children, depth: int) -> None:
        for item in children:
            items.append((depth, type(item).__name__, item.title, getattr(item, "url", None)))
            walk(item.children or [], depth + 1)

    walk(nav.items, 0)
    homepage = nav.homepage.url if nav.homepage else None
    return digest(homepage, *items)


def variants_key(page: Page) -> str:
    """The page's language variants as they are on disk.

    The stale notice compares a translation with its source, and dates the
    source's last change, so a variant's content and time both count.
    """
    stamped = []
    for locale, file in sorted((alternates(page.file) or {"": page.file}).items()):
        stat = os.stat(file.abs_src_path) if file.abs_src_path else None
        stamped.append((locale, file.src_uri, stat and (stat.st_mtime_ns, stat.st_size)))
    return digest(*stamped)
