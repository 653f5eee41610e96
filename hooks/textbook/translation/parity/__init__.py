"""Translation parity: both languages of a page have the same blocks, paired one to one.

    outline.py   the Python-Markdown extension that records a page's blocks and links
                 from the rendered element tree (the build's own parse)
    lines.py     each recorded block's line in the Markdown source
    code.py      code blocks compared by Pygments tokens, comments ignored
    store.py     outlines by source file and text hash; the CLI's own conversion
    pairing.py   which block of one language is the partner of which of the other (data)
    rules.py     what must match, as findings
    messages.py  the findings' words

The MkDocs glue is translation/hook.py; translation/check.py runs the rules over the whole
book for the build and the CLI.
"""
