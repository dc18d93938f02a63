"""What every check has: a stable code, a default severity, a one-line
summary and an explanation (the module's docstring) for
``syntaqlite check --explain CODE``.

A check's module also says how it reports: functions that take a
:class:`Reporter` (the resolver) and the facts found, and report them with
the check's wording, span, help and replacement.  The resolver decides
*whether* something is wrong; the rule module decides *what is said*."""

from __future__ import annotations

from typing import Protocol

from ..._record import Record
from ...diagnostics import Related, Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token


class Rule(Record):
    __slots__ = ("code", "summary", "severity", "module")

    code: str
    summary: str
    severity: Severity
    module: str

    def __init__(
        self, code: str, summary: str, severity: Severity = Severity.ERROR, module: str = ""
    ) -> None:
        self.code = code
        self.summary = summary
        self.severity = severity
        self.module = module

    @property
    def explanation(self) -> str:
        import importlib
        import inspect

        doc = inspect.getdoc(importlib.import_module(self.module)) if self.module else None
        return doc or self.summary


class Reporter(Protocol):
    """Where a check's diagnostics go: the span runs from ``first``'s first
    token to ``last``'s (default: ``first``'s) last token; ``severity``
    overrides the rule's default."""

    def report(
        self,
        rule: Rule,
        first: Token | Node,
        message: str,
        *,
        last: Token | Node | None = None,
        help: str | None = None,
        replacement: str | None = None,
        fix_safe: bool = False,
        severity: Severity | None = None,
        related: tuple[Related, ...] = (),
    ) -> None: ...


def did_you_mean(suggestion: str | None) -> str | None:
    """The help of a misspelled name (None: nothing close)."""
    return f"did you mean '{suggestion}'?" if suggestion else None


def in_clause(clause: str) -> str:
    """`` in WHERE`` ...: where a misused function is, for its message
    (nothing in the result columns or an expression at large)."""
    return f" in {clause}" if clause not in ("expression", "result") else ""
