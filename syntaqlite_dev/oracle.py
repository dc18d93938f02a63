"""Real SQLite, through apsw, as the judge of what SQLite accepts.

Statements are prepared, never run: a cursor's exec tracer aborts before the
first step.  Each verdict is made on a fresh in-memory database, optionally
with setup statements.  Verdicts are sorted by
:func:`syntaqlite_dev.verdicts.classify`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import apsw

from .verdicts import classify

SQLITE_VERSION = apsw.sqlite_lib_version()


@dataclass(frozen=True)
class Verdict:
    kind: str  # "ok", "syntax" or "inconclusive"
    message: str | None

    @property
    def accepted(self) -> bool:
        return self.kind == "ok"


def prepare(sql: str, setup: tuple[str, ...] = ()) -> Verdict:
    """Prepare ``sql`` (the first statement only matters) on a fresh
    database and classify the outcome."""
    con = apsw.Connection(":memory:")
    try:
        for stmt in setup:
            con.execute(stmt)
        cur = con.cursor()
        cur.exec_trace = lambda *_args: False
        try:
            cur.execute(sql)
        except apsw.ExecTraceAbort:
            return Verdict("ok", None)
        except apsw.Error as exc:
            message = str(exc).split(": ", 1)[-1] if str(exc).startswith(type(exc).__name__) else str(exc)
            return Verdict(classify(message, sql), message)
        return Verdict("ok", None)
    finally:
        con.close()


_NO_TABLE = re.compile(r"no such table: (?:(\w+)\.)?(\w+)")
_NO_DB = re.compile(r"unknown database (\w+)")


def judge(sql: str, tries: int = 4) -> Verdict:
    """Like :func:`prepare`, but when SQLite stops early because a table or
    attached database is missing, create it and ask again (as the corpus
    labels were made), so that a later syntax error shows."""
    setup: list[str] = []
    verdict = prepare(sql)
    for _ in range(tries):
        if verdict.kind != "inconclusive" or verdict.message is None:
            return verdict
        m = _NO_DB.search(verdict.message)
        if m and m.group(1).lower() not in ("main", "temp"):
            setup.append(f'ATTACH ":memory:" AS "{m.group(1)}"')
        else:
            m = _NO_TABLE.search(verdict.message)
            if not m:
                return verdict
            schema = f'"{m.group(1)}".' if m.group(1) else ""
            if m.group(1) and m.group(1).lower() not in ("main", "temp"):
                setup.append(f'ATTACH ":memory:" AS "{m.group(1)}"')
            setup.append(f'CREATE TABLE {schema}"{m.group(2)}"(a, b, c)')
        try:
            verdict = prepare(sql, tuple(setup))
        except apsw.Error:
            return verdict
    return verdict
