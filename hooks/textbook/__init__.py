"""The bilingual textbook platform: one folder per feature, each with its plain modules and,
when it takes part in the build, a thin MkDocs hook (`hook.py`, listed in mkdocs.yml).
The map is in guides/contributors.md, "Package map"."""
