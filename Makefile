# Shortcuts; the README's two commands do the same from a fresh machine.
VENV := .venv
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint bench status lock

$(VENV)/bin/mkdocs: requirements-test.lock.txt
	bash tests/install.sh

serve: $(VENV)/bin/mkdocs
	$(VENV)/bin/mkdocs serve

build: $(VENV)/bin/mkdocs
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/bin/mkdocs
	$(VENV)/bin/python -m pytest

lint: $(VENV)/bin/mkdocs
	$(VENV)/bin/ruff check hooks tests benchmarks
	$(VENV)/bin/ruff format --check hooks tests benchmarks

bench: $(VENV)/bin/mkdocs
	$(VENV)/bin/python benchmarks/book_build.py

status: $(VENV)/bin/mkdocs
	$(VENV)/bin/python hooks/book.py status

# The locks again from the ranges in requirements*.txt (`make lock ARGS=--upgrade` for the newest).
lock: $(VENV)/bin/mkdocs
	bash .ci/lock.sh $(ARGS)
