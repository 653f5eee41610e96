"""Search with Pagefind behind Material's search box.

pagefind_index.py  Pagefind over the built site, one index per language
index_book.py      the build's index: Pagefind's, or the one serve kept
serve_index.py     where `mkdocs serve` keeps its first build's index (across rebuilds)
hook.py            the MkDocs glue: index once every language is written
"""
