"""Agreement with SQLite on a fixed sample of the labelled corpus, committed
as tests/data/corpus-sample.jsonl.gz (the full run is
``python bench/fidelity.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import fidelity  # noqa: E402

from syntaqlite.target import Target  # noqa: E402
from tests.conftest import load_sample  # noqa: E402


def _sample(name: str) -> list[dict[str, str]]:
    return load_sample(name)


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
