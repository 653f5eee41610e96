"""Rewriting an author's text file without changing how it is saved.

A command that edits a page or mkdocs.yml changes only what it means to: a
byte-order mark, Windows line ends (CRLF) and the last line's newline, or its
absence, come back as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BOM = b"\xef\xbb\xbf"


def rewrite(path: Path, change: Callable[[str], str]) -> None:
    """Apply `change` to the file's text with '\\n' line ends; save it in the file's form."""
    data = path.read_bytes()
    bom = BOM if data.startswith(BOM) else b""
    text = data[len(bom) :].decode("utf-8")
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    text = change(text)
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes(bom + text.encode("utf-8"))
