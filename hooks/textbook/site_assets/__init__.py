"""What the built site's pages and assets weigh: pages and our scripts minified, Material's
stylesheets pruned to the book's colours (palette.py) and the icons it draws (icons.py),
both through one CSS rule walker (css_rules.py); hook.py is the MkDocs glue."""
