"""Validator golden files: tests/check/NAME.sql beside NAME.diagnostics.

Each ``.diagnostics`` holds what ``syntaqlite check --format concise`` says
about its ``.sql`` (the file's own DDL is the schema); run ``pytest
--update-goldens`` to accept changes.  Agreement of every golden statement
with SQLite is measured by bench/check_agreement.py (run below on a small
generated set, and on all the golden files).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from syntaqlite import check
from syntaqlite.cli.report import concise

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "tests" / "check").glob("*.sql"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_golden(path: Path, golden: Callable[[Path, str], None]) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [concise(path.name, d, text) for d in check(text)]
    golden(path.with_suffix(".diagnostics"), "\n".join(lines) + "\n")


def test_every_check_has_a_golden_case() -> None:
    """Each code (but the syntax one) is exercised by some golden file."""
    from syntaqlite.validator.rules import RULES

    seen = "".join(p.with_suffix(".diagnostics").read_text(encoding="utf-8") for p in FILES)
    missing = [code for code in RULES if f"[{code}]" not in seen]
    assert not missing, f"no golden case reports {missing}"


def test_agreement_with_sqlite() -> None:
    """bench/check_agreement.py on a small generated set plus every golden
    file: no missed error, no false alarm, both errors of two-error
    statements reported."""
    spec = importlib.util.spec_from_file_location("check_agreement", ROOT / "bench" / "check_agreement.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look themselves up there
    spec.loader.exec_module(bench)
    tally = bench.run(count=300, seed=7)
    assert tally.golden > 250 and tally.golden_errors > 100
    assert tally.sqlite_errors > 300 and tally.doubles > 50
    assert not tally.missed, tally.missed[:5]
    assert not tally.false_alarms, tally.false_alarms[:5]
    assert tally.doubles_both == tally.doubles, tally.doubles_failed[:5]
