"""Diagnostics shared by the parser, the validator and every front end.

A diagnostic has a stable code, a severity, a message, a span (offsets into
the text it was made from), an optional help line (a did-you-mean), an
optional fix (a replacement for the span) and related locations (spans too).
Line and column are not stored: they come from one line index
(:class:`syntaqlite.text.Lines`) at the edges.  Rendering to text,
rustc-style, lives here too, so that every command prints the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Literal

from ._record import Record
from .text import Lines, printable, visible

INTERNAL_ERROR = "internal-error"
"""The code of the diagnostic that stands for an exception in the checker:
the statement's own diagnostics are incomplete.  It is not a check (it
cannot be turned off); the command line exits 3 on it."""

# The parts of a rendered diagnostic a front end may colour.
Role = Literal["error", "warning", "info", "emphasis", "gutter"]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Related(Record):
    """A secondary location that explains a diagnostic: a span in the same
    text as the diagnostic (``path`` None) or in the file ``path``."""

    __slots__ = ("message", "start", "end", "path")

    def __init__(self, message: str, start: int, end: int, path: str | None = None) -> None:
        self.message = message
        self.start = start
        self.end = end
        self.path = path


class Diagnostic(Record):
    """A finding about a span of a text: ``start`` and ``end`` are offsets
    into the text it was made from (characters of the Python ``str``).

    ``fix_safe``: whether applying ``replacement`` keeps what the SQL means
    (``check --fix`` applies it); a did-you-mean rename is unsafe
    (``--unsafe-fixes``)."""

    __slots__ = ("code", "message", "start", "end", "severity", "help", "replacement", "fix_safe", "related")

    def __init__(
        self,
        code: str,
        message: str,
        start: int,
        end: int,
        severity: Severity = Severity.ERROR,
        help: str | None = None,
        replacement: str | None = None,
        fix_safe: bool = False,
        related: tuple[Related, ...] = (),
    ) -> None:
        self.code = code
        self.message = message
        self.start = start
        self.end = end
        self.severity = severity
        self.help = help
        self.replacement = replacement
        self.fix_safe = fix_safe
        self.related = related

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(
        self, source: str | Lines, sources: Mapping[str, str | Lines] | None = None
    ) -> dict[str, object]:
        """The diagnostic as JSON data, with the 1-based line and column of
        both ends in ``source`` (the text it was made from); a related
        location in another file is placed in its text from ``sources``."""
        lines = as_lines(source)
        (line, column), (last_line, last_column) = lines.position(self.start), lines.position(self.end)
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": line,
            "column": column,
            "end_line": last_line,
            "end_column": last_column,
        }
        if self.help:
            data["help"] = self.help
        if self.replacement is not None:
            data["replacement"] = self.replacement
            data["fix"] = {
                "replacement": self.replacement,
                "applicability": "safe" if self.fix_safe else "unsafe",
            }
        if self.related:
            related: list[dict[str, object]] = []
            for r in self.related:
                item: dict[str, object] = {"message": r.message}
                if r.path is not None:
                    item["path"] = r.path
                where = _related_lines(r, lines, sources)
                if where is not None:
                    item["line"], item["column"] = where.position(r.start)
                related.append(item)
            data["related"] = related
        return data


def as_lines(source: str | Lines) -> Lines:
    return source if isinstance(source, Lines) else Lines(source)


def _related_lines(r: Related, lines: Lines, sources: Mapping[str, str | Lines] | None) -> Lines | None:
    if r.path is None:
        return lines
    found = sources.get(r.path) if sources is not None else None
    return as_lines(found) if found is not None else None


def render(
    diagnostic: Diagnostic,
    source: str | Lines,
    path: str,
    *,
    style: Callable[[str, Role], str] | None = None,
    sources: Mapping[str, str | Lines] | None = None,
) -> str:
    """Render one diagnostic the way rustc does::

    error[syntax]: syntax error near 'FORM': expected FROM, WHERE, ...
     --> query.sql:3:10
      |
    3 | SELECT a FORM t
      |          ^^^^
      = help: did you mean 'FROM'?

    ``source`` is the text the diagnostic was made from (``path`` names
    it); a related location in another file is placed in its text from
    ``sources`` (by path).  ``style(text, role)`` colours a part (the
    command line passes click's styles); None: plain text.
    """

    def paint(text: str, role: Role) -> str:
        return style(text, role) if style is not None else text

    index = as_lines(source)
    path = printable(path)
    line, column = index.position(diagnostic.start)
    last_line, last_column = index.position(diagnostic.end)
    sev = diagnostic.severity.value
    sev_color: Role = diagnostic.severity.value
    lines = [
        paint(f"{sev}[{diagnostic.code}]", sev_color)
        + paint(f": {printable(diagnostic.message)}", "emphasis"),
    ]
    number = str(line)
    pad = " " * len(number)
    lines.append(f"{pad}{paint('-->', 'gutter')} {path}:{line}:{column}")
    starts = index.starts
    if 1 <= line <= len(starts):
        line_end = starts[line] - 1 if line < len(starts) else len(index.text)
        text = visible(index.text[starts[line - 1] : line_end].rstrip("\r"))
        if last_line == line:
            width = max(1, last_column - column)
        else:
            width = max(1, len(text) - column + 1)
        bar = paint("|", "gutter")
        lines.append(f"{pad} {bar}")
        lines.append(f"{paint(number, 'gutter')} {bar} {text}")
        caret = " " * (column - 1) + "^" * width
        lines.append(f"{pad} {bar} {paint(caret, sev_color)}")
    if diagnostic.help:
        lines.append(f"{pad} = {paint('help', 'emphasis')}: {printable(diagnostic.help)}")
    for rel in diagnostic.related:
        rel_path = path if rel.path is None else printable(rel.path)
        rel_lines = _related_lines(rel, index, sources)
        if rel_lines is None:
            lines.append(f"{pad} = note: {printable(rel.message)} (at {rel_path})")
            continue
        rel_line, rel_column = rel_lines.position(rel.start)
        lines.append(f"{pad} = note: {printable(rel.message)} (at {rel_path}:{rel_line}:{rel_column})")
    return "\n".join(lines)
