"""Targets: SQLite releases and build options, and the syntax each accepts.

Every row of the feature table is tested at its boundary (accepted by the
release that added it, rejected by the release just before), every keyword
that appeared after 3.12.0 is an identifier before its release, and every
build option that removes syntax removes it.
"""

from __future__ import annotations

import pytest

from syntaqlite import parse
from syntaqlite.syntax import cflags as C
from syntaqlite.syntax.features import CHANGES, FEATURES, Feature
from syntaqlite.syntax.lexer import LexDialect, tokenize
from syntaqlite.syntax.parser import _FALLBACK
from syntaqlite.syntax.target import DEFAULT_TARGET, Target, TargetError
from syntaqlite.syntax.tokens import KEYWORDS
from syntaqlite.syntax.versions import (
    KEYWORD_SINCE,
    LATEST,
    OLDEST,
    RELEASES,
    WITHDRAWN,
    format_version,
    previous_release,
)
from syntaqlite.text import Lines


def errors(sql: str, version: tuple[int, int, int] = LATEST, *flags: str) -> list[str]:
    return [e.message for e in parse(sql, target=Target(version, frozenset(flags))).errors]


def kinds(sql: str, target: Target) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokenize(sql, target.keywords, target.lex_dialect)]


# ---- the release list -------------------------------------------------------


def test_release_list() -> None:
    assert RELEASES[0] == OLDEST == (3, 12, 0)
    assert RELEASES[-1] == LATEST == (3, 54, 1)
    assert list(RELEASES) == sorted(set(RELEASES))
    assert len(RELEASES) == 112
    for v in [(3, 14, 0), (3, 18, 2), (3, 19, 3), (3, 35, 5), (3, 38, 5), (3, 44, 2), (3, 51, 3), (3, 53, 4)]:
        assert v in RELEASES, v
    for v in [(3, 11, 1), (3, 9, 3), (3, 44, 3), (3, 42, 1), (3, 52, 1), (3, 54, 2)]:
        assert v not in RELEASES, v
    assert {(3, 52, 0)} == WITHDRAWN and (3, 52, 0) in RELEASES
    assert previous_release((3, 25, 0)) == (3, 24, 0)
    assert previous_release((3, 52, 0)) == (3, 51, 3)
    assert previous_release((3, 19, 0)) == (3, 18, 2)
    assert previous_release(OLDEST) is None


@pytest.mark.parametrize("text", ["3.12.0", "3.14", "3.40.1", "latest", "LATEST", " 3.54.1 ", None, ""])
def test_valid_versions(text: str | None) -> None:
    target = Target.from_options(text)
    assert target.version in RELEASES


@pytest.mark.parametrize("text", ["3.11.0", "3.54.2", "3.44.3", "4.0.0", "3", "3.40.1.0", "three", "3.40.x"])
def test_unknown_versions_list_the_valid_ones(text: str) -> None:
    with pytest.raises(TargetError) as info:
        Target.from_options(text)
    message = str(info.value)
    assert f"unknown SQLite version {text!r}" in message
    assert "3.12.0-3.12.2" in message and "3.54.0-3.54.1" in message and "'latest'" in message


def test_options_are_normalized_and_checked() -> None:
    target = Target.from_options("3.40.1", ["sqlite_enable_update_delete_limit", "-DSQLITE_SOUNDEX=1"])
    assert target.cflags == {"SQLITE_ENABLE_UPDATE_DELETE_LIMIT", "SQLITE_SOUNDEX"}
    assert Target.from_options(None, "SQLITE_OMIT_CTE").cflags == {"SQLITE_OMIT_CTE"}
    with pytest.raises(TargetError) as info:
        Target.from_options(None, ["SQLITE_ENABLE_NOTHING", "SQLITE_OMIT_CTE"])
    assert "unknown compile-time option SQLITE_ENABLE_NOTHING" in str(info.value)
    assert "SQLITE_OMIT_TRIGGER" in str(info.value) and "SQLITE_ENABLE_MATH_FUNCTIONS" in str(info.value)
    with pytest.raises(TargetError):
        Target((3, 99, 0))
    with pytest.raises(TargetError):
        Target(LATEST, frozenset({"NOT_AN_OPTION"}))


def test_default_target_is_the_newest_default_build() -> None:
    assert Target.from_options("3.54.1") == Target.from_options("latest") == DEFAULT_TARGET
    assert DEFAULT_TARGET.is_default
    assert DEFAULT_TARGET.keywords is KEYWORDS
    assert DEFAULT_TARGET.lex_dialect is None
    assert DEFAULT_TARGET.gated_features == ()
    assert DEFAULT_TARGET.stack_limit == 2500
    assert not Target(LATEST, frozenset({"SQLITE_SOUNDEX"})).is_default
    # Options that only add functions change nothing in the parser.
    enable = Target(LATEST, frozenset({"SQLITE_ENABLE_MATH_FUNCTIONS", "SQLITE_ENABLE_UPDATE_DELETE_LIMIT"}))
    assert enable.keywords == KEYWORDS and enable.lex_dialect is None and enable.gated_features == ()


# ---- the feature table ------------------------------------------------------

VERSIONED = [f for f in FEATURES if f.since is not None]
OMITTED = [f for f in FEATURES if f.omitted_by is not None]


def test_feature_table_shape() -> None:
    keys = [f.key for f in FEATURES]
    assert len(keys) == len(set(keys))
    for f in FEATURES:
        assert f.since is not None or f.omitted_by is not None, f.key
        assert f.since is None or f.since in RELEASES, f.key
        assert f.omitted_by is None or f.omitted_by in C.SYNTAX_OPTIONS, f.key
        assert f.requires is None or f.requires in C.SYNTAX_OPTIONS, f.key
        assert not (f.test and f.token_test), f.key
        assert bool(f.kinds) == (f.test is not None), f.key


@pytest.mark.parametrize("feature", VERSIONED, ids=lambda f: f.key)
def test_feature_boundary(feature: Feature) -> None:
    assert feature.since is not None
    flags = (feature.requires,) if feature.requires else ()
    assert errors(feature.example, feature.since, *flags) == [], feature.example
    before = previous_release(feature.since)
    assert before is not None
    found = errors(feature.example, before, *flags)
    assert len(found) == 1, found
    if feature.key == "temp-trigger-qualified-names":
        assert "TEMP triggers allow them from SQLite 3.52.0" in found[0]
        return
    assert found[0].startswith(feature.title), found
    assert (
        f"SQLite {format_version(feature.since)} or later; checking for {format_version(before)}" in found[0]
    )
    # and every newer release has it
    assert errors(feature.example, LATEST, *flags) == []


@pytest.mark.parametrize("feature", OMITTED, ids=lambda f: f"{f.key}-{f.omitted_by}")
def test_build_options_remove_syntax(feature: Feature) -> None:
    assert feature.omitted_by is not None
    assert errors(feature.example) == []
    found = errors(feature.example, LATEST, feature.omitted_by)
    assert len(found) == 1, found
    assert found[0].endswith(f"not available: SQLite built with {feature.omitted_by}"), found


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: f"{format_version(c.since)}-{c.example[:12]}")
def test_tokenizer_and_driver_changes(change: object) -> None:
    before = previous_release(change.since)  # type: ignore[attr-defined]
    assert before is not None
    assert (errors(change.example, change.since) == []) is change.accepted_after  # type: ignore[attr-defined]
    assert (errors(change.example, before) == []) is change.accepted_before  # type: ignore[attr-defined]


def test_ordered_set_aggregates_need_the_option_and_3_51() -> None:
    sql = "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) FROM t"
    flag = "SQLITE_ENABLE_ORDERED_SET_AGGREGATES"
    assert errors(sql, LATEST, flag) == []
    assert errors(sql, (3, 51, 0), flag) == []
    assert errors(sql, (3, 50, 4), flag) == [
        "WITHIN GROUP (ORDER BY ...) requires SQLite 3.51.0 or later; checking for 3.50.4"
    ]
    # Without the option WITHIN is a name (an alias), GROUP starts GROUP BY.
    assert errors(sql) == ["syntax error near '(': expected BY"]
    assert errors(sql, (3, 53, 0)) == ["WITHIN GROUP (ORDER BY ...) requires SQLite built with " + flag]


def test_update_delete_limit_at_any_version() -> None:
    sql = "DELETE FROM t ORDER BY a LIMIT 1"
    flag = "SQLITE_ENABLE_UPDATE_DELETE_LIMIT"
    assert errors(sql, (3, 12, 0), flag) == [] and errors(sql, (3, 40, 1), flag) == []
    assert "SQLITE_ENABLE_UPDATE_DELETE_LIMIT" in errors(sql, (3, 40, 1))[0]


# ---- keywords over time --------------------------------------------------------


@pytest.mark.parametrize("word", sorted(w for w in KEYWORD_SINCE if w != "WITHIN"))
def test_keyword_history(word: str) -> None:
    since = KEYWORD_SINCE[word]
    before = previous_release(since)
    assert before is not None
    kind = KEYWORDS[word]
    assert kinds(f"SELECT {word.lower()}", Target(since))[1] == (kind, word.lower())
    assert kinds(f"SELECT {word.lower()}", Target(before))[1] == ("ID", word.lower())
    if kind not in _FALLBACK and word not in ("FILTER", "OVER", "WINDOW"):
        # a reserved word from its release on: a table name only before
        sql = f"CREATE TABLE {word.lower()}(a)"
        assert errors(sql, before) == []
        assert errors(sql, since) != []


def test_every_other_keyword_is_old() -> None:
    old = Target(OLDEST).keywords
    assert set(KEYWORDS) - set(old) == set(KEYWORD_SINCE) - {"WITHIN"}
    assert "WITHIN" not in KEYWORDS


def test_build_options_remove_keywords() -> None:
    def words(*flags: str) -> set[str]:
        return set(KEYWORDS) - set(Target(LATEST, frozenset(flags)).keywords)

    assert words("SQLITE_OMIT_TRIGGER") == {
        "AFTER",
        "BEFORE",
        "EACH",
        "FOR",
        "INSTEAD",
        "RAISE",
        "ROW",
        "TRIGGER",
    }
    assert "ABORT" in words("SQLITE_OMIT_TRIGGER", "SQLITE_OMIT_CONFLICT_CLAUSE")
    assert words("SQLITE_OMIT_VACUUM") == set()
    assert words("SQLITE_OMIT_VACUUM", "SQLITE_OMIT_AUTOVACUUM") == {"VACUUM"}
    assert words("SQLITE_OMIT_VIRTUALTABLE") == {"ADD", "ALTER", "COLUMN", "RENAME", "VIRTUAL"}
    assert words("SQLITE_OMIT_WINDOWFUNC") == {
        "CURRENT", "EXCLUDE", "FILTER", "FOLLOWING", "GROUPS", "OTHERS", "OVER",
        "PARTITION", "PRECEDING", "RANGE", "TIES", "UNBOUNDED", "WINDOW",
    }  # fmt: skip
    assert "NO" in words("SQLITE_OMIT_WINDOWFUNC", "SQLITE_OMIT_FOREIGN_KEY")
    assert C.omitted_keywords({"SQLITE_OMIT_CTE"}) == {
        "MATERIALIZED": "SQLITE_OMIT_CTE",
        "RECURSIVE": "SQLITE_OMIT_CTE",
        "WITH": "SQLITE_OMIT_CTE",
    }


def test_generated_is_reserved_without_generated_columns() -> None:
    sql = "CREATE TABLE t(generated INT, always INT)"
    assert errors(sql) == []
    found = errors(sql, LATEST, "SQLITE_OMIT_GENERATED_COLUMNS")
    assert found and "near 'generated'" in found[0]


def test_omitted_statements_are_names_where_sqlite_reads_them_so() -> None:
    # Without the keywords these are ordinary function calls and type names.
    assert errors("SELECT raise(ignore)", LATEST, "SQLITE_OMIT_TRIGGER") == []
    assert errors("CREATE TABLE t(a REFERENCES u)", LATEST, "SQLITE_OMIT_FOREIGN_KEY") == []
    assert errors("SELECT x'00'", LATEST, "SQLITE_OMIT_BLOB_LITERAL") == []


# ---- the tokenizer of older releases and builds ---------------------------------


def test_legacy_tokenizer() -> None:
    old = Target((3, 35, 5))
    assert kinds("SELECT 0x1g, 1_000, 0xFF_EF", old) == [
        ("SELECT", "SELECT"),
        ("INTEGER", "0x1"),
        ("ID", "g"),
        ("COMMA", ","),
        ("ILLEGAL", "1_000"),
        ("COMMA", ","),
        ("INTEGER", "0xFF"),
        ("ID", "_EF"),
    ]
    assert kinds("a->>b->c", old) == [
        ("ID", "a"),
        ("MINUS", "-"),
        ("RSHIFT", ">>"),
        ("ID", "b"),
        ("MINUS", "-"),
        ("GT", ">"),
        ("ID", "c"),
    ]
    assert kinds("\ufeffSELECT 1", old)[0] == ("ID", "\ufeffSELECT")
    assert kinds("\ufeffSELECT 1", Target((3, 36, 0)))[0] == ("SELECT", "SELECT")
    assert kinds("SELECT 1_000, 0x1g", Target((3, 46, 0))) == [
        ("SELECT", "SELECT"),
        ("QNUMBER", "1_000"),
        ("COMMA", ","),
        ("ILLEGAL", "0x1g"),
    ]


def test_tokenizer_build_options() -> None:
    text = "1.5 .5 1e5 0x10 X'00' $a::b(c)"
    assert [t.kind for t in tokenize(text)] == ["FLOAT", "FLOAT", "FLOAT", "INTEGER", "BLOB", "VARIABLE"]
    bare = LexDialect(hex_integers=False, floating_point=False, tcl_variables=False, blob_literals=False)
    assert [(t.kind, t.text) for t in tokenize(text, KEYWORDS, bare)] == [
        ("INTEGER", "1"),
        ("DOT", "."),
        ("INTEGER", "5"),
        ("DOT", "."),
        ("INTEGER", "5"),
        ("ILLEGAL", "1e5"),
        ("ILLEGAL", "0x10"),
        ("ID", "X"),
        ("STRING", "'00'"),
        ("VARIABLE", "$a"),
        ("ILLEGAL", ":"),
        ("VARIABLE", ":b"),
        ("LP", "("),
        ("ID", "c"),
        ("RP", ")"),
    ]
    target = Target(LATEST, frozenset({"SQLITE_OMIT_HEX_INTEGER", "SQLITE_OMIT_FLOATING_POINT"}))
    assert target.lex_dialect == LexDialect(hex_integers=False, floating_point=False)


def test_parser_stack_limits() -> None:
    def deep(n: int) -> str:
        return "SELECT " + "(" * n + "1" + ")" * n

    assert Target((3, 45, 3)).stack_limit == 100
    assert Target((3, 46, 0)).stack_limit is None and Target((3, 51, 3)).stack_limit is None
    assert Target((3, 52, 0)).stack_limit == 2500
    # thresholds measured with SQLite 3.45.3 (apsw): 93 parentheses parse, 94 do not
    assert errors(deep(93), (3, 45, 3)) == []
    assert errors(deep(94), (3, 45, 3)) == [
        "parser stack overflow: the statement nests too deeply for SQLite (its parser stack holds 100 entries)"
    ]
    assert errors(deep(5000), (3, 49, 2)) == []
    assert "2500 entries" in errors(deep(5000), (3, 53, 0))[0]


# ---- messages and spans -----------------------------------------------------------


def test_message_names_feature_version_and_span() -> None:
    result = parse("SELECT 1;\nDELETE FROM t\n  RETURNING *;", sqlite_version="3.32.2")
    (err,) = result.errors
    assert err.message == "RETURNING requires SQLite 3.35.0 or later; checking for 3.32.2"
    lines = Lines(result.source)
    assert (*lines.position(err.start), *lines.position(err.end)) == (3, 3, 3, 12)
    assert result.source[err.start : err.end] == "RETURNING"
    assert len(result.statements) == 1


def test_message_for_a_later_keyword_inside_a_line() -> None:
    text = "SELECT a,\n       count(*) FILTER (WHERE b) FROM t"
    (err,) = parse(text, sqlite_version="3.29.0").errors
    assert err.message.startswith("FILTER on an aggregate call without OVER requires SQLite 3.30.0")
    assert text[err.start : err.end] == "FILTER"
    assert Lines(text).position(err.start) == (2, 17)


def test_plain_syntax_errors_stay_plain() -> None:
    # The newest release rejects it too: nothing to explain.
    (err,) = parse("SELECT a FORM t", sqlite_version="3.20.0").errors
    assert err.message.startswith("syntax error near 't'")
    # The first missing feature comes after the error: not the cause.
    (err,) = parse("SELECT 1 2 FROM t RETURNING *", sqlite_version="3.30.0").errors
    assert err.message.startswith("syntax error near '2'")


def test_older_releases_accept_what_newer_reject() -> None:
    assert errors("SELECT 0x1g") != [] and errors("SELECT 0x1g", (3, 45, 3)) == []
    assert errors("CREATE TABLE returning(a)") != [] and errors("CREATE TABLE returning(a)", (3, 34, 1)) == []


def test_each_statement_is_judged_alone() -> None:
    result = parse("DELETE FROM t RETURNING *; SELECT 1; DELETE FROM t ORDER BY a", sqlite_version="3.30.0")
    assert [Lines(result.source).position(e.start)[0] for e in result.errors] == [1, 1]
    assert len(result.statements) == 1
    assert "RETURNING" in result.errors[0].message and "ORDER BY" in result.errors[1].message


def test_default_parse_is_unchanged_on_the_sample(upstream_corpus: list[dict[str, str]]) -> None:
    # The newest release given explicitly takes the same path as the default.
    for row in upstream_corpus[:300]:
        a = parse(row["sql"])
        b = parse(row["sql"], sqlite_version="latest", sqlite_cflags=[])
        assert [e.message for e in a.errors] == [e.message for e in b.errors]
