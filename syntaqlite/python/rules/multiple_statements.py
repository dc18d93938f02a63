"""Reports more than one statement passed to ``execute`` or ``executemany``
of ``sqlite3`` (and aiosqlite), and a query passed to ``executemany``.

Why is this bad?
``sqlite3`` prepares one statement: it raises ``ProgrammingError: You can
only execute one statement at a time.`` when anything but comments
follows the first one, and ``executemany() can only execute DML
statements.`` for a SELECT.  apsw runs several statements, so modules
that use apsw only are not reported.

Example:
    con.execute("CREATE TABLE a (x); CREATE TABLE b (y)")

Use instead:
    con.executescript("CREATE TABLE a (x); CREATE TABLE b (y)")
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...validator.rules.base import Rule

RULE = Rule(
    code="multiple-statements",
    summary="execute()/executemany() of sqlite3 given several statements, or executemany() a query.",
    severity=Severity.ERROR,
    module=__name__,
)
