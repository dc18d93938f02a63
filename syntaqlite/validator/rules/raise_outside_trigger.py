"""Reports the RAISE function outside CREATE TRIGGER.

Why is this bad?
SQLite stops with `RAISE() may only be used within a trigger-program`.

Example:
    SELECT RAISE(ABORT, 'no');

Use instead:
    (raise errors from a trigger, or from the application)
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="raise-outside-trigger",
    summary="RAISE() outside a trigger body.",
    severity=Severity.ERROR,
    module=__name__,
)
