"""Code blocks by meaning: the highlighter's Pygments tokens, without comments.

Two languages' copies of a code block must be the same program. Comments (and
docstrings, which are documentation) are translated and do not count; a string
literal that differs is a milder finding an author accepts per block with
`{ .strings-translated }`; anything else (a dropped statement, a changed
number) is a real difference. `{ .translated }` on both fences skips the
comparison (console output in another language, prose in a text block).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from pygments.token import STANDARD_TYPES, Comment, String

TRANSLATED = "translated"
STRINGS_TRANSLATED = "strings-translated"

# Pygments' short CSS classes ("c1", "s2", ...) back to token types.
_TYPES = {short: ttype for ttype, short in STANDARD_TYPES.items() if short}


@dataclass(frozen=True, slots=True)
class Token:
    group: str  # "code" or "string"
    value: str
    line: int  # 0 for the block's first line of code


@dataclass(frozen=True, slots=True)
class Code:
    tokens: tuple[Token, ...]
    marks: frozenset[str] = frozenset()
    lines: int = 0  # lines of code: the closing fence is this many lines after the first

    @property
    def key(self) -> tuple:
        """What two equal blocks share."""
        return tuple((t.group, t.value) for t in self.tokens)

    @classmethod
    def of_text(cls, text: str) -> Code:
        """Code without highlighting: its words."""
        tokens = []
        for number, line in enumerate(text.split("\n")):
            tokens += [Token("code", word, number) for word in line.split()]
        return cls(tuple(tokens), lines=text.count("\n"))


@dataclass(frozen=True, slots=True)
class Difference:
    strings_only: bool
    source: Token  # the first differing token on each side ("" past the end)
    translation: Token


def compare_code(
    source: Code, translation: Code, *, strings_translated: bool = False
) -> Difference | None:
    """None when the blocks are the same program (or both are marked as translated).

    The first difference named is the first real one (a number, a name, a missing
    statement), past any string literal that differs: a translated string is milder,
    and naming it first would hide the difference that matters. Strings may differ
    freely when both fences say so, or when the book translates every string
    (`strings_translated`, from `extra.parity.code_strings: translated`).
    """
    if TRANSLATED in source.marks and TRANSLATED in translation.marks:
        return None
    a, b = source.tokens, translation.tokens
    if source.key == translation.key:
        return None
    real = _first_difference(a, b, lambda t: (t.group, "" if t.group == "string" else t.value))
    if real is not None:
        return Difference(False, _at(source, real), _at(translation, real))
    if strings_translated or STRINGS_TRANSLATED in source.marks & translation.marks:
        return None
    first = _first_difference(a, b, lambda t: (t.group, t.value))
    return Difference(True, _at(source, first), _at(translation, first))


def _first_difference(a, b, key) -> int | None:
    """The index of the first token that differs by `key` (a length, past the shorter)."""
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if key(x) != key(y):
            return index
    return None if len(a) == len(b) else min(len(a), len(b))


def tokens_of_html(html: str) -> Code:
    """The tokens of a block highlighted by Pygments (pymdownx.highlight's HTML)."""
    parser = _Highlighted()
    parser.feed(html)
    parser.close()
    return Code(tuple(_merge_strings(parser.tokens)), frozenset(parser.marks), parser.line)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _Highlighted(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.marks: set[str] = set()
        self.classes: list[str] = []  # the open elements' classes
        self.line = 0
        self.in_code = 0

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if not self.tokens and not self.in_code and tag in ("div", "pre", "table"):
            self.marks |= {TRANSLATED, STRINGS_TRANSLATED} & set(cls.split())
        self.in_code += tag == "code"
        self.classes.append(cls)

    def handle_endtag(self, tag):
        self.in_code -= tag == "code"
        if self.classes:
            self.classes.pop()

    def handle_data(self, data):
        if not self.in_code or any("lineno" in c for c in self.classes):
            return
        ttype = _TYPES.get(self.classes[-1].split(" ")[0]) if self.classes else None
        if ttype is not None and ttype in Comment and ttype not in Comment.Preproc:
            pass
        elif ttype is not None and ttype in String.Doc:
            pass
        elif data.strip():
            group = "string" if ttype is not None and ttype in String else "code"
            self.tokens.append(Token(group, data.strip(), self.line))
        self.line += data.count("\n")


def _at(code: Code, index: int) -> Token:
    """The token at an index; past the end, an empty one on the closing fence's line."""
    if index < len(code.tokens):
        return code.tokens[index]
    return Token("code", "", code.lines)


def _merge_strings(tokens: list[Token]) -> list[Token]:
    """One string literal may be several tokens (quotes, escapes, interpolation)."""
    merged: list[Token] = []
    for token in tokens:
        if merged and token.group == merged[-1].group == "string":
            last = merged[-1]
            merged[-1] = Token("string", last.value + token.value, last.line)
        else:
            merged.append(token)
    return merged
