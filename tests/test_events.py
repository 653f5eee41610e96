"""The order in which MkDocs runs the book's handlers, event by event, as documented in
guides/contributors.md ("Events"). MkDocs sorts each event's handlers by priority (higher
first), then keeps the order of mkdocs.yml: plugins, then hooks in their list.

    .venv/bin/python tests/test_events.py           prints the table
    .venv/bin/python tests/test_events.py --write   writes it into the guide
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "guides" / "contributors.md"
START, END = "<!-- events:start -->", "<!-- events:end -->"


def _owner(handler) -> str:
    """The hook's feature folder (`quiz`), or the plugin (`static-i18n`, `material-search`)."""
    module = handler.__module__
    if module.endswith("/hook.py"):
        return Path(module).parent.name
    return {
        "mkdocs_static_i18n.plugin": "static-i18n",
        "material.plugins.search.plugin": "material-search",
    }.get(module, module)


def event_table() -> str:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    rows = ["| Event | Handlers, in the order they run (priority when not 0) |", "| --- | --- |"]
    for event, handlers in config.plugins.events.items():
        if not handlers:
            continue
        names = []
        for handler in handlers:
            priority = getattr(handler, "mkdocs_priority", 0)
            names.append(_owner(handler) + (f" ({priority:+g})" if priority else ""))
        rows.append(f"| `on_{event}` | {', '.join(names)} |")
    return "\n".join(rows)


def _guide_table() -> str:
    text = GUIDE.read_text("utf-8")
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_the_guide_shows_the_real_event_order():
    table = event_table()
    assert _guide_table() == table, (
        "guides/contributors.md's event table is out of date; run "
        f"`.venv/bin/python tests/test_events.py --write`, or paste:\n{table}"
    )


def test_the_book_is_checked_after_static_i18n_built_every_language():
    """The one report is raised in the translation hook's on_post_build, which must run after
    static-i18n's (it builds the other languages there) and before the search index."""
    post_build = next(
        row for row in event_table().splitlines() if row.startswith("| `on_post_build`")
    )
    order = post_build.split("|")[2].split(", ")
    assert order.index("static-i18n (-100)") < order.index("translation (-100)")
    assert order.index("translation (-100)") < order.index("search (-200)")


if __name__ == "__main__":
    table = event_table()
    if "--write" in sys.argv:
        text = GUIDE.read_text("utf-8")
        before, rest = text.split(START, 1)
        GUIDE.write_text(before + START + "\n" + table + "\n" + END + rest.split(END, 1)[1])
    print(table)
