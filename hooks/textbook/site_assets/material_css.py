"""Material's stylesheets in the built site, keeping only what the book uses: its colours
in the palette stylesheets, the icons of the features and boxes it draws in the main one."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from textbook.adapters.material import main_stylesheet, palette_stylesheets
from textbook.site_assets.css_rules import parse
from textbook.site_assets.icons import drop_icons, unused_box_icons, unused_icons
from textbook.site_assets.palette import palette_colours, prune_palette


def prune_material_css(config: MkDocsConfig, boxes: set[str]) -> None:
    """`boxes`: the box classes the site's pages use."""
    colours = palette_colours(config.theme.get("palette"))
    for path in palette_stylesheets(config.site_dir):
        path.write_text(prune_palette(path.read_text(encoding="utf-8"), colours), encoding="utf-8")
    theirs = main_stylesheet(config)
    css = parse(theirs.read_text(encoding="utf-8"))  # parsed once, read twice
    unused = unused_icons(config) + unused_box_icons(css, boxes)
    written = Path(config.site_dir) / "assets" / "stylesheets" / theirs.name
    written.write_text(drop_icons(css, unused), encoding="utf-8")
