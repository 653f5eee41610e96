"""Keeping the languages in step.

parity/      both languages of a page have the same blocks, paired one to one
stale/       a translation behind its source: freshness, what changed, the marks, `changes`
check.py     the whole book's checks, shared by the build and `hooks/book.py`
settings.py  `extra → parity` in mkdocs.yml, read once into a ParitySettings
rendering.py each page as it renders: its outline recorded, the marks' job set
outcome.py   how a build ends: every problem of the book in one error, no half site
state.py, hook.py    one build's state (and the command); the MkDocs glue
"""
