"""Diagnostics for tools: JSON, GitHub workflow annotations, SARIF 2.1.0.
(``json`` loads only for the formats that write it: ``check`` on a terminal
does not need it.)"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from .. import __version__
from .._record import Record
from ..diagnostics import Diagnostic, Severity, as_lines
from ..text import Lines, printable


class FileReport(Record):
    """One file's diagnostics, with the file's text (their spans are
    offsets into it; lines and columns are computed from it here)."""

    __slots__ = ("path", "diagnostics", "text", "__dict__")  # __dict__: cached properties

    path: str
    diagnostics: Sequence[Diagnostic]
    text: str

    def __init__(self, path: str, diagnostics: Sequence[Diagnostic], text: str) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.text = text

    @cached_property
    def lines(self) -> Lines:
        return Lines(self.text)


def to_json(reports: Sequence[FileReport]) -> str:
    import json

    rows = [{"path": r.path, **d.to_dict(r.lines)} for r in reports for d in r.diagnostics]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def concise(path: str, d: Diagnostic, source: str | Lines) -> str:
    """One line: ``path:line:col: severity[code] message (help)``; ``source``
    is the text ``d`` was made from."""
    tail = f" ({printable(d.help)})" if d.help else ""
    line, column = as_lines(source).position(d.start)
    return f"{printable(path)}:{line}:{column}: {d.severity.value}[{d.code}] {printable(d.message)}{tail}"


def to_concise(reports: Sequence[FileReport]) -> str:
    lines = [concise(r.path, d, r.lines) for r in reports for d in r.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(reports: Sequence[FileReport]) -> str:
    """One workflow command per diagnostic, which GitHub shows as an
    annotation on the line."""
    lines = []
    for r in reports:
        for d in r.diagnostics:
            kind = {"error": "error", "warning": "warning"}.get(d.severity.value, "notice")
            (line, column), (end_line, end_column) = r.lines.position(d.start), r.lines.position(d.end)
            props = ",".join(
                [
                    f"file={_escape_property(r.path)}",
                    f"line={line}",
                    f"col={column}",
                    f"endLine={end_line}",
                    f"endColumn={end_column}",
                    f"title={_escape_property('syntaqlite ' + d.code)}",
                ]
            )
            message = d.message + (f" ({d.help})" if d.help else "")
            lines.append(f"::{kind} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def sarif_uri(path: str) -> str:
    """A SARIF ``artifactLocation.uri``: a URI reference, so a relative path
    percent-encoded (spaces, ``#``, ``%``, ``:`` ...) and an absolute one a
    ``file:`` URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    import urllib.parse  # for SARIF only

    return urllib.parse.quote(path.replace("\\", "/"), safe="/")


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_sarif(reports: Sequence[FileReport]) -> str:
    """A SARIF 2.1.0 log (for GitHub code scanning and other viewers)."""
    from ..python.rules import PYTHON_RULES
    from ..validator.rules import RULES

    codes = sorted({d.code for r in reports for d in r.diagnostics})
    rule_index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        rule = RULES.get(code) or PYTHON_RULES.get(code)
        entry: dict[str, object] = {"id": code, "name": code}
        if rule is not None:
            entry["shortDescription"] = {"text": rule.summary}
            entry["fullDescription"] = {"text": rule.explanation.split("\n\n", 1)[0]}
            entry["help"] = {"text": rule.explanation}
            entry["defaultConfiguration"] = {"level": _SARIF_LEVEL[rule.severity]}
        else:
            entry["shortDescription"] = {"text": "SQL syntax error" if code == "syntax" else code}
            entry["defaultConfiguration"] = {"level": "error"}
        rules.append(entry)
    results = []
    for r in reports:
        for d in r.diagnostics:
            (line, column), (end_line, end_column) = r.lines.position(d.start), r.lines.position(d.end)
            result: dict[str, object] = {
                "ruleId": d.code,
                "ruleIndex": rule_index[d.code],
                "level": _SARIF_LEVEL[d.severity],
                "message": {"text": d.message + (f" ({d.help})" if d.help else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": sarif_uri(r.path)},
                            "region": {
                                "startLine": line,
                                "startColumn": column,
                                "endLine": end_line,
                                "endColumn": max(end_column, column + (1 if end_line == line else 0)),
                            },
                        }
                    }
                ],
            }
            if d.replacement is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with '{d.replacement}'"},
                        # ruff's word: safe fixes keep the meaning (check --fix),
                        # unsafe ones may not (check --fix --unsafe-fixes).
                        "properties": {"applicability": "safe" if d.fix_safe else "unsafe"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": sarif_uri(r.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": line,
                                            "startColumn": column,
                                            "endLine": end_line,
                                            "endColumn": end_column,
                                        },
                                        "insertedContent": {"text": d.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    import json

    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "syntaqlite",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
