"""Format the SQL of a Python module in place: the triple-quoted string
literals the finder says go to SQLite, and nothing else.

A literal is formatted when it is one triple-quoted literal (no f-string,
no implicit concatenation, no hole) whose text is its value (no escape
sequence), and its SQL parses.  The quotes, the prefix and the whitespace
around the SQL stay as written; the SQL's lines are indented like its
first line (a block that starts on the line after the quotes), or aligned
under its first character (SQL that starts right after the quotes).  A
final semicolon is kept or left out as written.

Every result is checked before it is returned: the module's ``ast`` is
the same as before apart from those string constants, each of which holds
the same SQL tokens (keyword case aside) and comments; otherwise the
module is left unchanged and the reason reported, as for a formatter bug.
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass, field

from ..fmt import FormatOptions, FormatterBug, format_result
from ..fmt.verify import difference
from ..syntax.parser import parse
from ..syntax.target import DEFAULT_TARGET, Target
from ..syntax.tokens import KEYWORD_KINDS
from .finder import FinderOptions, PythonSyntaxError, find_sql

_TRIPLE = re.compile(r"(?P<prefix>[rRuU]?)(?P<quote>'''|\"\"\")(?P<body>.*)(?P=quote)", re.S)


@dataclass
class PythonFormat:
    """The module's new text, how many SQL strings changed, and why some
    were left as they are (``line: reason``)."""

    text: str
    changed: int = 0
    skipped: list[str] = field(default_factory=list)


class PythonFormatError(Exception):
    """The module cannot be formatted (not Python, or a check failed)."""


def format_python(
    text: str,
    options: FormatOptions | None = None,
    target: Target = DEFAULT_TARGET,
    finder: FinderOptions | None = None,
) -> PythonFormat:
    """Format the SQL strings of a module's ``text``.  Raises
    :class:`PythonFormatError` when the text is not Python or the result
    would differ in more than those strings."""
    options = options or FormatOptions()
    try:
        module = find_sql(text, finder or FinderOptions())
    except PythonSyntaxError as exc:
        raise PythonFormatError(f"not valid Python: {exc}") from None
    out = PythonFormat(text)
    edits: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    for item in module.found:
        start, end = item.piece.origin
        if (start, end) in seen or item.piece.holes:
            continue
        seen.add((start, end))
        literal = text[start:end]
        m = _TRIPLE.fullmatch(literal)
        if m is None or m.group("body") != item.piece.text:
            continue  # not one triple-quoted literal written as its value
        if "\\" in m.group("body") and not m.group("prefix").lower().startswith("r"):
            continue
        body_start = start + m.start("body")
        new_body, problem = _format_body(text, body_start, m.group("body"), m.group("quote"), options, target)
        if problem is not None:
            out.skipped.append(f"{module.source.line_of(body_start)}: {problem}")
            continue
        if new_body != m.group("body"):
            edits.append((body_start, body_start + len(m.group("body")), new_body))
    if not edits:
        return out
    parts: list[str] = []
    last = 0
    for s, e, replacement in sorted(edits):
        parts += [text[last:s], replacement]
        last = e
    new_text = "".join([*parts, text[last:]])
    problem = python_difference(text, new_text, target)
    if problem is not None:
        raise PythonFormatError(f"formatter bug, file left unchanged: {problem}")
    out.text = new_text
    out.changed = len(edits)
    return out


def _format_body(
    text: str, body_start: int, body: str, quote: str, options: FormatOptions, target: Target
) -> tuple[str, str | None]:
    """The new body of a literal (and None), or the body and why not."""
    sql = body.strip()
    if not sql:
        return body, None
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    result = parse(sql, target)
    if result.errors:
        return body, f"SQL does not parse: {result.errors[0].message}"
    if "\n" in lead:
        indent = lead[lead.rindex("\n") + 1 :]
    else:
        line_start = text.rfind("\n", 0, body_start) + 1
        prefix = text[line_start : body_start + len(lead)]
        indent = "".join(c if c == "\t" else " " for c in prefix)
    ends_with_semicolon = bool(result.statements) and result.statements[-1].semicolon is not None
    width = max(20, options.line_width - len(indent.expandtabs(8)))
    local = options.replace(line_width=width, semicolons=ends_with_semicolon)
    try:
        formatted = format_result(result, local).rstrip("\n")
    except FormatterBug as exc:
        return body, f"formatter bug: {exc}"
    new = lead + _indented(formatted, indent, target) + trail
    problem = difference(result, new, target)
    if problem is None:
        problem = _token_difference(sql, new, target)
    if problem is not None:
        return body, f"formatter bug: {problem}"
    if quote in new or new.endswith(quote[0]):
        return body, "the formatted SQL would close the string"
    return new, None


def _indented(sql: str, indent: str, target: Target) -> str:
    """``sql`` with ``indent`` before every line but the first, except
    blank lines and lines that continue a token (a comment or string that
    spans lines keeps its text)."""
    inside: set[int] = set()
    for tok in parse(sql, target).tokens:
        if "\n" in tok.text:
            at = sql.find("\n", tok.start, tok.end)
            while at != -1:
                inside.add(at + 1)
                at = sql.find("\n", at + 1, tok.end)
    out = []
    start = 0
    for line in sql.split("\n"):
        if start and line and start not in inside:
            out.append(indent + line)
        else:
            out.append(line)
        start += len(line) + 1
    return "\n".join(out)


def _token_difference(before: str, after: str, target: Target) -> str | None:
    """Whether the significant tokens differ (keyword case aside),
    semicolons included: the string keeps the SQL it had."""

    def keys(sql: str) -> list[tuple[str, str]]:
        return [
            (t.kind, t.text.upper() if t.kind in KEYWORD_KINDS else t.text)
            for t in parse(sql, target).tokens
            if t.kind != "COMMENT"
        ]

    a, b = keys(before), keys(after)
    return None if a == b else f"the tokens changed ({len(a)} before, {len(b)} after)"


def python_difference(before: str, after: str, target: Target = DEFAULT_TARGET) -> str | None:
    """None when ``after`` has the same ``ast`` as ``before`` apart from
    string constants that hold the same SQL tokens and comments; otherwise
    what differs."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a, b = ast.parse(before), ast.parse(after)
    except SyntaxError as exc:
        return f"the result is not valid Python: {exc.msg} (line {exc.lineno})"
    for x, y in zip(ast.walk(a), ast.walk(b), strict=False):
        if isinstance(x, ast.Constant) and isinstance(y, ast.Constant):
            if isinstance(x.value, str) and isinstance(y.value, str) and x.value != y.value:
                problem = difference(parse(x.value, target), y.value, target)
                if problem is None:
                    problem = _token_difference(x.value, y.value, target)
                if problem is not None:
                    return f"line {x.lineno}: a string's SQL changed: {problem}"
                y.value = x.value
    if ast.dump(a) != ast.dump(b):
        return "the module changed outside its SQL strings"
    return None
