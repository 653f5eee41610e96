"""A textbook's numbered material: figures, tables, equations, cross-references.

extension.py     the book's Python-Markdown extension (math too, from ../math)
collect.py       what a rendered page holds: numbered items, headings, references
book_numbers.py  book-wide numbers (图 1-2 / Figure 1-2) and every reference's text
quiz_refs.py     quiz questions as reference targets
shared_assets.py one image for every language
source_lines.py  line numbers for messages
hook.py          the MkDocs glue
"""
