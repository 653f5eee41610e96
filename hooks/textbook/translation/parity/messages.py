"""The checker's words: one line per problem, file:line on both sides, what to do.

docs/chapters/x.en.md:31: missing the second-level heading 'Section two' {#two}
of docs/chapters/x.zh.md:31; add it here, before the heading 'Quiz'.
"""

from __future__ import annotations

from textbook.sources.outline import Block
from textbook.translation.parity.code import STRINGS_TRANSLATED, TRANSLATED, Token

_LEVELS = ["first", "second", "third", "fourth", "fifth", "sixth"]
_BOX_STATES = {"open": "open (!!! or ???+)", "collapsed": "collapsed (???)"}


def describe(block: Block) -> str:
    """'the second-level heading 'Title' {#id}', 'the 'note' box', 'the table'..."""
    if block.kind == "heading":
        ident = f" {{#{block.key}}}" if block.key else ""
        return f"the {_level(block)} heading '{block.label}'{ident}"
    if block.kind == "paragraph" and block.label:
        return f"the paragraph '{block.label}…'"
    if block.kind == "figure" and block.key:
        return f"the figure {{#{block.key}}}"
    if block.kind == "math" and block.key:
        return f"the equation \\label{{{block.key}}}"
    named = _NAMED.get(block.kind)
    return named(block) if named else f"the {_WORDS.get(block.kind, block.kind)}"


def missing(tr: str, line: int, block: Block, src: str, before: Block | None) -> str:
    where = f"here, before {describe(before)}" if before else "at the end"
    return f"{tr}:{line}: missing {describe(block)} of {src}:{block.line}; add it {where}."


def extra(tr: str, block: Block, src: str, line: int) -> str:
    return (
        f"{tr}:{block.line}: {describe(block)} is not in {src} (it would be at line {line}); "
        "remove it, or add it there."
    )


def heading_level(tr: str, b: Block, src: str, a: Block) -> str:
    return (
        f"{tr}:{b.line}: '{b.label}' is a {_level(b)} heading where {src}:{a.line} "
        f"'{a.label}' is {_level(a)}; use the same level."
    )


def heading_id(tr: str, b: Block, src: str, a: Block) -> str:
    here = f"{tr}:{b.line}: the heading '{b.label}'"
    there = f"{src}:{a.line}"
    if not b.key:
        return f"{here} has no id where {there} has {{#{a.key}}}; add {{#{a.key}}}."
    if not a.key:
        return f"{here} has the id {{#{b.key}}} where {there} has none; give both the same id."
    return f"{here} has the id {{#{b.key}}} where {there} has {{#{a.key}}}; use {{#{a.key}}}."


def shape(tr: str, b: Block, src: str, a: Block) -> str:
    """A paired block whose shape differs: list items, table size, box kind or state..."""
    here, there = f"{tr}:{b.line}", f"{src}:{a.line}"
    if b.kind == "list":
        return f"{here}: {_list(b)} where {there} has {_list(a)}; keep the items parallel."
    if b.kind == "table":
        return f"{here}: a table of {_size(b)} where {there} has {_size(a)}."
    if b.kind == "tabs":
        return (
            f"{here}: tabs {_labels(b)} where {there} has {_labels(a)}; use the same tabs "
            "in the same order."
        )
    if b.kind == "box":
        kind_a, state_a, titled_a = a.shape.split(" ")
        kind_b, state_b, titled_b = b.shape.split(" ")
        if kind_a != kind_b:
            return (
                f"{here}: {_a(kind_b)} box where {there} has {_a(kind_a)} box; use the same kind."
            )
        if state_a != state_b:
            return (
                f"{here}: the '{kind_b}' box is {_BOX_STATES[state_b]} where {there} is "
                f"{_BOX_STATES[state_a]}; use the same marker."
            )
        if titled_a == "titled":
            return (
                f"{here}: the '{kind_b}' box has no title where {there} has '{a.label}'; add one."
            )
        return f"{here}: the '{kind_b}' box has the title '{b.label}' where {there} has none."
    return f"{here}: {describe(b)} where {there} has {describe(a)}; use the same in both."


def code(tr: str, b: Block, tb: Token, src: str, a: Block, ta: Token) -> str:
    return (
        f"{tr}:{_at(b, tb)}: the code differs from {src}:{_at(a, ta)}: {_token(tb)} where it "
        f"has {_token(ta)}; only comments may differ (text in each language: mark both "
        f"fences {{ .{TRANSLATED} }})."
    )


def strings(tr: str, b: Block, tb: Token, src: str, a: Block, ta: Token) -> str:
    return (
        f"{tr}:{_at(b, tb)}: the string {tb.value} differs from {ta.value} at "
        f"{src}:{_at(a, ta)}; if it is translated on purpose, mark both fences "
        f"{{ .{STRINGS_TRANSLATED} }}."
    )


def moved(tr: str, b: Block, src: str, a: Block, line: int, before: Block | None) -> str:
    where = f"to line {line}, before {describe(before)}" if before else "to the end"
    return (
        f"{tr}:{b.line}: {describe(b)} is out of place: {src}:{a.line} has it elsewhere; "
        f"move it {where}."
    )


def link_missing(tr: str, line: int, href: str, src: str, src_line: int, external: bool) -> str:
    advice = (
        "add it, or declare the two sites' language versions in mkdocs.yml "
        "(extra → parity → same_page)"
        if external
        else "link the same place in every language"
    )
    return f"{tr}:{line}: missing the link to '{href}' of {src}:{src_line}; {advice}."


def link_extra(tr: str, line: int, href: str, src: str) -> str:
    return f"{tr}:{line}: the link to '{href}' is not in {src}; remove it, or add it there."


def link_target(tr: str, line: int, href_b: str, src: str, src_line: int, href_a: str) -> str:
    return (
        f"{tr}:{line}: a link to '{href_b}' where {src}:{src_line} links to '{href_a}'; "
        "a link goes to the same place in every language."
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Blocks named by what they show; the others by their kind's words.
_NAMED = {
    "box": lambda b: f"the '{b.key}' box",
    "list": lambda b: f"the {_list_kind(b)} list",
    "tabs": lambda b: f"the tabs {_labels(b)}",
    "tab": lambda b: f"the tab '{b.label}'",
    "image": lambda b: f"the image '{b.key}'",
    "quiz": lambda b: f"the quiz '{b.key}'",
    "html": lambda b: f"the HTML block <{b.key}>",
}
_WORDS = {"code": "code block", "math": "math block", "rule": "horizontal rule"}


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} '{kind}'"


def _level(block: Block) -> str:
    return f"{_LEVELS[int(block.shape[1]) - 1]}-level"


def _list_kind(block: Block) -> str:
    kind = block.shape.split(" ")[0]
    return {"ordered": "numbered", "definition": "definition"}.get(kind, "bulleted")


def _list(block: Block) -> str:
    count = int(block.shape.split(" ")[1])
    return f"a {_list_kind(block)} list of {count} item{'s' if count != 1 else ''}"


def _size(block: Block) -> str:
    rows, columns = (int(n) for n in block.shape.split("x"))
    return f"{rows} row{'s' if rows != 1 else ''} x {columns} column{'s' if columns != 1 else ''}"


def _labels(block: Block) -> str:
    return "(" + ", ".join(f"'{label}'" for label in block.label.split("\x1f")) + ")"


def _at(block: Block, token: Token) -> int:
    """The line of a token: the fence's line, plus one, plus its line in the code."""
    return block.line + 1 + token.line


def _token(token: Token) -> str:
    return f"'{token.value}'" if token.value else "the end of the block"
