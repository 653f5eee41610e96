"""The words of numbered items and references in one language, from ui_strings.yml."""

from __future__ import annotations


def number_labels(ui: dict[str, str]) -> dict[str, dict[str, str]]:
    """ "caption": a caption's label by kind ("图 {number}"); "ref": a reference's text."""
    return {
        "caption": {
            "figure": ui["figure_label"],
            "table": ui["table_label"],
            "equation": ui["equation_number"],
        },
        "ref": {
            "figure": ui["figure_label"],
            "table": ui["table_label"],
            "equation": ui["equation_label"],
            "question": ui["question_label"],
        },
    }
