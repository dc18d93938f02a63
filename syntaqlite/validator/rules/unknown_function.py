"""Reports a call of a function that is not one of SQLite's built-in functions for the
target version and build options.

Why is this bad?
SQLite stops with `no such function: f`, unless the application registers that function.
A column's DEFAULT is looked at only when an INSERT uses it: then a call that is not a
scalar function of that many arguments stops the INSERT (`unknown function: max()`).
Declare the functions your application registers (`sqlite3.Connection.create_function`,
`sqlite3_create_function`) in configuration, with their argument counts and kinds, and
they are checked like built-in ones:

    [check.functions]                  # in syntaqlite.toml ([tool.syntaqlite.check.functions])
    regexp = 2                         # exactly 2 arguments
    slugify = "1..2"                   # 1 or 2
    json_merge = "any"                 # any number
    median = { args = 1, kind = "aggregate" }

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


def report(out: Reporter, tok: Token, name: str, nargs: int, suggestion: str | None) -> None:
    """A misspelling gets did-you-mean; any other name, how to declare it."""
    declare = f"if the application registers {name}(), declare it in configuration: [check.functions] {name} = {nargs}"
    out.report(
        RULE,
        tok,
        f"no such function: {name}",
        help=did_you_mean(suggestion) or declare,
        replacement=suggestion,
    )


def report_in_default(out: Reporter, tok: Token, name: str, column: str) -> None:
    """An INSERT uses a column's DEFAULT that calls ``name`` (as written),
    which is no scalar function of that many arguments."""
    out.report(
        RULE,
        tok,
        f"unknown function: {name}()",
        help=f"the DEFAULT of column {column} calls it; SQLite evaluates it when an INSERT omits the column",
    )


def report_unavailable(out: Reporter, tok: Token, name: str, why: str) -> None:
    """A built-in function the target SQLite lacks, and ``why``."""
    out.report(RULE, tok, f"no such function: {name} ({name}() {why})")
