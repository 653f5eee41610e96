"""Search with Pagefind behind Material's search box: pagefind_index.py indexes the built
site, one index per language; hook.py runs it once every language is written."""
