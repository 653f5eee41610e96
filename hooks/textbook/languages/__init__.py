"""The site's languages.

ui_strings.py    interface text per language, from hooks/ui_strings.yml
alternates.py    each page's other-language versions: hreflang links and the switcher
not_found.py     a 404 page per language (NotFoundPages, one build's state)
hook.py          the MkDocs glue
"""
