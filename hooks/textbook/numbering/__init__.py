"""A textbook's numbered material: figures, tables, equations, cross-references.

extension.py     the book's Python-Markdown extension (math too, from ../math)
state.py         what one language's build collects (NumberingLanguage)
collect.py       what a rendered page holds: numbered items, headings, references
book_numbers.py  book-wide numbers (图 1-2 / Figure 1-2) and every reference's text
number_pages.py  a rendered language's pages numbered, references checked and filled
labels.py        the words of numbers and references in one language
quiz_refs.py     quiz questions as reference targets
shared_assets.py one image for every language
admonitions.py   untitled boxes' titles in each language
source_lines.py  line numbers for messages; shown_name.py the file a message names
hook.py          the MkDocs glue
"""
