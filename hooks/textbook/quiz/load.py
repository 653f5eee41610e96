"""Read one quiz file: YAML with line numbers, the schema, then the rules.

Every mistake becomes a QuizError naming the file, the line, the question id,
the field, what was expected and what was found. No traceback reaches the author.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from pydantic import ValidationError

from textbook.build_state import ProcessCache, file_version
from textbook.quiz.rules import RuleBreak, check_rules
from textbook.quiz.schema import (
    QUESTION_TYPES,
    Accept,
    MultipleChoice,
    Option,
    QuizFile,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from textbook.sources.files import (
    SourceError,
    compose_yaml,
    line_of,
    load_yaml,
    read_text,
    yaml_error,
)


class QuizError(PluginError):
    """A quiz file an author has to fix; the message says where and how."""


@dataclass(frozen=True)
class Quiz:
    """A valid quiz: its id (the file's stem), source path and questions."""

    id: str
    path: Path
    name: str  # the path as messages show it
    questions: tuple
    versions: dict[str, str]  # question id -> hash of everything it says

    def line_of(self, *loc) -> int:
        """The line of a place in the file, for messages found after loading."""
        return line_of(_nodes(self.path.read_text(encoding="utf-8")), loc)


# Quizzes read in this process, by file: the build reads each one in two places (the
# quiz hook, cross-references to its questions), for each language, and on every save.
_quizzes: ProcessCache[Path, Quiz] = ProcessCache("each quiz is read for every language")


def read_quiz(path: Path, languages: tuple[str, ...], shown_as: str | None = None) -> Quiz:
    """load_quiz, once per version of the file (its messages name it as first asked)."""
    version = (file_version(path), languages)
    return _quizzes.get(path, version, lambda: load_quiz(path, languages, shown_as))


def load_quiz(path: Path, languages: tuple[str, ...], shown_as: str | None = None) -> Quiz:
    """Parse and validate one quiz file, or raise QuizError."""
    name = shown_as or path.as_posix()
    try:
        text = read_text(path, name)
    except OSError as err:
        raise QuizError(f"{name}: cannot read the quiz file ({err.strerror}).") from None
    except SourceError as err:
        raise QuizError(str(err)) from None
    data = _parse_yaml(text, name)
    try:
        quiz = QuizFile.model_validate(data, context={"languages": languages})
    except ValidationError as err:
        # A typo ("explantion") also makes a field missing: report the typo.
        errors = sorted(err.errors(), key=lambda e: e["type"] != "extra_forbidden")
        raise QuizError(_describe(errors[0], _nodes(text), data, name)) from None
    try:
        check_rules(quiz, languages)
    except RuleBreak as err:
        raise QuizError(f"{name}:{line_of(_nodes(text), err.loc)}: {err.message}") from None
    return Quiz(
        id=path.stem,
        path=path,
        name=name,
        questions=tuple(quiz.questions),
        versions={q.id: _version(q) for q in quiz.questions},
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _parse_yaml(text: str, name: str):
    """The file's data; YAML syntax errors and repeated keys name their lines."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as err:
        raise QuizError(yaml_error(err, name)) from None
    if not isinstance(data, dict):
        raise QuizError(
            f"{name}:1: expected a mapping with a 'questions' list at the top; "
            f"found {type(data).__name__ if data is not None else 'an empty file'}."
        )
    return data


def _nodes(text: str):
    """The YAML node tree, for line numbers: built only when there is an error to place."""
    return compose_yaml(text)


def _describe(error: dict, node, data, name: str) -> str:
    """A pydantic error in the author's terms."""
    loc = [part for part in error["loc"] if part not in QUESTION_TYPES or isinstance(part, int)]
    kind = error["type"]
    field = _field_name(loc)
    where = f"{name}:{line_of(node, loc)}: {_question_label(data, loc)}{field}"
    if kind == "missing":
        return f"{where}: this field is required but missing. Add '{loc[-1]}:'."
    if kind == "extra_forbidden":
        allowed = _allowed_keys(error, loc)
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        suggestion = f" Did you mean '{hint[0]}'?" if hint else ""
        return (
            f"{where}: unknown key '{loc[-1]}'.{suggestion} Expected one of: {', '.join(allowed)}."
        )
    if kind == "union_tag_invalid":
        found = error["input"].get("type")
        return f"{where} → type: expected one of {', '.join(QUESTION_TYPES)}; found {found!r}."
    if kind == "union_tag_not_found":
        return f"{where} → type: missing; expected one of {', '.join(QUESTION_TYPES)}."
    if kind.startswith("bool"):
        return f"{where}: expected true or false; found {error['input']!r}."
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
        return (
            f"{where}: expected lower-case letters, digits and hyphens (like 'emily-apples'); "
            f"found {error['input']!r}."
        )
    message = error["msg"].removeprefix("Value error, ")
    found = error.get("input")
    if kind.startswith("value_error"):
        return f"{where}: {message}."
    return f"{where}: {message}; found {found!r}."


def _field_name(loc: list) -> str:
    """'options[1].text' for ('questions', 0, 'options', 1, 'text')."""
    parts = loc[2:] if len(loc) >= 2 and loc[0] == "questions" else loc
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _question_label(data: dict, loc: list) -> str:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        questions = data.get("questions") or []
        question = questions[loc[1]] if loc[1] < len(questions) else None
        qid = question.get("id") if isinstance(question, dict) else None
        label = f"question '{qid}'" if qid else f"question {loc[1] + 1}"
        return label + (" → " if len(loc) > 2 else "")
    # A question-level error (a bad type) names the question alone.
    return ""


def _allowed_keys(error: dict, loc: list) -> list[str]:
    models = {
        "single": SingleChoice,
        "multiple": MultipleChoice,
        "true_false": TrueFalse,
        "short": ShortAnswer,
    }
    parent = loc[:-1]
    if not parent:
        return list(QuizFile.model_fields)
    if len(parent) >= 3 and parent[-2] == "options":
        return list(Option.model_fields)
    if parent[-1] == "accept":
        return list(Accept.model_fields)
    qtype = error.get("ctx", {}).get("tag") or _tag_of(error)
    return list(models.get(qtype, SingleChoice).model_fields)


def _tag_of(error: dict) -> str | None:
    return next((part for part in error["loc"] if part in QUESTION_TYPES), None)


def _version(question) -> str:
    """Changes whenever anything the question says changes, in any language."""
    blob = json.dumps(question.model_dump(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]
