"""Keep only the colours the book uses in Material's palette stylesheet.

Material's palette.css styles all 21 primary and accent colours in both schemes
(2.0 KiB gzip on every page); the book uses one of each, which leaves 0.7 KiB.
The stylesheet is read with a CSS parser, rule by rule, and every rule that does
not name a colour is kept as it is (the dark scheme, for instance).
"""

from __future__ import annotations

import re

import tinycss2

COLOUR = re.compile(r"data-md-color-(?:primary|accent)=[\"']?([\w-]+)")


def prune_palette(css: str, colours: set[str]) -> str:
    """The stylesheet without the selectors of colours outside `colours`."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_keep(rules, colours))


def _keep(rules: list, colours: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                selector
                for selector in tinycss2.serialize(rule.prelude).split(",")
                if set(COLOUR.findall(selector)) <= colours
            ]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.content is not None:
            inner = _keep(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                colours,
            )
            if inner:
                prelude = tinycss2.serialize(rule.prelude)
                kept.append(f"@{rule.at_keyword}{prelude}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def palette_colours(palette: list | dict | None) -> set[str]:
    """The primary and accent colours named in `theme.palette`, in Material's spelling."""
    entries = palette if isinstance(palette, list) else [palette or {}]
    names = {"indigo"}  # Material's default for both
    for entry in entries:
        for key in ("primary", "accent"):
            if entry.get(key):
                names.add(str(entry[key]).lower().replace(" ", "-"))
    return names
