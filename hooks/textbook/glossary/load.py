"""Read docs/glossary.yml: YAML with line numbers, its shape, and duplicate terms.

Every mistake becomes a GlossaryError naming the file, the line, the term and
the field; all mistakes of the file are reported together.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from textbook.sources.files import (
    SourceError,
    compose_yaml,
    duplicate_keys,
    line_of,
    read_text,
    yaml_error,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SOURCE = "glossary.yml"  # in docs_dir, excluded from the site in mkdocs.yml
# A cross-reference as chapters write it: an empty link to an id.
_REFERENCE = re.compile(r"\[\]\([^)\s]*#[^)\s]+\)")


class GlossaryError(PluginError):
    """A glossary file an author has to fix; the message says where and how."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A form or a definition with no text: an empty form would match everywhere in a page.
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Entry(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    zh: _Text
    en: _Text
    variants: dict[str, list[_Text]] = {}
    definition: dict[str, _Text]


class _File(_Strict):
    terms: list[_Entry]


@dataclass(frozen=True)
class Term:
    """One term: its forms per language (the main form first) and definitions."""

    id: str
    forms: dict[str, tuple[str, ...]]  # {"zh": ("监督微调", "SFT"), "en": (...)}
    definition: dict[str, str]
    line: int

    def name(self, lang: str) -> str:
        return self.forms[lang][0]


@dataclass(frozen=True)
class Glossary:
    name: str  # the path as messages show it
    terms: tuple[Term, ...]

    def by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}


def book_glossary(docs: Path, languages: tuple[str, ...]) -> tuple[Glossary | None, list[str]]:
    """The book's glossary and no problem; None and the problems that keep it from loading;
    None and no problem for a book without a glossary file (it simply marks no term)."""
    if not (docs / SOURCE).exists():
        return None, []
    try:
        return load_glossary(docs / SOURCE, languages, shown_as=f"{docs.name}/{SOURCE}"), []
    except GlossaryError as err:
        return None, str(err).split("\n")


def load_glossary(path: Path, languages: tuple[str, ...], shown_as: str | None = None) -> Glossary:
    """Parse and check the glossary file, or raise GlossaryError with every problem in it."""
    name = shown_as or path.as_posix()
    try:
        text = read_text(path, name)
        root = compose_yaml(text)
    except SourceError as err:
        raise GlossaryError(str(err)) from None
    except yaml.YAMLError as err:
        raise GlossaryError(yaml_error(err, name)) from None
    problems = [yaml_error(err, name) for err in duplicate_keys(root)] if root else []
    if problems:
        raise GlossaryError("\n".join(problems))
    data = yaml.load(text, Loader=yaml.CSafeLoader) or {}
    try:
        parsed = _File.model_validate(data)
    except ValidationError as err:
        raise GlossaryError(
            "\n".join(_describe(e, root, data, name, languages) for e in _typos_first(err))
        ) from None
    terms = []
    for index, entry in enumerate(parsed.terms):
        where = ("terms", index)
        problems += _check_languages(entry, root, where, name, languages)
        forms = {
            lang: tuple(dict.fromkeys([getattr(entry, lang), *entry.variants.get(lang, [])]))
            for lang in languages
        }
        terms.append(Term(entry.id, forms, dict(entry.definition), line_of(root, where)))
    problems += _duplicates(terms, name, languages)
    if problems:
        raise GlossaryError("\n".join(problems))
    return Glossary(name, tuple(terms))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _check_languages(entry: _Entry, root, where, name, languages) -> list[str]:
    problems = []
    label = f"term '{entry.id}'"
    for lang in languages:
        if not entry.definition.get(lang, "").strip():
            line = line_of(root, (*where, "definition"))
            problems.append(
                f"{name}:{line}: {label} → definition: no {lang} text. "
                f"Add '{lang}: ...' under 'definition:'."
            )
    for lang, text in entry.definition.items():
        # A definition shows beside the term in every chapter and on the glossary page,
        # where a reference to one chapter's figure has no number: it would read as text.
        if _REFERENCE.search(text):
            line = line_of(root, (*where, "definition", lang))
            problems.append(
                f"{name}:{line}: {label} → definition.{lang}: a cross-reference "
                f"({_REFERENCE.search(text).group(0)}) cannot be numbered here, as the "
                "definition shows in every chapter; write it in words."
            )
    for field, mapping in (("definition", entry.definition), ("variants", entry.variants)):
        for lang in mapping:
            if lang not in languages:
                line = line_of(root, (*where, field, lang))
                problems.append(
                    f"{name}:{line}: {label} → {field}: unknown language '{lang}'. "
                    f"Expected one of: {', '.join(languages)}."
                )
    return problems


def _typos_first(err: ValidationError) -> list[dict]:
    """A misspelt key also makes its field missing: report the typo alone."""
    errors = err.errors()
    typos = {
        (tuple(e["loc"][:-1]), hint)
        for e in errors
        if e["type"] == "extra_forbidden"
        for hint in difflib.get_close_matches(str(e["loc"][-1]), _Entry.model_fields, n=1)
    }
    return [
        e
        for e in errors
        if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in typos)
    ]


def _duplicates(terms: list[Term], name: str, languages) -> list[str]:
    """Two entries with one id, or one form (in one language) claimed by two terms."""
    problems, ids, forms = [], {}, {}
    for term in terms:
        if term.id in ids:
            problems.append(
                f"{name}:{term.line}: term '{term.id}' → id: duplicate; line {ids[term.id]} "
                "already uses it. Give each term its own id."
            )
        ids.setdefault(term.id, term.line)
        for lang in languages:
            for form in term.forms[lang]:
                key = (lang, form.casefold())
                if key in forms and forms[key][0] != term.id:
                    other, line = forms[key]
                    problems.append(
                        f"{name}:{term.line}: term '{term.id}' → {lang}: '{form}' is already "
                        f"a form of the term '{other}' (line {line}). A form belongs to one "
                        "term; merge the entries or remove it from one of them."
                    )
                forms.setdefault(key, (term.id, term.line))
    return problems

    return problems


def _describe(error: dict, root, data, name: str, languages) -> str:
    loc = list(error["loc"])
    line = line_of(root, loc)
    label = ""
    if len(loc) >= 2 and loc[0] == "terms" and isinstance(loc[1], int):
        entry = (data.get("terms") or [])[loc[1]]
        term_id = entry.get("id") if isinstance(entry, dict) else None
        label = f"term '{term_id}'" if term_id else f"term {loc[1] + 1}"
        field = ".".join(str(p) for p in loc[2:])
        label += f" → {field}" if field else ""
    else:
        label = ".".join(str(p) for p in loc) or "the file"
    kind = error["type"]
    if kind == "missing":
        return f"{name}:{line}: {label}: this field is required but missing. Add '{loc[-1]}:'."
    if kind == "extra_forbidden":
        allowed = list(_Entry.model_fields) if len(loc) > 2 else list(_File.model_fields)
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        did_you_mean = f" Did you mean '{hint[0]}'?" if hint else ""
        return (
            f"{name}:{line}: {label}: unknown key.{did_you_mean} "
            f"Expected one of: {', '.join(allowed)}."
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{name}:{line}: {label}: expected lower-case letters, digits and hyphens "
            f"(like 'base-model'); found {error['input']!r}."
        )
    if kind == "string_too_short" or (kind == "string_type" and error.get("input") is None):
        # An empty form would match everywhere in a page; an empty definition shows nothing.
        found = "nothing" if error.get("input") is None else repr(error["input"])
        remove = ", or remove it from the list" if "variants" in loc else ""
        return f"{name}:{line}: {label}: the text is empty (found {found}); write it{remove}."
    if kind == "dict_type" and loc[-1] == "definition":
        example = ", ".join(f"{lang}: ..." for lang in languages)
        return f"{name}:{line}: {label}: expected a text per language ({{{example}}}); " + (
            f"found {error['input']!r}."
        )
    return f"{name}:{line}: {label}: {error['msg']}; found {error.get('input')!r}."
