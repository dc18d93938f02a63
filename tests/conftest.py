"""Shared fixtures: the golden-file harness and the SQLite oracle."""

from __future__ import annotations

import difflib
import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"

# The results cache (syntaqlite/cli/cache.py) is off for the suite's
# commands: a test that runs a command twice means two runs, and no test
# leaves a cache directory behind.  tests/cli/test_cache.py turns it on.
# SYNTAQLITE_TEST_CACHE=DIR runs the whole suite with one cache, in DIR,
# shared by every command instead (a cached result must equal a fresh one).
if os.environ.get("SYNTAQLITE_TEST_CACHE"):
    os.environ["SYNTAQLITE_CACHE_DIR"] = os.environ["SYNTAQLITE_TEST_CACHE"]
    os.environ.pop("SYNTAQLITE_NO_CACHE", None)
else:
    os.environ["SYNTAQLITE_NO_CACHE"] = "1"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite expected golden files from the current output",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """``golden(path, actual)``: compare ``actual`` with the file at ``path``.

    A missing file is written and the test fails (so that new goldens get
    reviewed); ``pytest --update-goldens`` rewrites every file that differs.
    """
    update = request.config.getoption("--update-goldens")

    def check(path: Path, actual: str) -> None:
        if not path.exists():
            path.write_text(actual, encoding="utf-8")
            if not update:
                pytest.fail(f"created missing golden {path.relative_to(ROOT)}; review it and rerun")
            return
        expected = path.read_text(encoding="utf-8")
        if expected == actual:
            return
        if update:
            path.write_text(actual, encoding="utf-8")
            return
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                str(path.relative_to(ROOT)),
                "actual",
            )
        )
        pytest.fail(f"golden mismatch (run pytest --update-goldens to accept):\n{diff}")

    return check


def load_sample(which: str) -> list[dict[str, str]]:
    """The committed fixed sample (bench/make_corpus_sample.py): ``real`` or ``mutants``."""
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as fh:
        return [row for row in map(json.loads, fh) if row["set"] == which]


def load_corpus(name: str, which: str) -> list[dict[str, str]]:
    """A whole corpus file from ../shared/corpus, or the committed sample
    of it when the shared corpus is not beside this checkout."""
    path = CORPUS / name
    if not path.exists():
        return load_sample(which)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def upstream_corpus() -> list[dict[str, str]]:
    return load_corpus("sqlite-upstream.jsonl.gz", "real")


@pytest.fixture(scope="session")
def mutant_corpus() -> list[dict[str, str]]:
    return load_corpus("sqlite-mutants.jsonl.gz", "mutants")
