"""A bounded differential fuzzing run against SQLite (about a minute), the
bounded run of the formatter's properties (fuzz/fmt_props.py), and the
replay of every finding saved under fuzz/failures/.

The long runs are ``python -m fuzz.run --minutes 30`` and ``python -m
fuzz.run --target fmt --count 1000000``.
"""

from __future__ import annotations

import gzip
import json
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.differential import check, replay, saved
from fuzz.fmt_props import campaign
from fuzz.grammar_gen import generate
from fuzz.mutate import mutate
from fuzz.run import corpus as fuzz_corpus
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
    """Every finding that is not marked open passes now."""
    still = [row for row in saved() if not row.get("open") and replay(row)]
    assert not still, still[:3]


OPEN = [row for row in saved() if row.get("open")]


@pytest.mark.parametrize(
    "row", [pytest.param(row, marks=pytest.mark.xfail(strict=True, reason="an open finding")) for row in OPEN]
)
def test_open_findings_still_fail(row: dict[str, object]) -> None:
    """An open finding is a replayed test that fails until it is fixed; then
    this one passes, strict xfail reports it, and its ``open`` mark goes."""
    problem = replay(row)  # type: ignore[arg-type]
    assert problem is None, problem


FMT_SEED = 16
FMT_COUNT = 5000


def test_fmt_campaign_bounded() -> None:
    """The formatter's properties on 5,000 decorated statements of the
    corpus sample for random SQLite targets and options (seed 16, the same
    inputs every run, about 15 s).  A finding must be saved (``python -m
    fuzz.run --target fmt --count 5000 --seed 16 --sample``), where it is
    replayed as an open finding until fixed."""
    known = {
        (row["sql"], json.dumps(row["case"], sort_keys=True)) for row in saved() if row.get("target") == "fmt"
    }
    new = [
        (text, case, problem)
        for text, case, problem in campaign(FMT_SEED, FMT_COUNT, fuzz_corpus(sample=True))
        if (text, json.dumps(case.to_dict(), sort_keys=True)) not in known
    ]
    assert not new, new[:3]


def test_fmt_campaign_shards_check_the_same_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m fuzz.run --jobs N`` splits one campaign: its shards check
    every input of the campaign exactly once, whatever N."""
    import fuzz.fmt_props as props

    checked: list[str] = []

    def fake_check(text: str, case: props.Case) -> str | None:
        checked.append(text)
        return "found" if len(checked) % 7 == 0 else None

    monkeypatch.setattr(props, "check", fake_check)
    statements = fuzz_corpus(sample=True)[:50]
    whole = [text for text, _case in props.inputs(5, 40, statements)]
    assert len(set(whole)) > 30  # the inputs differ
    for shards in (1, 3):
        checked.clear()
        for shard in range(shards):
            list(props.campaign(5, 40, statements, shard, shards))
        assert sorted(checked) == sorted(whole)


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
