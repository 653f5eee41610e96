"""A changed block's old and new text with the changed words marked.

Text is cut into words where words have spaces between them (English) and into
characters where they do not (Chinese, Japanese), by one rule for every
language: a run of letters without CJK characters is a word, a CJK character is
one. difflib's SequenceMatcher finds the changed runs; long unchanged stretches
are shortened to their ends.

    marked("回顾整条训练流水线", "回顾一下训练流水线")
    ("回顾[-整条-]训练流水线", "回顾{+一下+}训练流水线")
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

# CJK ideographs, kana, Hangul and full-width forms: one token each.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"[{_CJK}]|[^\s{_CJK}\W]+|\s+|[^\s{_CJK}]", re.UNICODE)
CONTEXT = 30  # characters of unchanged text kept on each side of a change


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def marked(old: str, new: str) -> tuple[str, str]:
    """(old with [-removed-] runs, new with {+added+} runs), spaces collapsed."""
    a, b = tokens(" ".join(old.split())), tokens(" ".join(new.split()))
    left, right = [], []
    opcodes = _joined(SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), a)
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            same = _shortened("".join(a[i1:i2]), index == 0, index == len(opcodes) - 1)
            left.append(same)
            right.append(same)
            continue
        if i2 > i1:
            left.append(f"[-{''.join(a[i1:i2])}-]")
        if j2 > j1:
            right.append(f"{{+{''.join(b[j1:j2])}+}}")
    return "".join(left), "".join(right)


def shortened(text: str, limit: int = 2 * CONTEXT) -> str:
    """A block's text on one line, cut after `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _joined(opcodes: list, a: list[str]) -> list:
    """Two changes with only a space between them are one: "[-the textbook-]"."""
    out: list = []
    for op in opcodes:
        if (
            len(out) >= 2
            and op[0] != "equal"
            and out[-1][0] == "equal"
            and out[-2][0] != "equal"
            and not "".join(a[out[-1][1] : out[-1][2]]).strip()
        ):
            out.pop()  # the space, now inside the change
            change = out.pop()
            out.append(("replace", change[1], op[2], change[3], op[4]))
        else:
            out.append(op)
    return out


def _shortened(text: str, first: bool, last: bool) -> str:
    if len(text) <= 2 * CONTEXT + 1 or (first and last and len(text) <= 4 * CONTEXT):
        return text
    head = "" if first else text[:CONTEXT]
    tail = "" if last else text[-CONTEXT:]
    return f"{head}…{tail}"
