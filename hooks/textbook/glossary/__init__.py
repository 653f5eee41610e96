"""The book's bilingual glossary (docs/glossary.yml).

load.py      reading the file: YAML with line numbers, its shape, duplicate terms
mark.py      each term's first use in every section of a chapter, during the render
check.py     partner blocks use the same terms in both languages (the parity check)
page.py      the glossary page of one language, sorted as its readers expect
uses.py      a built page's tips, and the glossary page's list of where terms are used
state.py, hook.py    one language's build state; the MkDocs glue
"""
