"""The shape of a quiz file: pydantic models, strict about unknown keys.

Texts hold one entry per language ({zh: ..., en: ...}); ids, types and the
answer key are written once, so the languages cannot disagree on the answer.
Rules about meaning (one correct option, unique ids) live in rules.py.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_text(value: object, info: ValidationInfo) -> object:
    """A text must be a mapping with a non-empty string for each language, and no other."""
    languages = (info.context or {}).get("languages", ("zh", "en"))
    if not isinstance(value, dict):
        raise ValueError(
            f"expected a text in each language ({', '.join(languages)}); found {value!r}"
        )
    missing = [lang for lang in languages if lang not in value]
    if missing:
        raise ValueError(f"missing the {' and '.join(missing)} text")
    unknown = [key for key in value if key not in languages]
    if unknown:
        raise ValueError(f"unknown language {unknown[0]!r}; the book has {', '.join(languages)}")
    for lang in languages:
        if not isinstance(value[lang], str) or not value[lang].strip():
            raise ValueError(f"the {lang} text is empty or not a string; found {value[lang]!r}")
    return value


# A text in every language of the book, checked by _check_text.
LocalText = dict[str, str]


class Option(_Strict):
    text: LocalText
    correct: bool = False
    explanation: LocalText | None = None

    _texts = field_validator("text", "explanation", mode="before")(_check_text)


class _Question(_Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    question: LocalText
    explanation: LocalText
    hint: LocalText | None = None
    section: Annotated[str, Field(pattern=r"^[^#\s]+$")] | None = None

    _texts = field_validator("question", "explanation", "hint", mode="before")(_check_text)


class SingleChoice(_Question):
    type: Literal["single"]
    options: list[Option]
    # Readers see options in an order of their own unless the author pins it.
    pin_order: bool = False


class MultipleChoice(_Question):
    type: Literal["multiple"]
    options: list[Option]
    pin_order: bool = False


class TrueFalse(_Question):
    type: Literal["true_false"]
    answer: bool
    pin_order: bool = False
    explain_true: LocalText | None = None
    explain_false: LocalText | None = None

    _why = field_validator("explain_true", "explain_false", mode="before")(_check_text)


class Accept(_Strict):
    """Accepted short answers: numbers (compared as numbers) and texts per language."""

    numbers: list[float] = []
    tolerance: Annotated[float, Field(ge=0)] = 0.0
    texts: dict[str, list[str]] | None = None


class ShortAnswer(_Question):
    type: Literal["short"]
    accept: Accept


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | ShortAnswer, Field(discriminator="type")
]
QUESTION_TYPES = ("single", "multiple", "true_false", "short")


class QuizFile(_Strict):
    questions: list[Question]
