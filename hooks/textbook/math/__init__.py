"""Math at build time: TeX to MathML Core, with no script for readers.

tex.py        TeX to MathML, and what the book refuses besides
converter.py  Temml (vendored in temml/) run in-process on V8, through mini-racer
macros.py     the book's macros from mkdocs.yml (extra.math.macros)
extension.py  the Markdown syntax (arithmatex's), rendered by tex.py
"""
