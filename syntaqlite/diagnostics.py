"""Diagnostics shared by the parser, the validator and every front end.

A diagnostic has a stable code, a severity, a message, a span (offsets plus
1-based line and column of both ends), an optional help line (a did-you-mean)
and an optional fix (a replacement for the span).  Rendering to text,
rustc-style, lives here too, so that every command prints the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Related:
    """A secondary location that explains a diagnostic."""

    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    anchor: object = field(default=None, compare=False, repr=False)
    """Which piece of a larger document the offsets were found in, and where
    that piece started then (``base``): see ``syntaqlite.validator.catalog.Where``."""
    base: int = 0


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    severity: Severity = Severity.ERROR
    help: str | None = None
    replacement: str | None = None
    related: tuple[Related, ...] = field(default=())

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.help:
            data["help"] = self.help
        if self.replacement is not None:
            data["replacement"] = self.replacement
        if self.related:
            data["related"] = [
                {"message": r.message, "line": r.line, "column": r.column} for r in self.related
            ]
        return data


def render(diagnostic: Diagnostic, source: str, path: str, *, color: bool = False) -> str:
    """Render one diagnostic the way rustc does::

    error[syntax]: syntax error near 'FORM': expected FROM, WHERE, ...
     --> query.sql:3:10
      |
    3 | SELECT a FORM t
      |          ^^^^
      = help: did you mean 'FROM'?
    """

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    sev = diagnostic.severity.value
    sev_color = {"error": "1;31", "warning": "1;33", "info": "1;36"}[sev]
    lines = [
        paint(f"{sev}[{diagnostic.code}]", sev_color) + paint(f": {diagnostic.message}", "1"),
    ]
    number = str(diagnostic.line)
    pad = " " * len(number)
    lines.append(f"{pad}{paint('-->', '1;34')} {path}:{diagnostic.line}:{diagnostic.column}")
    src_lines = source.split("\n")
    if 1 <= diagnostic.line <= len(src_lines):
        text = src_lines[diagnostic.line - 1].rstrip("\r").replace("\t", " ")
        start_col = diagnostic.column
        if diagnostic.end_line == diagnostic.line:
            width = max(1, diagnostic.end_column - diagnostic.column)
        else:
            width = max(1, len(text) - start_col + 1)
        bar = paint("|", "1;34")
        lines.append(f"{pad} {bar}")
        lines.append(f"{paint(number, '1;34')} {bar} {text}")
        caret = " " * (start_col - 1) + "^" * width
        lines.append(f"{pad} {bar} {paint(caret, sev_color)}")
    if diagnostic.help:
        lines.append(f"{pad} = {paint('help', '1')}: {diagnostic.help}")
    for rel in diagnostic.related:
        lines.append(f"{pad} = note: {rel.message} (at {path}:{rel.line}:{rel.column})")
    return "\n".join(lines)
