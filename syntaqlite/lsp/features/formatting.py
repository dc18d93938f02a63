"""Document and range formatting through the formatter, with the options
of the project's configuration (``[format]`` in ``syntaqlite.toml`` or
``pyproject.toml``; the editor's tab size is not used, so the editor and
``syntaqlite fmt`` always agree).

A text with syntax errors is not formatted: the request fails with a
message that says where the first error is (LSP ``RequestFailed``).  The
answer is one edit covering only the lines that change.  Range formatting
formats the statements that intersect the range and replaces exactly their
span.  As on the command line, the output is re-parsed and compared with
the input before it is sent (a formatter bug never reaches the buffer).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lsprotocol import types

from ...diagnostics import Diagnostic
from ...fmt import FormatError, FormatOptions, FormatterBug, format_result
from ...fmt.verify import difference
from ...syntax.nodes import ErrorStatement, Statement
from ...syntax.parser import parse
from ...syntax.target import Target
from ...text import Lines
from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..session import RequestFailed


def _name(analysis: Analysis) -> str:
    return Path(analysis.path).name if analysis.path else analysis.uri


def _refuse(analysis: Analysis, errors: list[Diagnostic]) -> RequestFailed:
    first = errors[0]
    count = f"{len(errors)} syntax errors" if len(errors) > 1 else "a syntax error"
    line, column = Lines(analysis.text).position(first.start)
    return RequestFailed(
        f"syntaqlite: {_name(analysis)} not formatted: it has {count}; line {line}:{column}: {first.message}"
    )


def format_text(text: str, options: FormatOptions, target: Target, name: str) -> str:
    """Format ``text`` as ``syntaqlite fmt`` would; raise RequestFailed."""
    result = parse(text, target)
    if result.errors:
        raise RequestFailed(f"syntaqlite: {name} not formatted: {FormatError(result.errors, text)}")
    try:
        formatted = format_result(result, options)
    except FormatterBug as exc:
        raise RequestFailed(f"syntaqlite: formatter bug, {name} left unchanged: {exc}") from None
    problem = difference(result, formatted, target)
    if problem is not None:
        raise RequestFailed(f"syntaqlite: formatter bug, {name} left unchanged: {problem}")
    return formatted


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def minimal_edit(old: str, new: str) -> tuple[int, int, str] | None:
    """One replacement ``(start, end, text)`` turning ``old`` into ``new``,
    covering only the lines that differ (None when they are equal)."""
    if old == new:
        return None
    a, b = _lines(old), _lines(new)
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    q = 0
    while q < len(a) - p and q < len(b) - p and a[-1 - q] == b[-1 - q]:
        q += 1
    start = sum(len(x) for x in a[:p])
    tail_old = sum(len(x) for x in a[len(a) - q :]) if q else 0
    tail_new = sum(len(x) for x in b[len(b) - q :]) if q else 0
    return start, len(old) - tail_old, new[start : len(new) - tail_new]


def _crlf(text: str) -> bool:
    count = text.count("\r\n")
    return bool(count) and count == text.count("\n")


def format_document(analysis: Analysis) -> list[types.TextEdit]:
    if analysis.syntax_errors:
        raise _refuse(analysis, analysis.syntax_errors)
    text = analysis.text
    formatted = format_text(text, analysis.config.format, analysis.target, _name(analysis))
    if _crlf(text):
        formatted = formatted.replace("\n", "\r\n")
    edit = minimal_edit(text, formatted)
    if edit is None:
        return []
    start, end, new_text = edit
    return [types.TextEdit(range=analysis.index.range(start, end), new_text=new_text)]


def format_range(analysis: Analysis, start: int, end: int) -> list[types.TextEdit]:
    first: Statement | None = None
    last: Statement | None = None
    first_at = last_at = 0
    errors: list[Diagnostic] = []
    last_statement_end = 0
    for chunk in analysis.chunks:
        for stmt in chunk.statements():
            s, e = stmt.start + chunk.start, stmt.end + chunk.start
            if isinstance(stmt, Statement):
                last_statement_end = max(last_statement_end, e)
            if e < start or s > end or (s == end and end > start):
                continue
            if isinstance(stmt, ErrorStatement):
                errors.extend(d for d in analysis.syntax_errors if s <= d.start <= e)
                continue
            if first is None:
                first, first_at = stmt, s
            last, last_at = stmt, e
    if errors:
        raise _refuse(analysis, errors)
    if first is None or last is None:
        return []
    options = analysis.config.format
    if last_at < last_statement_end:
        options = replace(options, semicolons=True)
    old = analysis.text[first_at:last_at]
    formatted = format_text(old, options, analysis.target, _name(analysis)).rstrip("\n")
    if _crlf(analysis.text):
        formatted = formatted.replace("\n", "\r\n")
    if formatted == old:
        return []
    return [types.TextEdit(range=analysis.index.range(first_at, last_at), new_text=formatted)]


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    async def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        return await session.request(params.text_document.uri, "formatting", format_document, None)

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    async def range_formatting(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit] | None:
        def run(analysis: Analysis) -> list[types.TextEdit]:
            start, end = analysis.index.span(params.range)
            return format_range(analysis, start, end)

        return await session.request(params.text_document.uri, "range formatting", run, None)
