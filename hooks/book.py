"""The book's authoring commands: `.venv/bin/python hooks/book.py --help` lists them.

A script, so that its folder (hooks/) is first on the path and `textbook` imports even in a
Python that lacks the editable install; the commands themselves are in textbook/cli/.
"""

import sys

from textbook.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
