"""The book off the web: PDF and EPUB per language and an offline copy, from the built site.

`python hooks/book.py export` calls `export_book`; each format has its own module.
"""


class ExportError(Exception):
    """The export cannot go on; the message says why and what to do."""


# What `export --formats` can write; export.run writes them.
FORMATS = ("pdf", "epub", "offline")
