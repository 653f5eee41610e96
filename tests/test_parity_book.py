"""A generated book of 120 page pairs: the checker reports exactly what was planted."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import BOOK, ROOT
from parity_helpers import MORE_EXTENSIONS, status_of
from textbook.testing.parity_book import generate, with_tabs_and_footnotes

WHERE = re.compile(r"^(docs/chapters/p-\d+\.en\.md):(\d+): ")


def test_the_checker_reports_exactly_the_planted_differences(tmp_path):
    docs = tmp_path / "docs"
    plants = generate(docs, pages=120)
    status = status_of(docs, MORE_EXTENSIONS)
    assert len({p.page for p in plants}) == 40 and status.warnings == []
    reported = {}
    for problem in status.problems:
        where = WHERE.match(problem)
        assert where, problem
        reported.setdefault((where.group(1), int(where.group(2))), []).append(problem)
    assert sorted(reported) == sorted((p.page, p.line) for p in plants)
    for plant in plants:
        (message,) = reported[(plant.page, plant.line)]
        assert plant.says in message, message


def test_the_shapes_vary():
    from textbook.testing.parity_book import _MAKERS

    assert len({maker.__name__ for maker in _MAKERS}) >= 10


def test_the_status_command_reports_the_planted_differences(tmp_path):
    plants = generate(tmp_path / "docs", pages=60)
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = with_tabs_and_footnotes((BOOK / "mkdocs.yml").read_text("utf-8"))
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    result = subprocess.run(
        [sys.executable, "hooks/book.py", "status"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    found = {
        (where.group(1), int(where.group(2)))
        for line in result.stdout.splitlines()
        if (where := WHERE.match(line.strip()))
    }
    assert found == {(p.page, p.line) for p in plants}
