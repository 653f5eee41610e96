"""The site's languages: interface text from hooks/ui_strings.yml (ui_strings.py), language
alternates and a 404 page per language (hook.py)."""
