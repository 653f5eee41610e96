"""Whether a translation still matches the version of its source it was checked against.

A translation's front matter records `translation_of:` a hash of the source
page's body (the default language's variant). `python hooks/book.py reviewed
PAGE` writes it after a review; when the source changes later, the translation
is stale until the next review.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from book_pages import Source

FIELD = "translation_of"


@dataclass(frozen=True)
class Freshness:
    fresh: bool
    since: str | None  # when the source last changed, for a stale page (YYYY-MM-DD)
    recorded: str | None
    current: str


def source_hash(source: Source) -> str:
    """A short hash of a page body; whitespace at line ends does not count."""
    body = "\n".join(line.rstrip() for line in source.body.strip().splitlines())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


def freshness(translation: Source, source: Source) -> Freshness:
    recorded = translation.meta.get(FIELD)
    current = source_hash(source)
    fresh = str(recorded) == current
    return Freshness(fresh, None if fresh else changed_on(source.path), recorded, current)


def changed_on(path: Path) -> str:
    """The day a file last changed: its last commit, or its mtime when uncommitted."""
    try:
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not dirty:
            day = subprocess.run(
                ["git", "log", "-1", "--format=%cs", "--", path.name],
                cwd=path.parent,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            if day:
                return day
    except (OSError, subprocess.CalledProcessError):
        pass
    return datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()


def mark_reviewed(translation: Path, source: Source) -> str:
    """Record in the translation's front matter that it matches the source as it is now."""
    value = source_hash(source)
    text = translation.read_text(encoding="utf-8")
    line = f'{FIELD}: "{value}"'  # quoted: YAML would read 0123... as a number
    if text.startswith("---\n"):
        end = text.index("\n---", 3)
        head = text[4:end]
        if re.search(rf"^{FIELD}:.*$", head, re.MULTILINE):
            head = re.sub(rf"^{FIELD}:.*$", line, head, flags=re.MULTILINE)
        else:
            head = (head + "\n" if head else "") + line
        text = "---\n" + head + text[end:]
    else:
        text = f"---\n{line}\n---\n\n" + text
    translation.write_text(text, encoding="utf-8")
    return value
