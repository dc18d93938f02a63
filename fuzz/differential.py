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


def record(sql: str, problem: str) -> Path:
    FAILURES.mkdir(exist_ok=True)
    name = hashlib.sha1(sql.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = FAILURES / f"{name}.json"
    path.write_text(json.dumps({"sql": sql, "problem": problem}, indent=2, ensure_ascii=False) + "\n")
    return path


def saved() -> list[dict[str, str]]:
    if not FAILURES.is_dir():
        return []
    return [json.loads(p.read_text()) for p in sorted(FAILURES.glob("*.json"))]
