"""Rewrite a stylesheet rule by rule, read with a CSS parser (tinycss2)."""

from __future__ import annotations

from collections.abc import Callable

import tinycss2

# At-rules whose block holds rules (the others, @font-face for one, hold declarations).
GROUPING = {"media", "supports", "layer", "container", "document"}


def parse(css: str) -> list:
    """The stylesheet's rules, to rewrite more than once without parsing it again."""
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def rewrite_rules(css: str | list, rule: Callable[[str, list], str | None]) -> str:
    """The stylesheet (text, or rules from parse()) with each qualified rule replaced by
    `rule(prelude, content)` (None drops it); a grouping at-rule left empty is dropped too."""
    return "".join(_rewrite(parse(css) if isinstance(css, str) else css, rule))


def _rewrite(nodes: list, rule: Callable[[str, list], str | None]) -> list[str]:
    kept = []
    for node in nodes:
        if node.type == "qualified-rule":
            text = rule(tinycss2.serialize(node.prelude), node.content)
            if text is not None:
                kept.append(text)
        elif node.type == "at-rule" and node.lower_at_keyword in GROUPING and node.content:
            inner = _rewrite(
                tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True),
                rule,
            )
            if inner:
                prelude = tinycss2.serialize(node.prelude)
                kept.append(f"@{node.at_keyword}{prelude}{{{''.join(inner)}}}")
        elif node.type == "at-rule":
            kept.append(tinycss2.serialize([node]))
    return kept
