"""Fuzzing syntaqlite against real SQLite (see fuzz/README.md)."""
