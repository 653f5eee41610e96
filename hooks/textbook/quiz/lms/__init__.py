"""Every quiz of the book for learning platforms: QTI 1.2 as Canvas imports it, GIFT as Moodle
does (`hooks/book.py export-quizzes`)."""
