"""A chapter's quiz: the file's shape (schema.py) and meaning (rules.py), loading it with
messages that name file and line (load.py), and its HTML in one language (render.py).
The MkDocs hook is hooks/textbook/quiz/hook.py; quizzes across the book are in hooks/textbook/quiz/."""
