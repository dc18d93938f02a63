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


def test_the_check_modules_are_listed_and_named_by_their_codes() -> None:
    """``rules.MODULES`` names every module of the package (they load on
    first use, so one left out would never be reported by ``RULES``), and a
    check's code is its module's name with dashes."""
    from syntaqlite.validator import rules

    present = {
        p.stem for p in (ROOT / "syntaqlite" / "validator" / "rules").glob("*.py") if p.stem != "__init__"
    }
    assert sorted(rules.MODULES) == sorted(present - {"base"})
    assert len(set(rules.MODULES)) == len(rules.MODULES)
    for name in rules.MODULES:
        module = getattr(rules, name)
        assert module.__name__ == f"syntaqlite.validator.rules.{name}"
        assert module.RULE.code == rules.code(name) and module.RULE.module == module.__name__
        assert rules.RULES[rules.code(name)] is module.RULE
    assert list(rules.RULES) == [rules.code(name) for name in rules.MODULES]
    with pytest.raises(KeyError):
        rules.code("base")
    with pytest.raises(AttributeError):
        rules.no_such_check  # noqa: B018


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
