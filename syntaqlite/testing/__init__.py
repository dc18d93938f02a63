"""Helpers for tests, fuzzers and benchmarks (need the ``test`` extra)."""
