"""A generated book of 120 page pairs: the checker reports exactly what was planted."""

from __future__ import annotations

import re

from parity_book import generate
from parity_helpers import MORE_EXTENSIONS, status_of

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
    from parity_book import _MAKERS

    assert len({maker.__name__ for maker in _MAKERS}) >= 10
