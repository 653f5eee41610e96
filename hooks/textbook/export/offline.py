"""The offline copy: the site built again with file names for links, zipped.

`chapters/x/` opens a folder, not its index.html, from disk; `--no-directory-urls`
writes `chapters/x.html` links that a browser follows from a file:// address. Search
fetches its index with fetch(), which browsers refuse from file://: the copy's README
says how to serve the folder (one command) for search.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from textbook.export import ExportError
from textbook.export.assemble import ENV
from textbook.search.pagefind_index import OUTPUT, index_site


def write_offline(config: MkDocsConfig, output: Path, ui: dict[str, dict]) -> None:
    """Build the site for disk into a temporary folder and zip it under one top folder."""
    name = config.extra["book_file_name"]
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / name
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            # The copy's download links point at the files on the book's own site.
            "BOOK_DOWNLOADS_URL": (config.site_url or "") + "downloads/",
        }
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        command += ["--no-directory-urls", "-f", config.config_file_path, "-d", str(site)]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise ExportError(f"building the offline copy failed:\n{result.stderr}")
        _index_pages(site)
        readme = ENV.get_template("offline-readme.txt").render(ui=ui, name=name)
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{name}/README.txt", readme)
            for file in sorted(site.rglob("*")):
                if file.is_file():
                    archive.write(file, file.relative_to(site.parent).as_posix())


def _index_pages(site: Path) -> None:
    """Index `chapters/x.html` too (the site's search indexes `*/index.html` pages only);
    the 404 pages stay out of the index, as on the site."""
    shutil.rmtree(site / OUTPUT)
    missing = sorted(site.rglob("404.html"))
    with tempfile.TemporaryDirectory() as aside:
        for number, page in enumerate(missing):
            shutil.move(page, Path(aside) / str(number))
        try:
            index_site(site, pages="**/*.html")
        finally:
            for number, page in enumerate(missing):
                shutil.move(Path(aside) / str(number), page)
