"""Agreement with SQLite on a fixed sample of the labelled corpus (the full
run is ``python bench/fidelity.py``)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import fidelity  # noqa: E402

from syntaqlite.target import Target  # noqa: E402

SAMPLE = 3000


def _sample(name: str) -> list[dict[str, str]]:
    rows = fidelity.load(name, "v3_54_1")
    return random.Random(1234).sample(rows, min(SAMPLE, len(rows)))


def test_real_statements() -> None:
    report = fidelity.run("real", _sample("real"), "v3_54_1", Target())
    assert not report.crashes, report.crashes[0]["trace"]
    assert 100 * len(report.false_rejects) / report.total <= 0.1, report.false_rejects[:5]
    assert not report.false_accepts, report.false_accepts[:5]


def test_mutants() -> None:
    report = fidelity.run("mutants", _sample("mutants"), "v3_54_1", Target())
    assert not report.crashes, report.crashes[0]["trace"]
    assert 100 * len(report.false_accepts) / report.total <= 0.5, report.false_accepts[:5]
    assert 100 * len(report.false_rejects) / report.total <= 0.3, report.false_rejects[:5]
