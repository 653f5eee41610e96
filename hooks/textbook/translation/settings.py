"""The book's translation settings: `extra → parity` in mkdocs.yml, read in one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ParitySettings:
    # The language the book is written in, if set (adapters.i18n.source_language checks it).
    source_language: str | None = None
    # `code_strings: translated`: every string literal in code is translated (default `same`).
    strings_translated: bool = False
    # Groups of URL prefixes of one site's language versions (a link may differ across them).
    same_page: list[list[str]] = field(default_factory=list)
    # What is wrong in the settings, for the report (the setting is then taken as unset).
    problems: list[str] = field(default_factory=list)


def parity_settings(config) -> ParitySettings:
    """`extra → parity` (source_language, code_strings, same_page); the defaults when unset
    or not a mapping."""
    found = (config.extra or {}).get("parity") or {}
    if not isinstance(found, dict):
        found = {}
    same_page, problems = _same_page(found.get("same_page", []))
    translated, more = _code_strings(found.get("code_strings", "same"))
    return ParitySettings(found.get("source_language"), translated, same_page, problems + more)


def _same_page(value) -> tuple[list[list[str]], list[str]]:
    if isinstance(value, list) and all(
        isinstance(group, list) and group and all(isinstance(p, str) for p in group)
        for group in value
    ):
        return value, []
    return [], [
        "mkdocs.yml: extra → parity → same_page: expected a list of groups of URL prefixes, "
        "e.g. [[https://zh.wikipedia.org/wiki/, https://en.wikipedia.org/wiki/]]; "
        f"found {value!r}."
    ]


def _code_strings(value) -> tuple[bool, list[str]]:
    if value in ("same", "translated"):
        return value == "translated", []
    return False, [
        "mkdocs.yml: extra → parity → code_strings: expected 'translated' (every string "
        f"literal in code is translated) or 'same' (the default); found {value!r}."
    ]
