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

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-function",
    summary="A function SQLite does not have.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str, suggestion: str | None) -> None:
    out.report(RULE, tok, f"no such function: {name}", help=did_you_mean(suggestion), replacement=suggestion)


def report_unavailable(out: Reporter, tok: Token, name: str, why: str) -> None:
    """A built-in function the target SQLite lacks, and ``why``."""
    out.report(RULE, tok, f"no such function: {name} ({name}() {why})")
