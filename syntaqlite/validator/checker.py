"""Check a text: syntax errors and semantic diagnostics, in one pass.

Statements are checked in order against the catalog built so far, and each
schema statement changes the catalog for the statements after it.  Every
problem is reported (SQLite stops at the first).
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from .._record import Record
from ..diagnostics import INTERNAL_ERROR as INTERNAL_ERROR  # re-exported: the code's old home
from ..diagnostics import Diagnostic, Severity
from ..syntax.memory import gc_paused
from ..syntax.nodes import Statement
from ..syntax.parser import ParseResult, parse
from ..syntax.stack import deep_call
from ..syntax.target import DEFAULT_TARGET, Target
from .catalog import Catalog
from .ddl import DdlChecker, changes_schema
from .model import SemanticModel
from .resolve import Resolver

LEVELS = {severity.value: severity for severity in Severity}
"""The severities a configuration may give a check ("error", "warning", "info")."""


class CheckResult(Record):
    __slots__ = ("diagnostics", "model", "catalog", "parsed", "internal_errors")

    diagnostics: list[Diagnostic]
    model: SemanticModel
    catalog: Catalog
    parsed: ParseResult
    internal_errors: list[str]

    def __init__(
        self,
        diagnostics: list[Diagnostic],
        model: SemanticModel,
        catalog: Catalog,
        parsed: ParseResult,
        internal_errors: list[str] | None = None,
    ) -> None:
        self.diagnostics = diagnostics
        self.model = model
        self.catalog = catalog
        self.parsed = parsed
        self.internal_errors = list() if internal_errors is None else internal_errors

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def check_text(
    text: str,
    *,
    catalog: Catalog | None = None,
    path: str | None = None,
    target: Target = DEFAULT_TARGET,
    severities: Mapping[str, str] | None = None,
    parsed: ParseResult | None = None,
    model: bool = True,
) -> CheckResult:
    """Check ``text`` against ``catalog`` (which it extends with the text's
    own schema statements).  ``severities`` maps codes to "error",
    "warning", "info" or "off".  ``model=False`` skips recording what each
    name means (the result's model is empty): diagnostics only, faster.

    The statements are checked on a thread with a deep stack
    (:func:`~syntaqlite.syntax.stack.deep_call`): the walks follow SQLite's
    recursion, and SQL nested as deep as SQLite accepts is checked like any
    other.  An exception in the checker is not raised: the statement is
    named in ``internal_errors`` (its own diagnostics are then incomplete)."""
    with gc_paused():
        return deep_call(lambda: _check_text(text, catalog, path, target, severities, parsed, model))


def _check_text(
    text: str,
    catalog: Catalog | None,
    path: str | None,
    target: Target,
    severities: Mapping[str, str] | None,
    parsed: ParseResult | None,
    model: bool,
) -> CheckResult:
    catalog = catalog if catalog is not None else Catalog()
    parsed = parsed if parsed is not None else parse(text, target)
    found: list[Diagnostic] = list(parsed.errors)
    semantic = SemanticModel()
    resolver = Resolver(catalog, text, path, target, found.append, semantic, keep_model=model)
    ddl = DdlChecker(resolver)
    internal: list[str] = []
    for stmt in parsed.statements:
        before = len(internal)
        run_statement(resolver, ddl, stmt, internal)
        if len(internal) > before:
            found.append(internal_error(stmt, internal[-1]))
    return CheckResult(apply_severities(found, severities), semantic, catalog, parsed, internal)


def run_statement(resolver: Resolver, ddl: DdlChecker, stmt: Statement, internal: list[str]) -> None:
    """Check one statement (the resolver starting afresh), then apply it to
    the catalog if it is a schema statement (not under EXPLAIN, which
    prepares it without running it)."""
    body = stmt.body
    resolver.begin_statement(stmt)
    try:
        resolver.statement(body)
        if stmt.explain is not None and changes_schema(body):
            # EXPLAIN prepares the statement (its errors are reported) but
            # does not run it: the schema stays as it was.
            saved = resolver.catalog.snapshot()
            ddl.apply(body)
            resolver.catalog.restore(saved)
            resolver.catalog.writable_schema = saved.writable_schema
            resolver.schema_changed()
        else:
            ddl.apply(body)
    except Exception as exc:  # noqa: BLE001 - one odd statement must not stop the rest
        internal.append(
            f"{stmt.line}:{stmt.column}: internal error while checking: {type(exc).__name__}: {exc}"
        )


def internal_error(stmt: Statement, message: str) -> Diagnostic:
    """The diagnostic of an exception while checking ``stmt`` (``message``
    as :func:`run_statement` words it: ``line:col: internal error ...``)."""
    reason = message.split(": internal error while checking: ", 1)[-1]
    return Diagnostic(
        INTERNAL_ERROR,
        f"internal error while checking this statement ({reason}); its diagnostics are incomplete",
        stmt.start,
        stmt.end,
        help="this is a bug in syntaqlite: please report it with the statement",
    )


def apply_severities(found: list[Diagnostic], severities: Mapping[str, str] | None) -> list[Diagnostic]:
    if not severities:
        out = list(found)
    else:
        out = []
        for d in found:
            level = severities.get(d.code) if d.code != INTERNAL_ERROR else None
            if level == "off":
                continue
            if level in LEVELS:
                d = d.replace(severity=LEVELS[level])
            out.append(d)
    out.sort(key=attrgetter("start", "end"))
    return out
