"""Document and range formatting through the formatter, with the options
of the project's configuration (``[format]`` in ``syntaqlite.toml`` or
``pyproject.toml``).  Where the project sets no ``indent``, the editor's
``FormattingOptions`` decide: ``tabSize`` spaces per level, or tabs when
``insertSpaces`` is false (indentation only: a line inside a multi-line
string or comment is left as it is).  Where the project sets one, the
editor and ``syntaqlite fmt`` agree.  A byte order mark stays.

A text with syntax errors is not formatted: the request fails with a
message that says where the first error is (LSP ``RequestFailed``).  The
answer is one edit covering only the lines that change.  Range formatting
formats the statements that intersect the range and replaces exactly their
span.  As on the command line, the output is re-parsed and compared with
the input before it is sent (a formatter bug never reaches the buffer).
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Indent:
    """How the editor indents (``FormattingOptions``)."""

    size: int
    tabs: bool

    @classmethod
    def of(cls, options: types.FormattingOptions | None) -> Indent | None:
        if options is None:
            return None
        return cls(max(0, min(16, options.tab_size)), not options.insert_spaces)


def options_for(analysis: Analysis, editor: Indent | None) -> tuple[FormatOptions, Indent | None]:
    """The format options, and the tabs to indent with (None: spaces)."""
    options = analysis.config.format
    if editor is None or "indent" in analysis.config.format_keys:
        return options, None
    options = options.replace(indent=editor.size)
    return options, editor if editor.tabs and editor.size > 0 else None


def with_tabs(text: str, size: int, target: Target) -> str:
    """``text`` (formatted, indented by spaces) indented by tabs of
    ``size`` columns; a line that starts inside a token (a string or a
    comment running over lines) keeps its spaces."""
    spans = [(t.start, t.end) for t in parse(text, target).tokens if "\n" in text[t.start : t.end]]
    out: list[str] = []
    k = 0
    at = 0  # where the line starts in ``text``
    for line in text.splitlines(keepends=True):
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k < len(spans) and spans[k][0] < at:
            out.append(line)  # inside a multi-line token
        else:
            body = line.lstrip(" ")
            spaces = len(line) - len(body)
            out.append("\t" * (spaces // size) + " " * (spaces % size) + body)
        at += len(line)
    return "".join(out)


def format_document(analysis: Analysis, editor: Indent | None = None) -> list[types.TextEdit]:
    if analysis.syntax_errors:
        raise _refuse(analysis, analysis.syntax_errors)
    text = analysis.text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    options, tabs = options_for(analysis, editor)
    formatted = format_text(text[len(bom) :], options, analysis.target, _name(analysis))
    if tabs is not None:
        formatted = with_tabs(formatted, tabs.size, analysis.target)
    formatted = bom + formatted
    if _crlf(text):
        formatted = formatted.replace("\n", "\r\n")
    edit = minimal_edit(text, formatted)
    if edit is None:
        return []
    start, end, new_text = edit
    return [types.TextEdit(range=analysis.index.range(start, end), new_text=new_text)]


def format_range(
    analysis: Analysis, start: int, end: int, editor: Indent | None = None
) -> list[types.TextEdit]:
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
    options, tabs = options_for(analysis, editor)
    if last_at < last_statement_end:
        options = options.replace(semicolons=True)
    old = analysis.text[first_at:last_at]
    formatted = format_text(old, options, analysis.target, _name(analysis)).rstrip("\n")
    if tabs is not None:
        formatted = with_tabs(formatted, tabs.size, analysis.target)
    if _crlf(analysis.text):
        formatted = formatted.replace("\n", "\r\n")
    if formatted == old:
        return []
    return [types.TextEdit(range=analysis.index.range(first_at, last_at), new_text=formatted)]


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    async def formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        editor = Indent.of(params.options)

        def run(analysis: Analysis) -> list[types.TextEdit]:
            return format_document(analysis, editor)

        return await session.request(params.text_document.uri, "formatting", run, None)

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    async def range_formatting(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit] | None:
        def run(analysis: Analysis) -> list[types.TextEdit]:
            start, end = analysis.index.span(params.range)
            return format_range(analysis, start, end, Indent.of(params.options))

        return await session.request(params.text_document.uri, "range formatting", run, None)
