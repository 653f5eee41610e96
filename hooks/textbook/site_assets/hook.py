"""Minify every page's HTML and our scripts and stylesheets in the built site (minified.py),
and keep only what the book uses of Material's stylesheets (material_css.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from textbook.adapters.i18n import is_last_build
from textbook.site_assets.boxes import BoxClasses
from textbook.site_assets.material_css import prune_material_css
from textbook.site_assets.minified import minify_ours, minify_page

_boxes = BoxClasses()  # kept across serve rebuilds (boxes.py says why)


@event_priority(-1000)  # last: every other hook has put its part into the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _boxes.record(page.file.abs_dest_path, output)
    return minify_page(output)


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    # Theme assets are copied once per language build; minify after the last one.
    if is_last_build(config):
        minify_ours(Path(config.theme.custom_dir) / "assets", Path(config.site_dir))
        prune_material_css(config, _boxes.used())
