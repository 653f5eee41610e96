"""`mkdocs serve` at book size: cache.py restores the pages a save does not touch instead of
rendering them; mode.py is its registry for the other hooks; hook.py the MkDocs glue."""
