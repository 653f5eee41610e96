"""The `export` subcommand of hooks/book.py: build the site (or take a build), then export."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textbook.export import FORMATS


def add_export_arguments(parser) -> None:
    parser.add_argument(
        "--site-dir", type=Path, help="the built site (default: the config's site_dir)"
    )
    parser.add_argument(
        "--no-build", action="store_true", help="export the site already built in --site-dir"
    )
    parser.add_argument(
        "--formats", nargs="+", choices=FORMATS, default=list(FORMATS), help="what to write"
    )
    parser.add_argument(
        "--tab",
        action="append",
        metavar="LABEL",
        help="a print edition that keeps, in every tab set, the tab with this label (or the "
        "first tab); repeat for several editions, each named with its label. Default: one "
        "edition with the first tab of every set",
    )


def export_command(config, args) -> int:
    # Imported here: `book.py --help` and the other commands work without the export's libraries.
    from textbook.export.run import ExportError, download_paths, export_book

    site_dir = (args.site_dir or Path(config.site_dir)).resolve()
    if not args.no_build:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        command += ["-f", str(args.config_file), "-d", str(site_dir)]
        if subprocess.run(command, env=env).returncode != 0:
            print("mkdocs build --strict failed: nothing exported.", file=sys.stderr)
            return 1
    if not (site_dir / "index.html").exists():
        print(f"{site_dir}: no built site here; run without --no-build.", file=sys.stderr)
        return 2
    try:
        timings = export_book(config, site_dir, args.formats, args.tab)
    except ExportError as err:
        print(f"export: {err}", file=sys.stderr)
        return 1
    written = {}  # path -> format, each file once (every edition shares the offline copy)
    for tab in args.tab or [None]:
        written |= {
            path: key.split("-")[0] for key, path in download_paths(config, site_dir, tab).items()
        }
    for path, kind in written.items():
        if path.exists() and kind in args.formats:
            print(f"wrote {path.relative_to(site_dir).as_posix()} ({path.stat().st_size:,} bytes)")
    print("seconds: " + ", ".join(f"{name} {value:.1f}" for name, value in timings.items()))
    return 0
