"""Book-wide math macros, declared once in mkdocs.yml and used by both languages:

    extra:
      math:
        macros:
          \\R: \\mathbb{R}
          \\norm: \\left\\lVert #1 \\right\\rVert

A name is a backslash and letters; `#1`..`#9` are the arguments. A macro that
redefines one of Temml's own commands (\\frac, \\argmax) is refused: the same TeX
would mean one thing in this book and another everywhere else.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from textbook.math.converter import convert
from textbook.sources.files import SourceError, compose_yaml, line_of, read_text

_NAME = re.compile(r"\\[A-Za-z]+")
_ARGUMENT = re.compile(r"#([1-9])")
_LOC = ("extra", "math", "macros")


class MacroError(SourceError):
    """A mistake in mkdocs.yml's math macros; one line per mistake, each with its line."""


def book_macros(config: MkDocsConfig) -> dict[str, str]:
    """`extra.math.macros` of mkdocs.yml, checked; MacroError lists every mistake."""
    math = (config.extra or {}).get("math")
    if math is None:
        return {}
    path = Path(config.config_file_path or "mkdocs.yml")
    name = path.name
    root = compose_yaml(read_text(path, name)) if path.is_file() else None

    def where(*loc) -> str:
        return f"{name}:{line_of(root, loc)}"

    if not isinstance(math, dict) or set(math) - {"macros"}:
        raise MacroError(
            f"{where('extra', 'math')}: extra.math holds one setting, 'macros' (a mapping "
            "such as '\\R: \\mathbb{R}'); found "
            + (f"{sorted(math)}" if isinstance(math, dict) else repr(math))
            + "."
        )
    macros = math.get("macros") or {}
    if not isinstance(macros, dict):
        raise MacroError(
            f"{where(*_LOC)}: extra.math.macros is a mapping of a command to its TeX, such "
            f"as '\\R: \\mathbb{{R}}'; found {macros!r}."
        )
    problems = check_macros(macros, where=lambda key: where(*_LOC, key))
    if problems:
        raise MacroError("\n".join(problems))
    return {key: str(value) for key, value in macros.items()}


def check_macros(macros: dict, *, where) -> list[str]:
    """Every mistake in the macros, each prefixed by `where(name)` (file and line)."""
    problems, bad = [], set()
    names = [key for key in macros if isinstance(key, str) and _NAME.fullmatch(key)]
    for key in macros:
        if key not in names:
            problems.append(
                f"{where(key)}: the math macro name {key!r} is not a command: write a "
                "backslash and letters, such as \\R or \\vx."
            )
        elif not isinstance(macros[key], str | int | float) or isinstance(macros[key], bool):
            bad.add(key)
            problems.append(
                f"{where(key)}: the math macro {key} needs its TeX as text, such as "
                f"'{key}: \\mathbb{{R}}'; found {macros[key]!r}."
            )
    # Temml alone, without the book's macros: a name it reads already is its own.
    alone = convert([(key, False) for key in names], {})
    for key, result in zip(names, alone, strict=True):
        if not result.error.startswith("Temml: Unsupported function name"):
            bad.add(key)
            problems.append(
                f"{where(key)}: the math macro {key} redefines Temml's own {key}; a book-wide "
                "macro needs a name of its own (such as \\R, \\E, \\vx), so that the same TeX "
                "means the same thing in this book as everywhere else."
            )
    good = {key: str(macros[key]) for key in names if key not in bad}
    uses = [(key + "{x}" * _arguments(value), False) for key, value in good.items()]
    for (key, value), result in zip(good.items(), convert(uses, good), strict=True):
        if result.error:
            problems.append(
                f"{where(key)}: the math macro {key} ({value}) cannot be read: {result.error}."
            )
    return problems


def _arguments(body: str) -> int:
    return max((int(n) for n in _ARGUMENT.findall(body)), default=0)
