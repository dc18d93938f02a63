"""Reports SQL text built from values that are not constants: an f-string
field, a ``%`` or ``str.format`` conversion, or a ``+`` operand that is not
a string the module spells out.

Why is this bad?
The value becomes part of the SQL itself.  If it can come from outside (a
user, a file, a request), it can change what the statement does: SQL
injection.  Values belong in parameters, which SQLite never reads as SQL.
The rest of the statement is still checked: each dynamic part counts as a
parameter, and a statement that does not parse that way is left alone.
A part that can only be a list of ``?`` placeholders
(``",".join("?" * len(ids))``) is not reported.

Example:
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")

Use instead:
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...validator.rules.base import Rule

RULE = Rule(
    code="dynamic-sql",
    summary="SQL text built from a value that is not a constant (f-string, %, .format, +).",
    severity=Severity.WARNING,
    module=__name__,
)

HOW = {
    "f-string": "an f-string field",
    "%": "a % conversion",
    "format": "a str.format field",
    "+": "string concatenation",
}


def message(expr: str, how: str) -> str:
    shown = expr if len(expr) <= 40 else expr[:37] + "..."
    return f"SQL built with {HOW.get(how, how)}: the value of `{shown}` becomes SQL text"


HELP = "pass values as parameters (? or :name) and bind them; never format them into the SQL"
