"""Whether a translation still matches the version of its source it was checked against.

`python hooks/book.py reviewed PAGE` records in the translation's front matter
the git blob id of the source file as it was reviewed:

    translation_of: "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"

It is what `git hash-object docs/chapters/x.zh.md` prints, so once that version is
committed, `git cat-file -p 3b18e51` gives it back: the block report (`changes`)
compares it with the source as it is now. The translation is stale when the
source's body differs from the reviewed one (front matter and spaces at line
ends do not count, as before).

An older record, a 12-digit hash of the body, still tells fresh from stale; the
reviewed version itself is unknown then. A blob id git does not have (never
committed, a shallow clone) is stale with the version "missing": commands fall
back to the page-level report and say so in one line.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from textbook.build_state import lives_across_builds
from textbook.sources.files import SourceError
from textbook.sources.pages import Source, front_matter
from textbook.sources.rewrite import rewrite

FIELD = "translation_of"
_BLOB = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


@lives_across_builds("a blob never changes: git is asked for it once per process")
class GitBlobs:
    """The texts of the blobs git has, by (repository folder, id). A blob git lacks is asked
    for again next time: the author may commit it while `mkdocs serve` runs."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], str] = {}

    def text(self, blob: str, folder: Path) -> str | None:
        key = (str(folder), blob)
        if key not in self._texts:
            found = _ask_git(blob, folder)
            if found is None:
                return None
            self._texts[key] = found
        return self._texts[key]


_blobs = GitBlobs()  # each stale page's reviewed version, for every build and command


@dataclass(frozen=True)
class Freshness:
    fresh: bool
    since: str | None  # when the source last changed, for a stale page (YYYY-MM-DD)
    recorded: str | None
    current: str
    # "known": the reviewed source's text is below; "unknown": an old-style record;
    # "missing": a blob id git cannot give back.
    version: str = "unknown"
    reviewed_text: str | None = None  # the source file as it was reviewed

    @property
    def blob(self) -> str | None:
        """The reviewed version's blob id, when the record is one."""
        recorded = str(self.recorded) if self.recorded is not None else ""
        return recorded if _BLOB.fullmatch(recorded) else None


def source_hash(source: Source) -> str:
    """A short hash of a page body; whitespace at line ends does not count (old records)."""
    return hashlib.sha256(_normalized(source.body).encode("utf-8")).hexdigest()[:12]


def blob_id(data: bytes, length: int = 40) -> str:
    """`git hash-object` of these bytes (SHA-1, or SHA-256 for a 64-digit repository id)."""
    digest = hashlib.sha1 if length == 40 else hashlib.sha256
    return digest(b"blob %d\0" % len(data) + data).hexdigest()


def freshness(translation: Source, source: Source) -> Freshness:
    recorded = translation.meta.get(FIELD)
    if recorded is None:
        return Freshness(False, changed_on(source.path), None, source_hash(source))
    recorded = str(recorded)
    if not _BLOB.fullmatch(recorded):
        current = source_hash(source)
        fresh = recorded == current
        return Freshness(fresh, None if fresh else changed_on(source.path), recorded, current)
    current = blob_id(source.path.read_bytes(), len(recorded))
    if recorded == current:
        return Freshness(True, None, recorded, current, "known", None)
    old = read_blob(recorded, source.path.parent)
    if old is None:
        return Freshness(False, changed_on(source.path), recorded, current, "missing")
    if _normalized(_body(old, source.name)) == _normalized(source.body):
        return Freshness(True, None, recorded, current, "known", old)
    return Freshness(False, changed_on(source.path), recorded, current, "known", old)


def read_blob(blob: str, folder: Path) -> str | None:
    """The text of a blob of the repository `folder` is in, or None when git lacks it."""
    return _blobs.text(blob, folder)


def _ask_git(blob: str, folder: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "cat-file", "blob", blob], cwd=folder, capture_output=True, check=False
        )
    except OSError:  # no git at all
        return None
    return _decode(result.stdout) if result.returncode == 0 else None


def missing_version(translation: Source, source: Source, state: Freshness) -> str:
    """The one line every command says when the reviewed version is not in the repository."""
    return (
        f"{translation.name}: the reviewed version of {source.name} ({state.blob[:7]}) is not "
        "in this repository (never committed, or a shallow clone: fetch the whole history); "
        "only the page-level report is available."
    )


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
    """Record in the translation's front matter that it matches the source as it is now:
    the source file's blob id. Only the front matter changes: a byte-order mark, Windows
    line ends and the last line's newline (or its absence) stay as they were."""
    value = _hash_object(source.path)
    rewrite(translation, lambda text: set_field(text, FIELD, f'"{value}"'))
    return value


def set_field(text: str, field: str, value: str) -> str:
    """The text with `field: value` in its front matter (added, with one if it has none)."""
    line = f"{field}: {value}"  # quoted by the caller: YAML would read 0123... as a number
    lines = text.split("\n")
    if lines[0] == "---" and "---" in lines[1:]:
        end = lines.index("---", 1)
        pattern = re.compile(rf"^{re.escape(field)}:")
        at = next((i for i in range(1, end) if pattern.match(lines[i])), None)
        if at is None:
            lines.insert(end, line)
        else:
            lines[at] = line
    else:
        lines[:0] = ["---", line, "---", ""]
    return "\n".join(lines)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _normalized(body: str) -> str:
    return "\n".join(line.rstrip() for line in body.strip().splitlines())


def _hash_object(path: Path) -> str:
    """The id git gives the file (after its own line-end filters, if the repository has any)."""
    try:
        result = subprocess.run(
            ["git", "hash-object", "--", path.name], cwd=path.parent, capture_output=True, text=True
        )
    except OSError:
        result = None
    if result is not None and result.returncode == 0 and _BLOB.fullmatch(result.stdout.strip()):
        return result.stdout.strip()
    return blob_id(path.read_bytes())


def _decode(data: bytes) -> str:
    text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _body(text: str, name: str) -> str:
    try:
        return front_matter(text, name)[0]
    except SourceError:
        return text
