"""SQLite's compile-time options that change what SQL it accepts.

Three groups, by where SQLite itself conditions on them:

* ``SYNTAX_OPTIONS``: options that ``src/parse.y`` (``%ifdef``/``%ifndef``
  blocks), the keyword table (``tool/mkkeywordhash.c`` masks) or the
  tokenizer (``src/tokenize.c``) test.  They decide which words are keywords,
  which statements and clauses exist, and how numbers, blobs and parameters
  are read.
* ``FUNCTION_OPTIONS``: options that add or remove built-in SQL functions
  (the validator's business, see :mod:`syntaqlite.validator.builtins`).
* ``MODULE_OPTIONS``: options that add virtual-table modules (FTS, R*Tree
  ...).  syntaqlite accepts them so that a configuration can describe its
  build; they change neither the syntax nor the function table.

The keyword masks below restate ``mkkeywordhash.c``: a keyword is in the
table when at least one of its groups is compiled in.
"""

from __future__ import annotations

from collections.abc import Iterable

SYNTAX_OPTIONS: dict[str, str] = {
    "SQLITE_ENABLE_UPDATE_DELETE_LIMIT": "ORDER BY and LIMIT on UPDATE and DELETE",
    "SQLITE_ENABLE_ORDERED_SET_AGGREGATES": "WITHIN GROUP (ORDER BY ...) after an aggregate call (3.51.0+)",
    "SQLITE_OMIT_ALTERTABLE": "no ALTER TABLE",
    "SQLITE_OMIT_ANALYZE": "no ANALYZE",
    "SQLITE_OMIT_ATTACH": "no ATTACH, DETACH (nor VACUUM)",
    "SQLITE_OMIT_AUTOINCREMENT": "AUTOINCREMENT is not a keyword",
    "SQLITE_OMIT_AUTOVACUUM": "with SQLITE_OMIT_VACUUM or SQLITE_OMIT_ATTACH, VACUUM is not a keyword",
    "SQLITE_OMIT_BLOB_LITERAL": "no X'...' blob literals (X is a name, then a string)",
    "SQLITE_OMIT_CAST": "no CAST",
    "SQLITE_OMIT_COMPOUND_SELECT": "no UNION, INTERSECT, EXCEPT",
    "SQLITE_OMIT_CONFLICT_CLAUSE": "no ON CONFLICT / OR REPLACE conflict clauses, no REPLACE",
    "SQLITE_OMIT_CTE": "no WITH (common table expressions)",
    "SQLITE_OMIT_EXPLAIN": "no EXPLAIN",
    "SQLITE_OMIT_FLOATING_POINT": "no floating-point literals (nor round())",
    "SQLITE_OMIT_FOREIGN_KEY": "REFERENCES, FOREIGN ... are not keywords (no foreign key clauses)",
    "SQLITE_OMIT_GENERATED_COLUMNS": "no generated columns; GENERATED is a reserved word",
    "SQLITE_OMIT_HEX_INTEGER": "no 0x... hexadecimal integers",
    "SQLITE_OMIT_PRAGMA": "no PRAGMA",
    "SQLITE_OMIT_REINDEX": "no REINDEX",
    "SQLITE_OMIT_RETURNING": "no RETURNING",
    "SQLITE_OMIT_SUBQUERY": "no subqueries, EXISTS or IN",
    "SQLITE_OMIT_TCL_VARIABLE": "no $name(...) / $a::b parameter suffixes",
    "SQLITE_OMIT_TEMPDB": "no CREATE TEMP ...",
    "SQLITE_OMIT_TRIGGER": "no CREATE/DROP TRIGGER; RAISE is not a keyword",
    "SQLITE_OMIT_UPSERT": "no UPSERT (ON CONFLICT ... DO)",
    "SQLITE_OMIT_VACUUM": "no VACUUM",
    "SQLITE_OMIT_VIEW": "no CREATE/DROP VIEW",
    "SQLITE_OMIT_VIRTUALTABLE": "no CREATE VIRTUAL TABLE (nor ALTER TABLE)",
    "SQLITE_OMIT_WINDOWFUNC": "no window functions",
}

FUNCTION_OPTIONS: dict[str, str] = {
    "SQLITE_ENABLE_MATH_FUNCTIONS": "math functions (acos ... trunc), 3.35.0+",
    "SQLITE_ENABLE_PERCENTILE": "median, percentile, percentile_cont, percentile_disc (3.51.0+)",
    "SQLITE_ENABLE_JSON1": "JSON functions before 3.38.0 (core since)",
    "SQLITE_OMIT_JSON": "no JSON functions (3.38.0+)",
    "SQLITE_SOUNDEX": "soundex()",
    "SQLITE_ENABLE_OFFSET_SQL_FUNC": "sqlite_offset()",
    "SQLITE_ENABLE_DBSTAT_VTAB": "the dbstat table-valued function",
    "SQLITE_ENABLE_BYTECODE_VTAB": "the bytecode() and tables_used() table-valued functions (3.32.0+)",
    "SQLITE_ENABLE_STMTVTAB": "the sqlite_stmt table-valued function",
    "SQLITE_ENABLE_DBPAGE_VTAB": "the sqlite_dbpage table-valued function",
    "SQLITE_OMIT_DATETIME_FUNCS": "no date and time functions",
    "SQLITE_OMIT_COMPILEOPTION_DIAGS": "no sqlite_compileoption_used/get(), no PRAGMA compile_options",
    "SQLITE_OMIT_LOAD_EXTENSION": "no load_extension()",
    "SQLITE_OMIT_INTROSPECTION_PRAGMAS": "no pragma_function_list, pragma_module_list, pragma_pragma_list",
}

MODULE_OPTIONS: dict[str, str] = {
    "SQLITE_ENABLE_FTS3": "the fts3 virtual-table module (and its functions: offsets, snippet ...)",
    "SQLITE_ENABLE_FTS4": "the fts4 virtual-table module",
    "SQLITE_ENABLE_FTS5": "the fts5 virtual-table module (and its functions: bm25, highlight ...)",
    "SQLITE_ENABLE_RTREE": "the rtree virtual-table module",
    "SQLITE_ENABLE_GEOPOLY": "the geopoly virtual-table module",
    "SQLITE_ENABLE_CARRAY": "the carray table-valued function (its pointer argument is bound from C)",
}

KNOWN_CFLAGS: frozenset[str] = (
    frozenset(SYNTAX_OPTIONS) | frozenset(FUNCTION_OPTIONS) | frozenset(MODULE_OPTIONS)
)

# Option groups of mkkeywordhash.c, and when each is compiled out.
_GROUP_OMITTED_BY: dict[str, tuple[frozenset[str], ...]] = {
    # group -> alternatives; the group is out when every option of one
    # alternative is set (alternatives are OR-ed).
    "ALTER": (frozenset({"SQLITE_OMIT_ALTERTABLE"}), frozenset({"SQLITE_OMIT_VIRTUALTABLE"})),
    "ANALYZE": (frozenset({"SQLITE_OMIT_ANALYZE"}),),
    "ATTACH": (frozenset({"SQLITE_OMIT_ATTACH"}),),
    "AUTOINCR": (frozenset({"SQLITE_OMIT_AUTOINCREMENT"}),),
    "CAST": (frozenset({"SQLITE_OMIT_CAST"}),),
    "COMPOUND": (frozenset({"SQLITE_OMIT_COMPOUND_SELECT"}),),
    "CONFLICT": (frozenset({"SQLITE_OMIT_CONFLICT_CLAUSE"}),),
    "EXPLAIN": (frozenset({"SQLITE_OMIT_EXPLAIN"}),),
    "FKEY": (frozenset({"SQLITE_OMIT_FOREIGN_KEY"}),),
    "PRAGMA": (frozenset({"SQLITE_OMIT_PRAGMA"}),),
    "REINDEX": (frozenset({"SQLITE_OMIT_REINDEX"}),),
    "TRIGGER": (frozenset({"SQLITE_OMIT_TRIGGER"}),),
    "VACUUM": (
        frozenset({"SQLITE_OMIT_AUTOVACUUM", "SQLITE_OMIT_VACUUM"}),
        frozenset({"SQLITE_OMIT_AUTOVACUUM", "SQLITE_OMIT_ATTACH"}),
    ),
    "VIEW": (frozenset({"SQLITE_OMIT_VIEW"}),),
    "VTAB": (frozenset({"SQLITE_OMIT_VIRTUALTABLE"}),),
    "CTE": (frozenset({"SQLITE_OMIT_CTE"}),),
    "UPSERT": (frozenset({"SQLITE_OMIT_UPSERT"}),),
    "WINDOWFUNC": (frozenset({"SQLITE_OMIT_WINDOWFUNC"}),),
    "GENCOL": (frozenset({"SQLITE_OMIT_GENERATED_COLUMNS"}),),
    "RETURNING": (frozenset({"SQLITE_OMIT_RETURNING"}),),
}

# Keyword text -> the groups that keep it in the table (absent: always).
KEYWORD_GROUPS: dict[str, tuple[str, ...]] = {
    "ABORT": ("CONFLICT", "TRIGGER"),
    "ACTION": ("FKEY",),
    "ADD": ("ALTER",),
    "AFTER": ("TRIGGER",),
    "ALTER": ("ALTER",),
    "ALWAYS": ("GENCOL",),
    "ANALYZE": ("ANALYZE",),
    "ATTACH": ("ATTACH",),
    "AUTOINCREMENT": ("AUTOINCR",),
    "BEFORE": ("TRIGGER",),
    "CASCADE": ("FKEY",),
    "CAST": ("CAST",),
    "COLUMN": ("ALTER",),
    "CONFLICT": ("CONFLICT",),
    "CURRENT": ("WINDOWFUNC",),
    "DATABASE": ("ATTACH",),
    "DEFERRABLE": ("FKEY",),
    "DETACH": ("ATTACH",),
    "DO": ("UPSERT",),
    "EACH": ("TRIGGER",),
    "EXCEPT": ("COMPOUND",),
    "EXCLUDE": ("WINDOWFUNC",),
    "EXPLAIN": ("EXPLAIN",),
    "FAIL": ("CONFLICT", "TRIGGER"),
    "FILTER": ("WINDOWFUNC",),
    "FOLLOWING": ("WINDOWFUNC",),
    "FOR": ("TRIGGER",),
    "FOREIGN": ("FKEY",),
    "GROUPS": ("WINDOWFUNC",),
    "IGNORE": ("CONFLICT", "TRIGGER"),
    "INITIALLY": ("FKEY",),
    "INSTEAD": ("TRIGGER",),
    "INTERSECT": ("COMPOUND",),
    "MATERIALIZED": ("CTE",),
    "NO": ("FKEY", "WINDOWFUNC"),
    "NOTHING": ("UPSERT",),
    "OTHERS": ("WINDOWFUNC",),
    "OVER": ("WINDOWFUNC",),
    "PARTITION": ("WINDOWFUNC",),
    "PLAN": ("EXPLAIN",),
    "PRAGMA": ("PRAGMA",),
    "PRECEDING": ("WINDOWFUNC",),
    "QUERY": ("EXPLAIN",),
    "RAISE": ("TRIGGER",),
    "RANGE": ("WINDOWFUNC",),
    "RECURSIVE": ("CTE",),
    "REFERENCES": ("FKEY",),
    "REINDEX": ("REINDEX",),
    "RENAME": ("ALTER",),
    "REPLACE": ("CONFLICT",),
    "RESTRICT": ("FKEY",),
    "RETURNING": ("RETURNING",),
    "ROW": ("TRIGGER",),
    "TIES": ("WINDOWFUNC",),
    "TRIGGER": ("TRIGGER",),
    "UNBOUNDED": ("WINDOWFUNC",),
    "UNION": ("COMPOUND",),
    "VACUUM": ("VACUUM",),
    "VIEW": ("VIEW",),
    "VIRTUAL": ("VTAB",),
    "WINDOW": ("WINDOWFUNC",),
    "WITH": ("CTE",),
}


def omitted_groups(cflags: Iterable[str]) -> frozenset[str]:
    """The keyword groups that ``cflags`` compile out."""
    flags = frozenset(cflags)
    return frozenset(
        group
        for group, alternatives in _GROUP_OMITTED_BY.items()
        if any(alt <= flags for alt in alternatives)
    )


def omitted_keywords(cflags: Iterable[str]) -> dict[str, str]:
    """Keyword text -> the option (or options) that took it out of the
    keyword table, for ``cflags``."""
    flags = frozenset(cflags)
    out = omitted_groups(flags)
    removed: dict[str, str] = {}
    for word, groups in KEYWORD_GROUPS.items():
        if all(g in out for g in groups):
            removed[word] = " and ".join(sorted(_responsible(g, flags) for g in groups))
    return removed


def _responsible(group: str, flags: frozenset[str]) -> str:
    for alternative in _GROUP_OMITTED_BY[group]:
        if alternative <= flags:
            return " with ".join(sorted(alternative))
    raise ValueError(group)  # pragma: no cover - callers check first


def non_fallback_keywords(cflags: Iterable[str]) -> frozenset[str]:
    """Keywords that lose their fallback to an identifier under ``cflags``:
    parse.y lists GENERATED and ALWAYS among the fallbacks only without
    SQLITE_OMIT_GENERATED_COLUMNS, and GENERATED stays a keyword."""
    return frozenset({"GENERATED"}) if "SQLITE_OMIT_GENERATED_COLUMNS" in cflags else frozenset()
