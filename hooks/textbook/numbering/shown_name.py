"""The name a page has in messages: its path as the author sees it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def shown_name(page: Page, config: MkDocsConfig) -> str:
    """docs/chapters/x.en.md: the page's file relative to mkdocs.yml, else its src_uri."""
    source = Path(page.file.abs_src_path or "")
    project = Path(config.config_file_path or ".").parent
    try:
        return source.relative_to(project).as_posix()
    except ValueError:
        return page.file.src_uri
