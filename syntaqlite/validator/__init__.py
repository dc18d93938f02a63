"""Semantic checks on parsed SQL: names, arities and version gating.

``builtins`` holds the table of SQLite's built-in SQL functions.
"""
