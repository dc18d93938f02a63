"""Reports a call of a function that is not one of SQLite's built-in functions for the
target version and build options.

Why is this bad?
SQLite stops with `no such function: f`, unless the application registers that function.
Turn this check down in configuration (`[check] unknown-function = "warning"`) when you
use application-defined functions.

Example:
    SELECT lenght(name) FROM users;

Use instead:
    SELECT length(name) FROM users;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="unknown-function",
    summary="A function SQLite does not have.",
    severity=Severity.ERROR,
    module=__name__,
)
