"""Read what Pagefind wrote into a built site: its entry file and each page's fragment."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

# Pagefind's files are gzip data behind this signature.
SIGNATURE = b"pagefind_dcd"


def entry(site_dir: Path) -> dict:
    return json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text("utf-8"))


def fragments(site_dir: Path, lang: str) -> list[dict]:
    """Every indexed page of one language: url, title, the text Pagefind holds."""
    pages = []
    for path in sorted((site_dir / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        pages.append(json.loads(data[len(SIGNATURE) :]))
    return pages
