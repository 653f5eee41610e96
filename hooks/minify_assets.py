"""Minify our scripts and stylesheets in the built site (the sources stay readable), and
keep only what the book uses of Material's stylesheets: its colours in the palette, the
icons of the features it turns on in the main one."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from languages import is_last_build
from palette_prune import palette_colours, prune_palette
from theme_icons import drop_icons, unused_icons

MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    # Theme assets are copied once per language build; minify after the last one.
    if not is_last_build(config):
        return
    # Every script and stylesheet of ours: the theme's own are minified already.
    ours = Path(config.theme.custom_dir) / "assets"
    for source in sorted(ours.rglob("*")):
        minify = MINIFY.get(source.suffix)
        path = Path(config.site_dir) / "assets" / source.relative_to(ours)
        if minify and path.exists():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
    colours = palette_colours(config.theme.get("palette"))
    for path in Path(config.site_dir).glob("assets/stylesheets/palette.*.min.css"):
        path.write_text(prune_palette(path.read_text(encoding="utf-8"), colours), encoding="utf-8")
    unused = unused_icons(config)
    for path in Path(config.site_dir).glob("assets/stylesheets/main.*.min.css"):
        path.write_text(drop_icons(path.read_text(encoding="utf-8"), unused), encoding="utf-8")
