"""Keeping the languages in step.

parity/      both languages of a page have the same blocks, paired one to one
stale/       a translation behind its source: freshness, what changed, the marks, `changes`
check.py     the whole book's checks, shared by the build and `hooks/book.py`
settings.py  `extra → parity` in mkdocs.yml
state.py, hook.py    one build's state; the MkDocs glue
"""
