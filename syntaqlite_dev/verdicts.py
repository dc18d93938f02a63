"""How SQLite's error messages sort into verdicts, as the corpus labels do.

Errors SQLite raises while tokenizing or parsing are "syntax"; any other
error means its parser accepted the statement ("ok"), except the few errors
raised from parser actions before the statement has been read to its end,
which may hide a later syntax error ("inconclusive").  No apsw needed here.
"""

from __future__ import annotations

import re

_SYNTAX = re.compile(
    r"syntax error|incomplete input|unrecognized token|unknown table option|"
    r"clause should come after|clause is not allowed on UPDATE or DELETE statements within triggers|"
    r"unknown join type|a JOIN clause is required before|"
    r"parser stack overflow|Recursion limit"
)
# Errors SQLite raises from parser actions, before it has read the whole
# statement: a syntax error after them goes unseen.  Some happen in any
# statement; in CREATE and ALTER TABLE any error may (schema checks run as
# soon as the name has been read).
_MID_PARSE_ANY = re.compile(
    r"all VALUES must have the same number of terms|too many terms in compound SELECT|"
    r"Expression tree is too large|variable number must be between|too many SQL variables|"
    r"too many arguments on|DISTINCT is not supported for window functions|"
    r"columns assigned \d+ values|ORDER BY may not be used with non-aggregate|"
    r"duplicate WITH table name|unsupported frame specification|no such window:|"
    r"IN\(\.\.\.\) element has \d+ terms? - expected|FILTER clause may only be used with aggregate|"
    r"is not a function|RAISE\(\) may only be used within a trigger-program|"
    r"misuse of aliased window function|may not be used with window functions|cannot override .* of window|"
    # Whether a trigger may qualify its statements' tables depends on the
    # schema (a trigger on a temp table is temp): the validator decides.
    r"qualified table names are not allowed"
)
_DDL_START = re.compile(
    r"\s*(?:(?:--[^\n]*\n|/\*.*?\*/)\s*)*(?:EXPLAIN\s+(?:QUERY\s+PLAN\s+)?)?(?:CREATE|ALTER)\b", re.I | re.S
)


def classify(message: str | None, sql: str = "") -> str:
    if message is None:
        return "ok"
    if _SYNTAX.search(message):
        return "syntax"
    if _MID_PARSE_ANY.search(message) or _DDL_START.match(sql):
        return "inconclusive"
    return "ok"
