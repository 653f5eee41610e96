"""Made-up books and a served `mkdocs`, shared by the tests and the benchmarks.

Standard library only, so a benchmark can use them in any venv the set-up makes.
"""
