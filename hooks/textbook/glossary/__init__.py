"""The book's bilingual glossary: loading, marking terms in chapters, the glossary page.

The MkDocs handlers are in hooks/glossary_terms.py; everything here works without
a running build, so the CLI and the tests call it directly.
"""
