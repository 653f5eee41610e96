"""What the built site's pages and assets weigh.

minified.py      pages, and our scripts and stylesheets, minified
material_css.py  Material's stylesheets pruned to the book's colours and the icons it draws
palette.py       the palette's colours (material_css.py)
icons.py         the icons of features and boxes the book draws (material_css.py)
css_rules.py     one CSS rule walker for both
boxes.py         the box classes of every page written (kept across serve rebuilds)
hook.py          the MkDocs glue
"""
