"""Reports parameters that do not fit the statement's placeholders: the
number of values of a literal tuple or list against the number of ``?``
(and ``?NNN``) placeholders, the keys of a literal dict or ``dict(...)``
against named placeholders (``:name``, ``@name``, ``$name``), a dict
given to ``?`` placeholders, a sequence given to named ones, a string
given as the parameters (a sequence of characters), and each literal row
of ``executemany``.

Why is this bad?
``sqlite3`` raises ``ProgrammingError`` when the statement runs; the
message is the one it would raise (``apsw`` has its own wording, used in
modules that use apsw only).  A sequence bound to named placeholders
warns from Python 3.12 and fails from 3.14.

Example:
    cur.execute("INSERT INTO t (a, b) VALUES (?, ?)", (a, b, c))
    cur.execute("SELECT * FROM t WHERE id = ?", (user_id))   # not a tuple

Use instead:
    cur.execute("INSERT INTO t (a, b) VALUES (?, ?)", (a, b))
    cur.execute("SELECT * FROM t WHERE id = ?", (user_id,))
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...validator.rules.base import Rule

RULE = Rule(
    code="parameter-mismatch",
    summary="The parameters a call binds do not fit the placeholders of its SQL.",
    severity=Severity.ERROR,
    module=__name__,
)
