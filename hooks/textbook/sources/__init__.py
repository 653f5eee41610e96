"""Reading the book's sources, once per build for every check.

pages.py       every Markdown page, read once and grouped by language
files.py       text files read as UTF-8 or a clear error; YAML with line numbers
outline.py     the Python-Markdown extension recording each page's blocks as they render
source_map.py  block lines from Python-Markdown's own block parser
lines.py       lines for what the parser does not place
store.py       outlines by file for the life of the process; the CLI's own conversion
fences.py      fenced code, found once for the line-based checks
blocks.py      blocks opened and never closed, a footnote defined twice
rewrite.py     rewriting an author's file in the form it was saved in
checks.py      mkdocs.yml and the templates checked before anything is written
hook.py        the MkDocs glue
"""
