"""A bounded differential fuzzing run against SQLite (about a minute), and
the replay of every finding saved under fuzz/failures/.

The long run is ``python -m fuzz.run --minutes 30``.
"""

from __future__ import annotations

import gzip
import json
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.differential import check, saved
from fuzz.grammar_gen import generate
from fuzz.mutate import mutate
from fuzz.targets import fmt_idempotent, fmt_valid, parse_no_crash
from tests.conftest import CORPUS, load_sample

FUZZ = settings(
    max_examples=4000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@cache
def corpus() -> list[str]:
    path = CORPUS / "sqlite-upstream.jsonl.gz"
    if not path.exists():
        return [row["sql"] for row in load_sample("real")]
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["sql"] for line in fh][::7]


@FUZZ
@given(st.data())
def test_differential_grammar(data: st.DataObject) -> None:
    budget = data.draw(st.integers(3, 14))
    sql = generate(lambda n: data.draw(st.integers(0, n - 1)), budget=budget)
    problem = check(sql)
    assert problem is None, f"{sql!r}: {problem}"


@FUZZ
@given(st.data())
def test_differential_mutants(data: st.DataObject) -> None:
    statements = corpus()
    base = statements[data.draw(st.integers(0, len(statements) - 1))]
    sql, _kind = mutate(base, lambda n: data.draw(st.integers(0, n - 1)))
    problem = check(sql)
    assert problem is None, f"{sql!r}: {problem}"


@settings(max_examples=1000, deadline=None, database=None)
@given(st.text(max_size=200))
def test_parse_no_crash(text: str) -> None:
    parse_no_crash(text)


def test_replay_saved_findings() -> None:
    still = [row for row in saved() if check(row["sql"], save=False)]
    assert not still, still[:3]


FMT = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@FMT
@given(st.data(), st.sampled_from([80, 20, 1]))
def test_fmt_idempotent(data: st.DataObject, width: int) -> None:
    if data.draw(st.booleans()):
        sql = generate(lambda n: data.draw(st.integers(0, n - 1)), budget=data.draw(st.integers(3, 12)))
    else:
        statements = corpus()
        sql = statements[data.draw(st.integers(0, len(statements) - 1))]
    fmt_idempotent(sql, width)


@FMT
@given(st.data(), st.sampled_from([80, 20]))
def test_fmt_valid(data: st.DataObject, width: int) -> None:
    if data.draw(st.booleans()):
        sql = generate(lambda n: data.draw(st.integers(0, n - 1)), budget=data.draw(st.integers(3, 12)))
    else:
        statements = corpus()
        base = statements[data.draw(st.integers(0, len(statements) - 1))]
        sql, _kind = mutate(base, lambda n: data.draw(st.integers(0, n - 1)))
    fmt_valid(sql, width)
