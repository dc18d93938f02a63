"""An older SQLite as the oracle for targets: Python's own ``sqlite3``.

Python's sqlite3 links the system SQLite (3.40.1 here, built with
SQLITE_ENABLE_UPDATE_DELETE_LIMIT).  Targeting that release and build,
syntaqlite must accept exactly what it accepts syntactically: each statement
is compiled with EXPLAIN on an empty in-memory database (never run), and its
error is sorted as the corpus labels are (semantic errors such as "no such
table" mean the syntax was accepted; errors that stop SQLite's parser early
are inconclusive and skipped).  The shared corpus's ``v3_40_1`` labels are
checked too, like ``bench/fidelity.py --sqlite-version 3.40.1``.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from syntaqlite import parse
from syntaqlite.syntax.features import CHANGES, FEATURES
from syntaqlite.syntax.target import Target
from syntaqlite_dev.verdicts import classify
from tests.conftest import CORPUS, load_sample

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import fidelity  # noqa: E402

ORACLE = "3.40.1"

pytestmark = pytest.mark.skipif(
    sqlite3.sqlite_version != ORACLE, reason=f"Python's sqlite3 is {sqlite3.sqlite_version}, not {ORACLE}"
)

_EXPLAINED = re.compile(r"\s*(?:(?:--[^\n]*(?:\n|$)|/\*.*?\*/)\s*)*EXPLAIN\b", re.I | re.S)


def oracle_target() -> Target:
    conn = sqlite3.connect(":memory:")
    options = {"SQLITE_" + str(r[0]).split("=")[0] for r in conn.execute("PRAGMA compile_options")}
    syntax = {"SQLITE_ENABLE_UPDATE_DELETE_LIMIT", "SQLITE_ENABLE_ORDERED_SET_AGGREGATES"}
    return Target.from_options(sqlite3.sqlite_version, sorted(options & syntax))


def verdict(text: str) -> str | None:
    """The oracle's verdict on ``text`` (already EXPLAIN-prefixed), None
    when it cannot say."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(text).fetchall()
    except sqlite3.OperationalError as exc:
        found = classify(str(exc), text)
        return None if found == "inconclusive" else found
    except (sqlite3.Warning, sqlite3.ProgrammingError, ValueError):
        return None  # several statements, NUL characters ...
    finally:
        conn.close()
    return "ok"


def explained(sql: str) -> str:
    return sql if _EXPLAINED.match(sql) else "EXPLAIN " + sql


def extra_statements() -> list[str]:
    """What differs between releases: every feature example and change."""
    out = [f.example for f in FEATURES] + [c.example for c in CHANGES]
    out += [
        "SELECT 0xFF_EF",
        "SELECT 1_000",
        "SELECT a->>'$.x' FROM t",
        "SELECT left(1, 2)",
        "CREATE TEMP TRIGGER r AFTER INSERT ON t BEGIN DELETE FROM main.u; END",
        "DELETE FROM t ORDER BY a LIMIT 1",
        "CREATE TABLE nothing(a)",
        "SELECT " + "(" * 92 + "1" + ")" * 92,
        "SELECT " + "(" * 93 + "1" + ")" * 93,
    ]
    return out


def test_oracle_target() -> None:
    assert oracle_target() == Target.from_options(ORACLE, ["SQLITE_ENABLE_UPDATE_DELETE_LIMIT"])


def test_accepts_exactly_what_the_system_sqlite_accepts() -> None:
    target = oracle_target()
    statements = [row["sql"] for row in load_sample("real") + load_sample("mutants")] + extra_statements()
    checked = 0
    disagreements = []
    for sql in statements:
        text = explained(sql)
        theirs = verdict(text)
        if theirs is None:
            continue
        checked += 1
        ours = "syntax" if parse(text, target=target).errors else "ok"
        if ours != theirs:
            disagreements.append((sql[:200], theirs, ours))
    assert checked > 4000
    assert not disagreements, disagreements[:10]


@pytest.mark.skipif(
    not (CORPUS / fidelity.FILES["real"]).exists(), reason="shared corpus not beside the checkout"
)
def test_corpus_labels_of_3_40_1() -> None:
    with gzip.open(CORPUS / fidelity.FILES["real"], "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    labelled = [r for r in rows if r.get("v3_40_1") in ("ok", "syntax")]
    differing = [r for r in labelled if r["v3_40_1"] != r.get("v3_54_1")]
    rest = [r for r in labelled if r["v3_40_1"] == r.get("v3_54_1")]
    sample = differing + random.Random(3).sample(rest, 2500)
    report = fidelity.run("real", sample, "v3_40_1", oracle_target())
    assert not report.crashes
    assert not report.false_accepts, report.false_accepts[:5]
    # The rejects SQLite never reached: an earlier error (no such table ...)
    # stopped its parser, so its label says "ok".
    unexplained = [r for r in report.false_rejects if not fidelity.masked(r, "err_3_40_1")]
    assert not unexplained, unexplained[:5]
    assert len(differing) > 200
