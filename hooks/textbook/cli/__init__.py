"""The authoring commands of hooks/book.py (main.py), and the new chapter's templates."""
