"""The book's translation settings: `extra → parity` in mkdocs.yml, read in one place."""

from __future__ import annotations


def parity_settings(config) -> dict:
    """`extra → parity` (source_language, code_strings, same_page); {} when unset or not a
    mapping (check.py reports the wrong shapes)."""
    settings = (config.extra or {}).get("parity") or {}
    return settings if isinstance(settings, dict) else {}
