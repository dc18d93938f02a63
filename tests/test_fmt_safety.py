"""The formatter's promises on a fixed sample of the corpus (the whole
corpus: ``python bench/fmt_safety.py``): SQLite accepts the output, EXPLAIN
bytecode is unchanged where SQLite can prepare the statement, tokens and
comments are kept, and formatting is idempotent at widths 80, 20 and 1."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import fmt_safety  # noqa: E402

from tests.conftest import load_sample  # noqa: E402


def test_promises_on_sample() -> None:
    tally = fmt_safety.Tally()
    rows = [r for r in load_sample("real") if r["v3_54_1"] == "ok"][:1500]
    for sql in fmt_safety.golden_inputs() + [r["sql"] for r in rows]:
        fmt_safety.check_statement(sql, tally)
    assert tally.statements > 1000
    assert tally.explained > 400
    assert not tally.failures, tally.failures[:3]
    assert tally.accepted == tally.same_tokens == tally.statements
    assert tally.same_bytecode == tally.explained
    assert all(n == tally.statements for n in tally.idempotent.values())
