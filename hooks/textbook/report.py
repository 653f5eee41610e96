"""Every problem of the book in one report, like a compiler's: grouped by file, in line order.

The checks run at different moments of a build (quiz files and missing pages
before rendering, math, figures and references once a language is rendered, the
languages' structure once all are). Each adds its messages here instead of
stopping the build, so that an author who fixes one kind does not then meet the
next; the last language's build raises once with all of them (translation/hook.py), and a
failed build leaves nothing written (`remove_written`).

A message starts with where it is: `docs/chapters/x.en.md:12: ...`, or a file
alone (`docs/quizzes/x.yml: ...`, `docs/chapters/x.zh.md has no en version...`).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from textbook.build_state import BuildState

log = logging.getLogger("mkdocs.hooks.parity")
_WHERE = re.compile(r"(?P<file>[^\s:]+)(?::(?P<line>\d+))?(?=[:\s]|$)")


@dataclass
class BookReport:
    """The problems one build has found so far (textbook/build_state.py)."""

    # Messages in the order they were found, once each: a language's build may find one again.
    found: dict[str, None] = field(default_factory=dict)


# The one report every feature's hook adds to (a hook cannot import another); `take()` hands
# it over when a build ends, and the next build's starts empty.
_pending = BuildState(BookReport)


class BookProblems(PluginError):
    """The build stops on these problems; `problems` holds them, ordered."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        super().__init__(f"The build stopped on {count}:\n  " + "\n  ".join(problems))


def add(*messages: str) -> None:
    """Problems found now, reported when the build ends."""
    report = _pending.now
    for message in messages:
        report.found[message] = None


def take() -> list[str]:
    """The problems found so far, and none kept for the next build."""
    found = list(_pending.now.found)
    _pending.start()
    return found


def ordered(messages: list[str]) -> list[str]:
    """Grouped by file (mkdocs.yml first, then by path) and in line order within a file."""
    return sorted(dict.fromkeys(messages), key=where)


def where(message: str) -> tuple[bool, str, int]:
    found = _WHERE.match(message)
    if found is None:
        return (True, "", 0)
    file, line = found.group("file"), int(found.group("line") or 0)
    return (file != "mkdocs.yml", file, line)


def stop_if_any(messages: list[str]) -> None:
    """Raise one error with every problem, ordered; nothing when there is none."""
    if messages:
        raise BookProblems(ordered(messages))


def remove_written(site_dir: Path, since_ns: int) -> None:
    """Every file a failed build wrote (and folders left empty): no half site is published."""
    if not site_dir.is_dir():
        return
    removed = 0
    for root, dirs, names in os.walk(site_dir, topdown=False):
        for name in names:
            path = os.path.join(root, name)
            if os.stat(path).st_mtime_ns >= since_ns:
                os.remove(path)
                removed += 1
        for name in dirs:
            path = os.path.join(root, name)
            if not os.listdir(path):
                os.rmdir(path)
    if removed:
        log.info(f"Removed the {removed} files this build wrote to {site_dir}.")
