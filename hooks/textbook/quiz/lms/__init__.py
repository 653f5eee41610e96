"""Quizzes across the whole book: nav marks, the progress page, export to learning platforms.

Plain modules: hooks/textbook/quiz/hook.py calls them during the build, hooks/book.py from the command line.
"""
