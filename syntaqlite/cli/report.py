"""Diagnostics for tools: JSON, GitHub workflow annotations, SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from .. import __version__
from ..diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class FileReport:
    path: str
    diagnostics: Sequence[Diagnostic]


def to_json(reports: Sequence[FileReport]) -> str:
    rows = [{"path": r.path, **d.to_dict()} for r in reports for d in r.diagnostics]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def concise(path: str, d: Diagnostic) -> str:
    """One line: ``path:line:col: severity[code] message (help)``."""
    tail = f" ({d.help})" if d.help else ""
    return f"{path}:{d.line}:{d.column}: {d.severity.value}[{d.code}] {d.message}{tail}"


def to_concise(reports: Sequence[FileReport]) -> str:
    lines = [concise(r.path, d) for r in reports for d in r.diagnostics]
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
            props = ",".join(
                [
                    f"file={_escape_property(r.path)}",
                    f"line={d.line}",
                    f"col={d.column}",
                    f"endLine={d.end_line}",
                    f"endColumn={d.end_column}",
                    f"title={_escape_property('syntaqlite ' + d.code)}",
                ]
            )
            message = d.message + (f" ({d.help})" if d.help else "")
            lines.append(f"::{kind} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_sarif(reports: Sequence[FileReport]) -> str:
    """A SARIF 2.1.0 log (for GitHub code scanning and other viewers)."""
    from ..validator.rules import RULES

    codes = sorted({d.code for r in reports for d in r.diagnostics})
    rule_index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        rule = RULES.get(code)
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
            result: dict[str, object] = {
                "ruleId": d.code,
                "ruleIndex": rule_index[d.code],
                "level": _SARIF_LEVEL[d.severity],
                "message": {"text": d.message + (f" ({d.help})" if d.help else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": r.path.replace("\\", "/")},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": max(d.end_column, d.column + (1 if d.end_line == d.line else 0)),
                            },
                        }
                    }
                ],
            }
            if d.replacement is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with '{d.replacement}'"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": r.path.replace("\\", "/")},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": d.line,
                                            "startColumn": d.column,
                                            "endLine": d.end_line,
                                            "endColumn": d.end_column,
                                        },
                                        "insertedContent": {"text": d.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "syntaqlite",
                        "version": __version__,
                        "informationUri": "https://example.invalid/syntaqlite",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
