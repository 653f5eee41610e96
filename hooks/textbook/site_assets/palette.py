"""Keep only the colours the book uses in Material's palette stylesheet.

Material's palette.css styles all 21 primary and accent colours in both schemes
(2.0 KiB gzip on every page); the book uses one of each, which leaves 0.7 KiB.
The stylesheet is read with a CSS parser, rule by rule, and every rule that does
not name a colour is kept as it is (the dark scheme, for instance).
"""

from __future__ import annotations

import re

import tinycss2

from textbook.site_assets.css_rules import rewrite_rules

COLOUR = re.compile(r"data-md-color-(?:primary|accent)=[\"']?([\w-]+)")


def prune_palette(css: str, colours: set[str]) -> str:
    """The stylesheet without the selectors of colours outside `colours`."""

    def keep(prelude: str, content: list) -> str | None:
        selectors = [s for s in prelude.split(",") if set(COLOUR.findall(s)) <= colours]
        return ",".join(selectors) + "{" + tinycss2.serialize(content) + "}" if selectors else None

    return rewrite_rules(css, keep)


def palette_colours(palette: list | dict | None) -> set[str]:
    """The primary and accent colours named in `theme.palette`, in Material's spelling."""
    entries = palette if isinstance(palette, list) else [palette or {}]
    names = {"indigo"}  # Material's default for both
    for entry in entries:
        for key in ("primary", "accent"):
            if entry.get(key):
                names.add(str(entry[key]).lower().replace(" ", "-"))
    return names
