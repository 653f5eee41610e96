"""Drop from Material's stylesheet the icons the book never draws.

Material's main stylesheet carries its icons as SVG data URLs in custom
properties, 3.4 of its 22 KiB gzip. Two kinds are never drawn in this book:
- those of features the configuration leaves off (a repository's facts, the
  version selector, tags, the blog, sortable tables, the navigation path);
- those of box types no page uses: Material draws a box's icon from its type's
  class (`.tip>.admonition-title:before`), so a book with two kinds of box
  needs two of the twelve (and the note's, which any other box falls back to).
Dropping them saves about 2.4 KiB on every first visit.
"""

from __future__ import annotations

import re
from collections import defaultdict

import tinycss2
from mkdocs.config.defaults import MkDocsConfig

from textbook.adapters.material import features
from textbook.site_assets.css_rules import rewrite_rules


def _plugin(name: str):
    return lambda config: any(key.split("/")[-1] == name for key in config.plugins)


# Each feature's icon property (its prefix) and when Material draws it.
ICONS = {
    "--md-source-": lambda config: bool(config.repo_url),
    "--md-version-icon": lambda config: bool((config.extra or {}).get("version")),
    "--md-tag-icon": _plugin("tags"),
    "--md-post-pin-icon": _plugin("blog"),
    "--md-path-icon": lambda config: "navigation.path" in features(config),
    "--md-typeset-table-sort-icon": lambda config: any(
        "tablesort" in str(script) for script in config.extra_javascript
    ),
}
# A box in a rendered page: Python-Markdown's admonitions, pymdownx's details.
BOX = re.compile(r'(?:class="admonition |<details class=")([^"]*)"')
BOX_ICON = re.compile(r"var\((--md-admonition-icon--[\w-]+)\)")
TYPE_CLASS = re.compile(r"\.md-typeset \.([\w-]+)>")


def unused_icons(config: MkDocsConfig) -> tuple[str, ...]:
    """The prefixes of the feature icons this configuration never draws."""
    return tuple(prefix for prefix, used in ICONS.items() if not used(config))


def box_classes(html: str) -> set[str]:
    """The classes of the boxes in a rendered page."""
    return {
        name
        for match in BOX.finditer(html)
        for group in match.groups()
        if group
        for name in group.split()
    }


def unused_box_icons(css: str | list, classes: set[str]) -> tuple[str, ...]:
    """The box icons that no class in `classes` draws, read from the stylesheet's rules."""
    drawn_by, fallback = defaultdict(set), set()

    def look(prelude: str, content: list) -> None:
        for icon in BOX_ICON.findall(tinycss2.serialize(content)):
            types = set(TYPE_CLASS.findall(prelude))
            drawn_by[icon] |= types
            if not types:  # a box of no known type
                fallback.add(icon)

    rewrite_rules(css, look)
    return tuple(i for i, types in drawn_by.items() if i not in fallback and not types & classes)


def drop_icons(css: str | list, prefixes: tuple[str, ...]) -> str:
    """The stylesheet without the custom properties whose names start with `prefixes`."""

    def keep(prelude: str, content: list) -> str:
        declarations = tinycss2.parse_blocks_contents(content)
        if not any(_dropped(d, prefixes) for d in declarations):
            return prelude + "{" + tinycss2.serialize(content) + "}"
        kept = [d for d in declarations if d.type == "declaration" and not _dropped(d, prefixes)]
        return prelude + "{" + ";".join(_declaration(d) for d in kept) + "}"

    if not prefixes and isinstance(css, str):
        return css
    return rewrite_rules(css, keep)


def _dropped(node, prefixes: tuple[str, ...]) -> bool:
    return node.type == "declaration" and node.name.startswith(prefixes)


def _declaration(node) -> str:
    value = tinycss2.serialize(node.value).strip()
    return f"{node.name}:{value}{'!important' if node.important else ''}"
