"""Reports a call of a built-in function with a number of arguments it does not take.

Why is this bad?
SQLite stops with `wrong number of arguments to function f()`.

Example:
    SELECT substr(name) FROM users;

Use instead:
    SELECT substr(name, 1, 3) FROM users;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="wrong-arity",
    summary="A function called with the wrong number of arguments.",
    severity=Severity.ERROR,
    module=__name__,
)
