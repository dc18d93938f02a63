"""The Python API checks its arguments: a TypeError or ValueError that
names the parameter, never a failure deep inside or a value silently
ignored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import syntaqlite
from syntaqlite import FormatOptions


@pytest.mark.parametrize("fn", [syntaqlite.parse, syntaqlite.format_sql, syntaqlite.check])
@pytest.mark.parametrize(("text", "says"), [(None, "NoneType"), (b"SELECT 1", "bytes"), ({"a": 1}, "dict")])
def test_text_must_be_a_str(fn: Callable[..., Any], text: object, says: str) -> None:
    with pytest.raises(TypeError, match=rf"^text must be a str, not {says}"):
        fn(text)


def test_bytes_get_a_hint() -> None:
    with pytest.raises(TypeError, match=r"decode it first"):
        syntaqlite.parse(b"SELECT 1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error", "says"),
    [
        ({"sqlite_version": 3}, TypeError, "sqlite_version must be a str"),
        ({"sqlite_cflags": "SQLITE_ENABLE_FTS5"}, TypeError, "sqlite_cflags must be a list or tuple"),
        ({"sqlite_cflags": [5]}, TypeError, "sqlite_cflags must hold str"),
        ({"sqlite_version": "3.99.0"}, ValueError, "unknown SQLite version"),
        ({"target": "latest"}, TypeError, "target must be a syntaqlite.Target"),
    ],
)
@pytest.mark.parametrize("fn", [syntaqlite.parse, syntaqlite.format_sql, syntaqlite.check])
def test_target_arguments(fn: Callable[..., Any], kwargs: dict[str, object], error: type, says: str) -> None:
    with pytest.raises(error, match=says):
        fn("SELECT 1", **kwargs)


def test_target_and_version_together_are_refused() -> None:
    target = syntaqlite.Target.from_options("3.45.0", [])
    with pytest.raises(ValueError, match="either target or sqlite_version"):
        syntaqlite.parse("SELECT 1", target=target, sqlite_version="3.30.0")


def test_format_options_must_be_format_options() -> None:
    with pytest.raises(
        TypeError, match=r"options must be a FormatOptions or None, not dict \(use FormatOptions"
    ):
        syntaqlite.format_sql("select 1", {"line_width": 3})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="line-width must be a positive integer, not True"):
        FormatOptions(line_width=True)
    assert syntaqlite.format_sql("select 1", FormatOptions(keyword_case="lower")) == "select 1;\n"


@pytest.mark.parametrize(
    ("kwargs", "error", "says"),
    [
        (
            {"severities": {"unknown-colum": "off"}},
            ValueError,
            "severities: unknown check code 'unknown-colum'",
        ),
        ({"severities": {"unknown-table": "loud"}}, ValueError, "severities: unknown-table = 'loud'"),
        ({"severities": ["unknown-table"]}, TypeError, "severities must be a mapping"),
        ({"schema": 5}, TypeError, "schema must be a Catalog, SQL text"),
        ({"schema": b"CREATE TABLE t(a)"}, TypeError, "schema must be a Catalog, SQL text"),
        ({"schema": Path("x.sql")}, TypeError, "schema must be a Catalog, SQL text"),
        ({"schema": [b"x.sql"]}, TypeError, "schema must list file paths"),
        ({"functions": ["regexp"]}, TypeError, "functions must be a mapping"),
        ({"collations": "nocase2"}, TypeError, "collations must be a list of names"),
        ({"modules": "vec0"}, TypeError, "modules must be a mapping or a list of names"),
    ],
)
def test_check_arguments(kwargs: dict[str, object], error: type, says: str) -> None:
    with pytest.raises(error, match=says):
        syntaqlite.check("SELECT a FROM t", **kwargs)  # type: ignore[arg-type]


def test_good_arguments_still_work(tmp_path: Path) -> None:
    schema = tmp_path / "s.sql"
    schema.write_text("CREATE TABLE t(a);")
    assert syntaqlite.check("SELECT a FROM t", schema=[schema]) == []
    assert syntaqlite.check("SELECT a FROM t", schema=(str(schema),)) == []
    found = syntaqlite.check(
        "SELECT b FROM t", schema="CREATE TABLE t(a)", severities={"unknown-column": "warning"}
    )
    assert [(d.code, d.severity.value) for d in found] == [("unknown-column", "warning")]
