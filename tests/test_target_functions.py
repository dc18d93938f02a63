"""Built-in functions by target: releases and build options that add or
remove them, as the validator sees them (``Resolver.available``)."""

from __future__ import annotations

import pytest

import syntaqlite
from syntaqlite.syntax.target import Target
from syntaqlite.syntax.versions import format_version, previous_release
from syntaqlite.validator import builtins as B


def unknown(sql: str, version: str | None = None, *flags: str) -> list[str]:
    found = syntaqlite.check(sql, sqlite_version=version, sqlite_cflags=list(flags))
    return [d.message for d in found if d.code == "unknown-function"]


def fn(name: str, kind: str | None = None) -> B.Function:
    (found,) = [f for f in B.lookup(name) if kind is None or f.kind == kind]
    return found


def test_math_functions_need_the_option_when_a_build_is_named() -> None:
    # The default target assumes the usual build (the sqlite3 CLI's).
    assert unknown("SELECT sin(1)") == []
    assert unknown("SELECT sin(1)", "3.40.1") == [
        "no such function: sin (sin() needs SQLite built with SQLITE_ENABLE_MATH_FUNCTIONS)"
    ]
    assert unknown("SELECT sin(1)", "3.40.1", "SQLITE_ENABLE_MATH_FUNCTIONS") == []
    assert unknown("SELECT sin(1)", "latest", "SQLITE_SOUNDEX") != []
    assert unknown("SELECT sin(1)", "3.34.1", "SQLITE_ENABLE_MATH_FUNCTIONS") != []  # 3.35.0+


def test_json_before_and_after_3_38() -> None:
    sql = "SELECT json_extract('{}', '$')"
    assert unknown(sql, "3.37.2") != []
    assert unknown(sql, "3.37.2", "SQLITE_ENABLE_JSON1") == []
    assert unknown(sql, "3.38.0") == []
    assert unknown(sql, "3.38.0", "SQLITE_OMIT_JSON") != []
    assert unknown("SELECT json_patch('{}', '{}')", "3.17.0", "SQLITE_ENABLE_JSON1") != []
    assert unknown("SELECT json_patch('{}', '{}')", "3.18.0", "SQLITE_ENABLE_JSON1") == []
    # jsonb arrived later, whatever the option
    assert unknown("SELECT jsonb('{}')", "3.37.2", "SQLITE_ENABLE_JSON1") != []
    assert unknown("SELECT jsonb('{}')", "3.45.0") == []


@pytest.mark.parametrize(
    ("sql", "since"),
    [
        ("SELECT unhex('00')", "3.41.0"),
        ("SELECT iif(1, 2, 3)", "3.32.0"),
        ("SELECT concat('a', 'b')", "3.44.0"),
        ("SELECT unistr('a')", "3.50.0"),
        ("SELECT json_array_insert('[]', '$[0]', 1)", "3.52.0"),
    ],
)
def test_functions_at_their_release(sql: str, since: str) -> None:
    previous = previous_release(Target.from_options(since).version)
    assert previous is not None
    assert unknown(sql, since) == []
    (message,) = unknown(sql, format_version(previous))
    assert f"requires SQLite {since} or later; checking for {format_version(previous)}" in message


def test_options_that_remove_functions() -> None:
    assert not B.available_in(fn("date"), (3, 54, 1), frozenset({"SQLITE_OMIT_DATETIME_FUNCS"}))
    assert B.available_in(fn("date"), (3, 54, 1), frozenset())
    assert not B.available_in(fn("row_number"), (3, 54, 1), frozenset({"SQLITE_OMIT_WINDOWFUNC"}))
    assert B.available_in(fn("count", "aggregate"), (3, 54, 1), frozenset({"SQLITE_OMIT_WINDOWFUNC"}))
    assert not B.available_in(fn("load_extension"), (3, 54, 1), frozenset({"SQLITE_OMIT_LOAD_EXTENSION"}))
    assert not B.available_in(fn("round"), (3, 54, 1), frozenset({"SQLITE_OMIT_FLOATING_POINT"}))
    assert B.unavailable_reason(fn("date"), (3, 54, 1), frozenset({"SQLITE_OMIT_DATETIME_FUNCS"})) == (
        "is not available: SQLite built with SQLITE_OMIT_DATETIME_FUNCS"
    )
    assert B.unavailable_reason(fn("json_extract"), (3, 30, 0), frozenset()) == (
        "needs SQLite built with SQLITE_ENABLE_JSON1 before 3.38.0"
    )
    assert B.unavailable_reason(fn("sin"), (3, 54, 1), frozenset(), usual=True) is None
    assert unknown("SELECT date('now')", "latest", "SQLITE_OMIT_DATETIME_FUNCS") != []


def test_options_that_add_functions() -> None:
    assert unknown("SELECT soundex('x')", "3.40.1") != []
    assert unknown("SELECT soundex('x')", "3.40.1", "SQLITE_SOUNDEX") == []
    assert unknown("SELECT median(1)", "3.51.0") != []
    assert unknown("SELECT median(1)", "3.51.0", "SQLITE_ENABLE_PERCENTILE") == []
    assert unknown("SELECT median(1)", "3.50.4", "SQLITE_ENABLE_PERCENTILE") != []
    bytecode = fn("bytecode")
    assert not B.available_in(bytecode, (3, 54, 1), frozenset(), usual=True)
    assert B.available_in(bytecode, (3, 32, 0), frozenset({"SQLITE_ENABLE_BYTECODE_VTAB"}))
    assert not B.available_in(bytecode, (3, 31, 1), frozenset({"SQLITE_ENABLE_BYTECODE_VTAB"}))
    assert B.available_in(fn("dbstat"), (3, 40, 1), frozenset({"SQLITE_ENABLE_DBSTAT_VTAB"}))


def test_every_required_option_is_a_known_option() -> None:
    from syntaqlite.syntax.cflags import FUNCTION_OPTIONS, KNOWN_CFLAGS

    for f in B.FUNCTIONS:
        assert f.requires is None or f.requires in KNOWN_CFLAGS, f
    for option in B.OMITTED_BY:
        assert option in FUNCTION_OPTIONS or option in KNOWN_CFLAGS, option
    assert B.JSON1_OPTION in FUNCTION_OPTIONS and B.USUALLY_ENABLED <= KNOWN_CFLAGS
