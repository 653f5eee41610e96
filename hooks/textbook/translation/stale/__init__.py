"""A translation behind its source.

freshness.py  fresh or stale: the reviewed source's git blob id, `reviewed`'s record
since.py      what changed in the source since the review, block by block
wording.py    old → new with the changed words marked
changes.py    a page's report for the CLI (`changes`), the checks and the build
prepare.py    stale pages in the build: the source's side, then the marks
marks.py      the marks on a stale translation's blocks, put in as it renders
notice.py     what the stale notice reads from the page context (and keeps under serve)
"""
