"""The differential property: syntaqlite accepts a statement exactly when
SQLite's parser does, and never raises.

``check(sql)`` returns None when both agree (or SQLite's answer is
inconclusive, see syntaqlite_dev.verdicts) and otherwise a description of
the disagreement, which it also saves under fuzz/failures/ for replay.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from pathlib import Path
from typing import Any

from syntaqlite import parse
from syntaqlite.syntax.parser import ParseResult
from syntaqlite_dev.oracle import judge

FAILURES = Path(__file__).resolve().parent / "failures"


def _one_statement(result: ParseResult) -> bool:
    return len(result.root.children) <= 1


def check(sql: str, *, save: bool = True) -> str | None:
    try:
        result = parse(sql)
    except Exception:  # noqa: BLE001 - a crash is the finding
        problem = "crash:\n" + traceback.format_exc()
        if save:
            record(sql, problem)
        return problem
    if not _one_statement(result):
        return None  # SQLite prepares only the first statement
    ours = "ok" if not result.errors else "syntax"
    theirs = judge(sql)
    if theirs.kind == "inconclusive" or theirs.kind == ours:
        return None
    detail = result.errors[0].message if result.errors else "accepted"
    problem = f"syntaqlite: {ours} ({detail}); SQLite: {theirs.kind} ({theirs.message})"
    if save:
        record(sql, problem)
    return problem


def record(sql: str, problem: str, **extra: object) -> Path:
    """Save a finding; ``extra``: what replaying it needs besides the SQL
    (``target="fmt"`` and its ``case``, see fuzz/fmt_props.py)."""
    FAILURES.mkdir(exist_ok=True)
    name = hashlib.sha1(
        (sql + json.dumps(extra, sort_keys=True)).encode("utf-8", "surrogatepass")
    ).hexdigest()[:16]
    if not extra:
        name = hashlib.sha1(sql.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = FAILURES / f"{name}.json"
    row = {"sql": sql, "problem": problem, **extra}
    path.write_text(json.dumps(row, indent=2, ensure_ascii=False) + "\n")
    return path


def replay(row: dict[str, Any]) -> str | None:
    """What a saved finding still breaks (None: fixed)."""
    if row.get("target") == "fmt":
        from fuzz.fmt_props import Case, fmt_properties

        try:
            fmt_properties(row["sql"], Case.from_dict(row["case"]))
        except AssertionError as exc:
            return str(exc)
        return None
    return check(row["sql"], save=False)


def saved() -> list[dict[str, Any]]:
    if not FAILURES.is_dir():
        return []
    return [json.loads(p.read_text()) for p in sorted(FAILURES.glob("*.json"))]
