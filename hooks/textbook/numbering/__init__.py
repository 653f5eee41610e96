"""A textbook's material: math, figures, tables, numbered items and cross-references.

Plain modules, called by the thin MkDocs hook `hooks/textbook/numbering/hook.py` and by tests.
"""
