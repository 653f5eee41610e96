"""Drop from Material's stylesheet the icons of features the book leaves off.

Material's main stylesheet carries its icons as SVG data URLs in custom
properties, 3.4 of its 22 KiB gzip. Those of a repository's facts, the version
selector, tags, the blog, sortable tables and the navigation path are drawn
only when the configuration turns that feature on; with all of them off,
dropping theirs saves 1.2 KiB on every first visit. A feature turned on keeps
its icons.
"""

from __future__ import annotations

import tinycss2
from mkdocs.config.defaults import MkDocsConfig

from css_rules import rewrite_rules


def _plugin(name: str):
    return lambda config: any(key.split("/")[-1] == name for key in config.plugins)


# Each icon's custom property (its prefix) and when Material draws it.
ICONS = {
    "--md-source-": lambda config: bool(config.repo_url),
    "--md-version-icon": lambda config: bool((config.extra or {}).get("version")),
    "--md-tag-icon": _plugin("tags"),
    "--md-post-pin-icon": _plugin("blog"),
    "--md-path-icon": lambda config: "navigation.path" in config.theme.get("features", ()),
    "--md-typeset-table-sort-icon": lambda config: any(
        "tablesort" in str(script) for script in config.extra_javascript
    ),
}


def unused_icons(config: MkDocsConfig) -> tuple[str, ...]:
    """The prefixes of the icon properties this configuration never draws."""
    return tuple(prefix for prefix, used in ICONS.items() if not used(config))


def drop_icons(css: str, prefixes: tuple[str, ...]) -> str:
    """The stylesheet without the custom properties whose names start with `prefixes`."""

    def keep(prelude: str, content: list) -> str:
        declarations = tinycss2.parse_blocks_contents(content)
        if not any(_dropped(d, prefixes) for d in declarations):
            return prelude + "{" + tinycss2.serialize(content) + "}"
        kept = [d for d in declarations if d.type == "declaration" and not _dropped(d, prefixes)]
        return prelude + "{" + ";".join(_declaration(d) for d in kept) + "}"

    return rewrite_rules(css, keep) if prefixes else css


def _dropped(node, prefixes: tuple[str, ...]) -> bool:
    return node.type == "declaration" and node.name.startswith(prefixes)


def _declaration(node) -> str:
    value = tinycss2.serialize(node.value).strip()
    return f"{node.name}:{value}{'!important' if node.important else ''}"
