"""SQLite's built-in SQL functions: names, arities, kinds and first releases.

One table, ``FUNCTIONS``, feeds the validator (unknown function, wrong number
of arguments, aggregate/window misuse), the language server (completion,
hover, signature help) and version gating.

What an entry means
-------------------
* ``min_args``/``max_args`` are what SQLite's name resolver accepts when it
  *prepares* a statement (``max_args`` None = no upper bound), i.e. exactly
  when SQLite itself reports "wrong number of arguments to function f()".
  Rules that SQLite only enforces while *running* (json_object() wanting an
  even count, json_set() an odd one, ...) are told in ``signature`` and
  ``summary``, not in the bounds.  The bounds are those of the newest release
  (3.54); where they grew over time, ``ARITY_HISTORY`` and ``arity_at`` give
  the older ones.
* ``kind`` is "scalar", "aggregate" (usable with or without OVER), "window"
  (window-only: must have OVER) or "table" (a table-valued function, used in
  FROM; ``table_valued`` is then True as well).  A name with two kinds is
  listed once per kind with its own arity: min/max are aggregates with one
  argument and scalars with two or more (one argument always resolves to the
  aggregate).
* ``since`` is the first release that has the entry in its default build, or
  the first release where the option in ``requires`` makes it available.
  Anything older than 3.12.0 (the oldest release we model) is recorded as
  ``ANCIENT`` = (3, 0, 0).
* ``requires`` names the compile-time option that adds the entry; None means
  the default build has it.  For table-valued functions, ``hidden_columns``
  are the argument columns (so ``max_args == len(hidden_columns)`` and no
  argument is required) and ``columns`` the visible result columns, as of 3.54.

Build options
-------------
* JSON functions are core (default on) since 3.38.0, which is their ``since``.
  From ``JSON1_BEFORE`` = 3.9.0 up to 3.37.x they existed only when built with
  ``JSON1_OPTION`` (SQLITE_ENABLE_JSON1).
* The math functions (acos ... trunc, plus ln/log/pi/...) need
  SQLITE_ENABLE_MATH_FUNCTIONS (added 3.35.0).  SQLite's configure script,
  and therefore the sqlite3 CLI and most distributions, turn it on; apsw's
  bundled SQLite (3.54.1) and Python's (3.40.1) both report it.  It is listed
  in ``USUALLY_ENABLED`` so that a checker can treat these as present unless
  told otherwise.  acosh/asinh/atanh/trunc also need a C99 libm
  (SQLITE_HAVE_C99_MATH_FUNCS, on by default).
* median/percentile/percentile_cont/percentile_disc need
  SQLITE_ENABLE_PERCENTILE (in the amalgamation since 3.51.0; apsw enables it).
* soundex needs SQLITE_SOUNDEX (Python's 3.40.1 has it, apsw does not),
  sqlite_offset needs SQLITE_ENABLE_OFFSET_SQL_FUNC (neither oracle has it),
  dbstat needs SQLITE_ENABLE_DBSTAT_VTAB (both have it).
* The table-valued bytecode() and tables_used() need
  SQLITE_ENABLE_BYTECODE_VTAB, sqlite_stmt SQLITE_ENABLE_STMTVTAB,
  sqlite_dbpage SQLITE_ENABLE_DBPAGE_VTAB (Python's 3.40.1 has sqlite_stmt).
* Options that *remove* functions are in ``OMITTED_BY`` (SQLITE_OMIT_JSON,
  SQLITE_OMIT_DATETIME_FUNCS, ...); :func:`available_in` applies all of it.
* load_extension is registered in every build that does not define
  SQLITE_OMIT_LOAD_EXTENSION (apsw reports it as built in), so ``requires`` is
  None; calling it fails at run time unless the application enabled extension
  loading.

Left out, on purpose
--------------------
* current_date, current_time, current_timestamp: PRAGMA function_list shows
  them, but in SQL they are keywords; ``current_date()`` is a syntax error.
* The ``->`` and ``->>`` operators, which SQLite registers as functions named
  "->" and "->>": not callable by name.
* Functions of the rtree (rtreecheck, rtreedepth, rtreenode) and geopoly
  (geopoly_*) modules.  Those of fts3/fts4 (matchinfo, offsets, snippet,
  optimize, fts3_tokenizer) and fts5 (bm25, highlight, snippet, fts5,
  fts5_source_id, fts5_locale, fts5_get_locale, fts5_insttoken), which the
  modules register as overloadable placeholders (non-built-in rows of
  PRAGMA function_list), are in the table with SQLITE_ENABLE_FTS3/FTS5 as
  ``requires``: SQLite prepares a call to them anywhere, with the
  registered argument counts (only a full-text table gives them a meaning;
  elsewhere they fail when run).  So is the MATCH operator's "match".
* Internal functions that PRAGMA function_list hides and ordinary SQL cannot
  reach: sqlite_rename_column/table/test/quotefix, sqlite_drop_column,
  affinity, expr_compare, expr_implies_expr, implies_nonnull_row.
* Debug/test-only functions: sqlite_filestat, fpdecode, parseuri, datedebug,
  json_parse (SQLITE_DEBUG), unknown (SQLITE_ENABLE_UNKNOWN_SQL_FUNCTION).
* Table-valued functions that are extensions rather than built-ins:
  generate_series (ext/misc/series.c; compiled into the sqlite3 CLI but not
  into the library, and absent from apsw), carray (SQLITE_ENABLE_CARRAY;
  its pointer argument can only be bound from C, not written in SQL),
  sqlite_stmt, sqlite_dbpage, fsdir, and the like.
* PRAGMAs without a table-valued form (pragma_wal_checkpoint, ...); those
  of one value (pragma_user_version, ...) are in ``_PRAGMA_VALUES``.

Sources of the ``since`` values
-------------------------------
Checked against SQLite's release history (changes.html / release logs):
window functions 3.25.0; substring 3.34.0; iif 3.32.0; math functions
3.35.0; JSON core, format, unixepoch 3.38.0; unhex 3.41.0; timediff and
octet_length 3.43.0; concat, concat_ws, string_agg 3.44.0; jsonb_* 3.45.0;
json_pretty 3.46.0; unistr, unistr_quote 3.50.0; jsonb_each/jsonb_tree and
the percentile functions in the amalgamation 3.51.0; json_array_insert
3.52.0 (the withdrawn release, whose notes list it; shipped again in 3.53.0);
bytecode/tables_used 3.32.0; sqlite_stmt 3.20.0; sqlite_dbpage 3.21.0;
sqlite_offset 3.22.0; table-valued PRAGMA functions 3.16.0 (the
integrity_check, quick_check and foreign_key_check ones 3.20.0); PRAGMA
table_xinfo 3.26.0; PRAGMA function_list/module_list/pragma_list on by
default 3.30.0; PRAGMA table_list 3.37.0.  Also checked by running the
released builds (apsw wheels for SQLite 3.41.2, 3.42.0, 3.47.2, 3.48.0,
3.49.0, 3.51.3; Python's 3.40.1; apsw's 3.54.1): json_error_position first
appears in 3.42.0; iif() takes 2 or 3 arguments and if() exists from 3.48.0,
both take any number >= 2 from 3.49.0; json_valid() takes a second argument
from 3.45.0; json_array_insert is absent in 3.51.3 (there is no 3.52 build
to try; 3.52.0 comes from its draft release notes).
Not verified (marked where they are defined): sign() 3.35.0 and subtype()
3.39.0 are best guesses consistent with the 3.40.1 oracle.  sqlite_log() is
dated ANCIENT because 3.8-era sources already register it; no release note
names it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._record import Record

Version = tuple[int, int, int]

ANCIENT: Version = (3, 0, 0)
"""``since`` of everything that predates 3.12.0, the oldest release modelled."""

JSON1_BEFORE: Version = (3, 9, 0)
"""First release with the JSON1 extension, then only with ``JSON1_OPTION``."""

JSON1_OPTION = "SQLITE_ENABLE_JSON1"
"""Option that added the JSON functions before they became core in 3.38.0."""

MATH = "SQLITE_ENABLE_MATH_FUNCTIONS"
PERCENTILE = "SQLITE_ENABLE_PERCENTILE"

FTS3 = "SQLITE_ENABLE_FTS3"
FTS4 = "SQLITE_ENABLE_FTS4"  # fts4 is built on fts3: it enables it
FTS5 = "SQLITE_ENABLE_FTS5"

USUALLY_ENABLED: frozenset[str] = frozenset({MATH, FTS3, FTS4, FTS5})

ALSO_ADDED_BY: dict[str, str] = {"snippet": FTS5}
"""Functions that a second option adds as well (fts5 has a snippet() too)."""
"""Options that the stock configure build (and so the sqlite3 CLI) turns on."""

KINDS = ("scalar", "aggregate", "window", "table")
SCALAR, AGGREGATE, WINDOW, TABLE = KINDS
"""The kinds of function (``Function.kind``)."""


class Function(Record):
    """One built-in SQL function (one entry per name and kind)."""

    __slots__ = (
        "name",
        "min_args",
        "max_args",
        "kind",
        "since",
        "signature",
        "summary",
        "requires",
        "table_valued",
        "hidden_columns",
        "columns",
        "deterministic",
    )

    name: str
    min_args: int
    max_args: int | None
    kind: str
    since: Version
    signature: str
    summary: str
    requires: str | None
    table_valued: bool
    hidden_columns: tuple[str, ...]
    columns: tuple[str, ...]
    deterministic: bool  # the built-ins that are not: NON_DETERMINISTIC

    def __init__(
        self,
        name: str,
        min_args: int,
        max_args: int | None,
        kind: str,
        since: Version,
        signature: str,
        summary: str,
        requires: str | None = None,
        table_valued: bool = False,
        hidden_columns: tuple[str, ...] = (),
        columns: tuple[str, ...] = (),
        deterministic: bool = True,
    ) -> None:
        self.name = name
        self.min_args = min_args
        self.max_args = max_args
        self.kind = kind
        self.since = since
        self.signature = signature
        self.summary = summary
        self.requires = requires
        self.table_valued = table_valued
        self.hidden_columns = hidden_columns
        self.columns = columns
        self.deterministic = deterministic


def _s(
    name: str, lo: int, hi: int | None, since: Version, sig: str, summary: str, requires: str | None = None
) -> Function:
    return Function(name, lo, hi, "scalar", since, sig, summary, requires)


def _a(
    name: str, lo: int, hi: int | None, since: Version, sig: str, summary: str, requires: str | None = None
) -> Function:
    return Function(name, lo, hi, "aggregate", since, sig, summary, requires)


def _w(name: str, lo: int, hi: int | None, sig: str, summary: str) -> Function:
    return Function(name, lo, hi, "window", (3, 25, 0), sig, summary)


def _m(name: str, lo: int, hi: int | None, sig: str, summary: str) -> Function:
    return Function(name, lo, hi, "scalar", (3, 35, 0), sig, summary, MATH)


def _t(
    name: str,
    since: Version,
    sig: str,
    summary: str,
    hidden: tuple[str, ...],
    columns: tuple[str, ...],
    requires: str | None = None,
) -> Function:
    return Function(name, 0, len(hidden), "table", since, sig, summary, requires, True, hidden, columns)


_JSON = (3, 38, 0)
_JSONB = (3, 45, 0)
_JSON_TREE_COLUMNS = ("key", "value", "type", "atom", "id", "parent", "fullkey", "path")
_ARG_SCHEMA = ("arg", "schema")

FUNCTIONS: tuple[Function, ...] = (
    # ---- core scalar functions -------------------------------------------
    _s("abs", 1, 1, ANCIENT, "abs(X)", "Absolute value of the number X."),
    _s("changes", 0, 0, ANCIENT, "changes()", "Rows changed by the most recent INSERT, UPDATE or DELETE."),
    _s(
        "char",
        0,
        None,
        ANCIENT,
        "char(X1, X2, ...)",
        "String made of the characters with the given code points.",
    ),
    _s(
        "coalesce",
        2,
        None,
        ANCIENT,
        "coalesce(X, Y, ...)",
        "First argument that is not NULL (needs at least two).",
    ),
    _s("concat", 1, None, (3, 44, 0), "concat(X, ...)", "Arguments joined as text, NULLs skipped."),
    _s(
        "concat_ws",
        2,
        None,
        (3, 44, 0),
        "concat_ws(SEP, X, ...)",
        "Non-NULL arguments joined as text with separator SEP.",
    ),
    _s(
        "format",
        0,
        None,
        (3, 38, 0),
        "format(FORMAT, ...)",
        "printf-style formatting; the newer name of printf().",
    ),
    _s("glob", 2, 2, ANCIENT, "glob(X, Y)", "Same as Y GLOB X (note the swapped arguments)."),
    _s("hex", 1, 1, ANCIENT, "hex(X)", "Upper-case hexadecimal text of X taken as a blob."),
    # if()/iif(): 2 or 3 arguments in 3.48.0, any number >= 2 from 3.49.0 (see ARITY_HISTORY).
    _s(
        "if",
        2,
        None,
        (3, 48, 0),
        "if(B1, V1[, B2, V2, ...][, ELSE])",
        "First value whose condition is true, else ELSE or NULL; alias of iif().",
    ),
    _s("ifnull", 2, 2, ANCIENT, "ifnull(X, Y)", "X unless it is NULL, then Y."),
    _s(
        "iif",
        2,
        None,
        (3, 32, 0),
        "iif(B1, V1[, B2, V2, ...][, ELSE])",
        "First value whose condition is true, else ELSE or NULL.",
    ),
    _s("instr", 2, 2, ANCIENT, "instr(X, Y)", "1-based position of the first Y in X, or 0."),
    _s(
        "last_insert_rowid",
        0,
        0,
        ANCIENT,
        "last_insert_rowid()",
        "Rowid of the most recent successful INSERT on this connection.",
    ),
    _s("length", 1, 1, ANCIENT, "length(X)", "Characters in a string, bytes in a blob."),
    _s("like", 2, 3, ANCIENT, "like(X, Y[, Z])", "Same as Y LIKE X [ESCAPE Z] (note the swapped arguments)."),
    _s(
        "likelihood",
        2,
        2,
        ANCIENT,
        "likelihood(X, P)",
        "X, hinting to the planner that it is true with probability P (a constant).",
    ),
    _s("likely", 1, 1, ANCIENT, "likely(X)", "X, hinting to the planner that it is usually true."),
    _s(
        "load_extension",
        1,
        2,
        ANCIENT,
        "load_extension(X[, Y])",
        "Load the extension in file X (entry point Y); fails unless the application enabled extension loading.",
    ),
    _s("lower", 1, 1, ANCIENT, "lower(X)", "X with ASCII letters in lower case."),
    _s(
        "ltrim",
        1,
        2,
        ANCIENT,
        "ltrim(X[, Y])",
        "X without the leading characters found in Y (default: spaces).",
    ),
    _s(
        "max",
        2,
        None,
        ANCIENT,
        "max(X, Y, ...)",
        "Largest argument; with one argument it is the aggregate max().",
    ),
    _s(
        "min",
        2,
        None,
        ANCIENT,
        "min(X, Y, ...)",
        "Smallest argument; with one argument it is the aggregate min().",
    ),
    _s("nullif", 2, 2, ANCIENT, "nullif(X, Y)", "NULL when X equals Y, else X."),
    _s("octet_length", 1, 1, (3, 43, 0), "octet_length(X)", "Bytes in the text or blob X."),
    _s(
        "printf",
        0,
        None,
        ANCIENT,
        "printf(FORMAT, ...)",
        "printf-style formatting; format() is the newer name.",
    ),
    _s("quote", 1, 1, ANCIENT, "quote(X)", "X written as an SQL literal."),
    _s("random", 0, 0, ANCIENT, "random()", "Pseudo-random 64-bit signed integer."),
    _s("randomblob", 1, 1, ANCIENT, "randomblob(N)", "Blob of N pseudo-random bytes."),
    _s("replace", 3, 3, ANCIENT, "replace(X, Y, Z)", "X with every Y replaced by Z."),
    _s("round", 1, 2, ANCIENT, "round(X[, Y])", "X rounded to Y digits after the point (default 0)."),
    _s(
        "rtrim",
        1,
        2,
        ANCIENT,
        "rtrim(X[, Y])",
        "X without the trailing characters found in Y (default: spaces).",
    ),
    # Unverified: first release of sign() not found in release notes; 3.35.0 is
    # the math-function release and sign() is in the 3.40.1 oracle.
    _s(
        "sign",
        1,
        1,
        (3, 35, 0),
        "sign(X)",
        "-1, 0 or +1 for the sign of the number X; NULL if X is not a number.",
    ),
    _s("soundex", 1, 1, ANCIENT, "soundex(X)", "Soundex encoding of the string X.", "SQLITE_SOUNDEX"),
    _s(
        "sqlite_compileoption_get",
        1,
        1,
        ANCIENT,
        "sqlite_compileoption_get(N)",
        "The N-th compile-time option, or NULL.",
    ),
    _s(
        "sqlite_compileoption_used",
        1,
        1,
        ANCIENT,
        "sqlite_compileoption_used(X)",
        "1 if compile-time option X was used, else 0.",
    ),
    # No release note names sqlite_log(); 3.8-era sources already have it.
    _s(
        "sqlite_log",
        2,
        2,
        ANCIENT,
        "sqlite_log(CODE, MSG)",
        "Write MSG with error code CODE to SQLite's error log.",
    ),
    _s(
        "sqlite_offset",
        1,
        1,
        (3, 22, 0),
        "sqlite_offset(X)",
        "File offset of the record holding column X.",
        "SQLITE_ENABLE_OFFSET_SQL_FUNC",
    ),
    _s(
        "sqlite_source_id",
        0,
        0,
        ANCIENT,
        "sqlite_source_id()",
        "Check-in identifier and date of the SQLite source.",
    ),
    _s("sqlite_version", 0, 0, ANCIENT, "sqlite_version()", "Version string of the running SQLite library."),
    _s(
        "substr",
        2,
        3,
        ANCIENT,
        "substr(X, Y[, Z])",
        "Z characters (or bytes) of X from position Y; to the end without Z.",
    ),
    _s("substring", 2, 3, (3, 34, 0), "substring(X, Y[, Z])", "Alias of substr()."),
    # Unverified: subtype() is in 3.40.1 but not in 3.8-era sources; 3.39.0 is a guess.
    _s(
        "subtype",
        1,
        1,
        (3, 39, 0),
        "subtype(X)",
        "The subtype (an integer) attached to X by the function that made it.",
    ),
    _s("total_changes", 0, 0, ANCIENT, "total_changes()", "Rows changed since the connection was opened."),
    _s(
        "trim",
        1,
        2,
        ANCIENT,
        "trim(X[, Y])",
        "X without the leading and trailing characters in Y (default: spaces).",
    ),
    _s(
        "typeof",
        1,
        1,
        ANCIENT,
        "typeof(X)",
        "Storage class of X: 'null', 'integer', 'real', 'text' or 'blob'.",
    ),
    _s(
        "unhex",
        1,
        2,
        (3, 41, 0),
        "unhex(X[, Y])",
        "Blob decoded from hex text X, ignoring characters in Y; NULL if invalid.",
    ),
    _s("unicode", 1, 1, ANCIENT, "unicode(X)", "Code point of the first character of X."),
    _s(
        "unistr",
        1,
        1,
        (3, 50, 0),
        "unistr(X)",
        "X with \\XXXX, \\uXXXX, \\UXXXXXXXX and \\+XXXXXX escapes decoded.",
    ),
    _s(
        "unistr_quote",
        1,
        1,
        (3, 50, 0),
        "unistr_quote(X)",
        "Like quote(), but control characters become a unistr() call.",
    ),
    _s("unlikely", 1, 1, ANCIENT, "unlikely(X)", "X, hinting to the planner that it is usually false."),
    _s("upper", 1, 1, ANCIENT, "upper(X)", "X with ASCII letters in upper case."),
    _s("zeroblob", 1, 1, ANCIENT, "zeroblob(N)", "Blob of N zero bytes."),
    # ---- date and time functions ------------------------------------------
    _s("date", 0, None, ANCIENT, "date(TIME, MOD, ...)", "Date as YYYY-MM-DD after applying the modifiers."),
    _s("datetime", 0, None, ANCIENT, "datetime(TIME, MOD, ...)", "Date and time as YYYY-MM-DD HH:MM:SS."),
    _s("julianday", 0, None, ANCIENT, "julianday(TIME, MOD, ...)", "Julian day number (a real)."),
    _s(
        "strftime",
        0,
        None,
        ANCIENT,
        "strftime(FORMAT, TIME, MOD, ...)",
        "Date and time formatted by FORMAT's %-substitutions.",
    ),
    _s("time", 0, None, ANCIENT, "time(TIME, MOD, ...)", "Time as HH:MM:SS."),
    _s(
        "timediff", 2, 2, (3, 43, 0), "timediff(A, B)", "Time from B to A as text '+YYYY-MM-DD HH:MM:SS.SSS'."
    ),
    _s(
        "unixepoch",
        0,
        None,
        (3, 38, 0),
        "unixepoch(TIME, MOD, ...)",
        "Seconds since 1970-01-01 00:00:00 UTC.",
    ),
    # ---- math functions (SQLITE_ENABLE_MATH_FUNCTIONS) ---------------------
    _m("acos", 1, 1, "acos(X)", "Arccosine of X, in radians."),
    _m("acosh", 1, 1, "acosh(X)", "Hyperbolic arccosine of X."),
    _m("asin", 1, 1, "asin(X)", "Arcsine of X, in radians."),
    _m("asinh", 1, 1, "asinh(X)", "Hyperbolic arcsine of X."),
    _m("atan", 1, 1, "atan(X)", "Arctangent of X, in radians."),
    _m("atan2", 2, 2, "atan2(Y, X)", "Arctangent of Y/X in radians, quadrant taken from the signs."),
    _m("atanh", 1, 1, "atanh(X)", "Hyperbolic arctangent of X."),
    _m("ceil", 1, 1, "ceil(X)", "Smallest integer not less than X."),
    _m("ceiling", 1, 1, "ceiling(X)", "Alias of ceil()."),
    _m("cos", 1, 1, "cos(X)", "Cosine of X (radians)."),
    _m("cosh", 1, 1, "cosh(X)", "Hyperbolic cosine of X."),
    _m("degrees", 1, 1, "degrees(X)", "X radians converted to degrees."),
    _m("exp", 1, 1, "exp(X)", "e raised to the power X."),
    _m("floor", 1, 1, "floor(X)", "Largest integer not greater than X."),
    _m("ln", 1, 1, "ln(X)", "Natural logarithm of X."),
    _m("log", 1, 2, "log([B, ]X)", "Base-10 logarithm of X, or base-B with two arguments."),
    _m("log10", 1, 1, "log10(X)", "Base-10 logarithm of X."),
    _m("log2", 1, 1, "log2(X)", "Base-2 logarithm of X."),
    _m("mod", 2, 2, "mod(X, Y)", "Remainder of X divided by Y (works on reals too)."),
    _m("pi", 0, 0, "pi()", "The constant pi."),
    _m("pow", 2, 2, "pow(X, Y)", "X raised to the power Y."),
    _m("power", 2, 2, "power(X, Y)", "Alias of pow()."),
    _m("radians", 1, 1, "radians(X)", "X degrees converted to radians."),
    _m("sin", 1, 1, "sin(X)", "Sine of X (radians)."),
    _m("sinh", 1, 1, "sinh(X)", "Hyperbolic sine of X."),
    _m("sqrt", 1, 1, "sqrt(X)", "Square root of X."),
    _m("tan", 1, 1, "tan(X)", "Tangent of X (radians)."),
    _m("tanh", 1, 1, "tanh(X)", "Hyperbolic tangent of X."),
    _m("trunc", 1, 1, "trunc(X)", "X with its fractional part dropped (rounds toward zero)."),
    # ---- JSON scalar functions -------------------------------------------
    _s("json", 1, 1, _JSON, "json(X)", "X checked and minified as JSON text."),
    _s("jsonb", 1, 1, _JSONB, "jsonb(X)", "X converted to the binary JSONB format."),
    _s("json_array", 0, None, _JSON, "json_array(V1, V2, ...)", "JSON array of the arguments."),
    _s("jsonb_array", 0, None, _JSONB, "jsonb_array(V1, V2, ...)", "Like json_array(), returning JSONB."),
    _s(
        "json_array_insert",
        0,
        None,
        (3, 52, 0),
        "json_array_insert(J, PATH, VALUE, ...)",
        "J with each VALUE inserted into an array at PATH, later elements shifted.",
    ),
    _s(
        "jsonb_array_insert",
        0,
        None,
        (3, 52, 0),
        "jsonb_array_insert(J, PATH, VALUE, ...)",
        "Like json_array_insert(), returning JSONB.",
    ),
    _s(
        "json_array_length",
        1,
        2,
        _JSON,
        "json_array_length(J[, PATH])",
        "Number of elements in the array J (or at PATH).",
    ),
    _s(
        "json_error_position",
        1,
        1,
        (3, 42, 0),
        "json_error_position(J)",
        "1-based position of the first syntax error in J, or 0.",
    ),
    _s(
        "json_extract",
        0,
        None,
        _JSON,
        "json_extract(J, PATH, ...)",
        "Value at PATH; several paths give a JSON array.",
    ),
    _s(
        "jsonb_extract",
        0,
        None,
        _JSONB,
        "jsonb_extract(J, PATH, ...)",
        "Like json_extract(), returning JSONB for arrays and objects.",
    ),
    _s(
        "json_insert",
        0,
        None,
        _JSON,
        "json_insert(J, PATH, VALUE, ...)",
        "J with each VALUE added at PATH when PATH does not exist.",
    ),
    _s(
        "jsonb_insert",
        0,
        None,
        _JSONB,
        "jsonb_insert(J, PATH, VALUE, ...)",
        "Like json_insert(), returning JSONB.",
    ),
    _s(
        "json_object",
        0,
        None,
        _JSON,
        "json_object(LABEL, VALUE, ...)",
        "JSON object from label/value pairs (even argument count).",
    ),
    _s(
        "jsonb_object",
        0,
        None,
        _JSONB,
        "jsonb_object(LABEL, VALUE, ...)",
        "Like json_object(), returning JSONB.",
    ),
    _s("json_patch", 2, 2, _JSON, "json_patch(T, P)", "T with the RFC 7396 merge patch P applied."),
    _s("jsonb_patch", 2, 2, _JSONB, "jsonb_patch(T, P)", "Like json_patch(), returning JSONB."),
    _s(
        "json_pretty",
        1,
        2,
        (3, 46, 0),
        "json_pretty(J[, INDENT])",
        "J formatted over several lines, indented by INDENT (default 4 spaces).",
    ),
    _s("json_quote", 1, 1, _JSON, "json_quote(X)", "X written as a JSON value (strings quoted)."),
    _s(
        "json_remove",
        0,
        None,
        _JSON,
        "json_remove(J, PATH, ...)",
        "J with the elements at each PATH removed.",
    ),
    _s("jsonb_remove", 0, None, _JSONB, "jsonb_remove(J, PATH, ...)", "Like json_remove(), returning JSONB."),
    _s(
        "json_replace",
        0,
        None,
        _JSON,
        "json_replace(J, PATH, VALUE, ...)",
        "J with existing elements at PATH overwritten by VALUE.",
    ),
    _s(
        "jsonb_replace",
        0,
        None,
        _JSONB,
        "jsonb_replace(J, PATH, VALUE, ...)",
        "Like json_replace(), returning JSONB.",
    ),
    _s(
        "json_set",
        0,
        None,
        _JSON,
        "json_set(J, PATH, VALUE, ...)",
        "J with VALUE written at PATH, created or overwritten.",
    ),
    _s("jsonb_set", 0, None, _JSONB, "jsonb_set(J, PATH, VALUE, ...)", "Like json_set(), returning JSONB."),
    _s("json_type", 1, 2, _JSON, "json_type(J[, PATH])", "JSON type name of J (or of the element at PATH)."),
    # json_valid(J, FLAGS) from 3.45.0 (see ARITY_HISTORY).
    _s(
        "json_valid",
        1,
        2,
        _JSON,
        "json_valid(J[, FLAGS])",
        "1 if J is well-formed JSON (FLAGS choose JSON5/JSONB), else 0.",
    ),
    # ---- aggregate functions ----------------------------------------------
    _a("avg", 1, 1, ANCIENT, "avg(X)", "Average of the non-NULL values of X."),
    _a("count", 0, 1, ANCIENT, "count(X) | count(*)", "Number of non-NULL X; count(*) counts rows."),
    _a(
        "group_concat",
        1,
        2,
        ANCIENT,
        "group_concat(X[, SEP])",
        "Non-NULL values of X joined with SEP (default ',').",
    ),
    _a("json_group_array", 1, 1, _JSON, "json_group_array(V)", "JSON array of all values V."),
    _a(
        "jsonb_group_array", 1, 1, _JSONB, "jsonb_group_array(V)", "Like json_group_array(), returning JSONB."
    ),
    _a("json_group_object", 2, 2, _JSON, "json_group_object(LABEL, V)", "JSON object of all LABEL/V pairs."),
    _a(
        "jsonb_group_object",
        2,
        2,
        _JSONB,
        "jsonb_group_object(LABEL, V)",
        "Like json_group_object(), returning JSONB.",
    ),
    _a("max", 1, 1, ANCIENT, "max(X)", "Largest value of X in the group."),
    _a("median", 1, 1, (3, 51, 0), "median(X)", "Median of the non-NULL values of X.", PERCENTILE),
    _a("min", 1, 1, ANCIENT, "min(X)", "Smallest value of X in the group."),
    _a(
        "percentile",
        2,
        2,
        (3, 51, 0),
        "percentile(X, P)",
        "P-th percentile (0 to 100) of X, interpolated.",
        PERCENTILE,
    ),
    _a(
        "percentile_cont",
        2,
        2,
        (3, 51, 0),
        "percentile_cont(X, P)",
        "Percentile P (0.0 to 1.0) of X, interpolated.",
        PERCENTILE,
    ),
    _a(
        "percentile_disc",
        2,
        2,
        (3, 51, 0),
        "percentile_disc(X, P)",
        "Percentile P (0.0 to 1.0) of X, an actual input value.",
        PERCENTILE,
    ),
    _a("string_agg", 2, 2, (3, 44, 0), "string_agg(X, SEP)", "Non-NULL values of X joined with SEP."),
    _a("sum", 1, 1, ANCIENT, "sum(X)", "Sum of X; NULL for no rows, integer when all inputs are integers."),
    _a("total", 1, 1, ANCIENT, "total(X)", "Sum of X as a real; 0.0 for no rows."),
    # ---- window-only functions (need OVER) --------------------------------
    _w(
        "cume_dist",
        0,
        0,
        "cume_dist()",
        "Cumulative distribution: rows up to the current peer group / partition rows.",
    ),
    _w("dense_rank", 0, 0, "dense_rank()", "Rank of the current peer group, without gaps."),
    _w("first_value", 1, 1, "first_value(X)", "X in the first row of the window frame."),
    _w(
        "lag",
        1,
        3,
        "lag(X[, OFFSET[, DEFAULT]])",
        "X in the row OFFSET (default 1) rows before, else DEFAULT.",
    ),
    _w("last_value", 1, 1, "last_value(X)", "X in the last row of the window frame."),
    _w(
        "lead",
        1,
        3,
        "lead(X[, OFFSET[, DEFAULT]])",
        "X in the row OFFSET (default 1) rows after, else DEFAULT.",
    ),
    _w("nth_value", 2, 2, "nth_value(X, N)", "X in the N-th row of the window frame, or NULL."),
    _w(
        "ntile", 1, 1, "ntile(N)", "Bucket number (1 to N) of the row, partition split as evenly as possible."
    ),
    _w("percent_rank", 0, 0, "percent_rank()", "(rank - 1) / (partition rows - 1), between 0.0 and 1.0."),
    _w("rank", 0, 0, "rank()", "Rank of the current peer group, with gaps."),
    _w("row_number", 0, 0, "row_number()", "Number of the row within its partition, from 1."),
    # ---- the MATCH operator, and the functions of the FTS modules ---------
    # SQLite registers "match" (what X MATCH Y calls) on every connection,
    # and the fts3/fts4 and fts5 modules, when built in, register theirs
    # with sqlite3_overload_function: names that prepare anywhere (only a
    # full-text table of the module gives them a meaning; elsewhere they
    # fail when run, "unable to use function X in the requested context").
    _s("match", 2, 2, ANCIENT, "match(X, Y)", "What X MATCH Y calls; a virtual table may overload it."),
    _s(
        "matchinfo",
        1,
        2,
        ANCIENT,
        "matchinfo(FTS[, FORMAT])",
        "Statistics of a full-text (fts3/fts4) match, as a blob of 32-bit integers.",
        FTS3,
    ),
    _s(
        "offsets",
        1,
        1,
        ANCIENT,
        "offsets(FTS)",
        "Where the terms of a full-text (fts3/fts4) match are, as text.",
        FTS3,
    ),
    _s("optimize", 1, 1, ANCIENT, "optimize(FTS)", "Merges the b-trees of an fts3/fts4 table.", FTS3),
    _s(
        "snippet",
        0,
        None,
        ANCIENT,
        "snippet(FTS, ...)",
        "A fragment of the matched text, terms marked (fts3/fts4, and fts5's auxiliary function).",
        FTS3,
    ),
    _s(
        "fts3_tokenizer",
        1,
        2,
        ANCIENT,
        "fts3_tokenizer(NAME[, POINTER])",
        "Looks up (or, when enabled, registers) an fts3 tokenizer.",
        FTS3,
    ),
    _s("bm25", 0, None, ANCIENT, "bm25(FTS[, WEIGHT, ...])", "The BM25 rank of an fts5 match.", FTS5),
    _s(
        "highlight",
        0,
        None,
        ANCIENT,
        "highlight(FTS, COLUMN, OPEN, CLOSE)",
        "A column of an fts5 match, its terms between OPEN and CLOSE.",
        FTS5,
    ),
    _s("fts5", 1, 1, ANCIENT, "fts5(POINTER)", "The fts5 API pointer (for C extensions).", FTS5),
    _s("fts5_source_id", 0, 0, ANCIENT, "fts5_source_id()", "The source id of the fts5 module.", FTS5),
    _s(
        "fts5_locale",
        2,
        2,
        (3, 47, 0),
        "fts5_locale(LOCALE, TEXT)",
        "TEXT tagged with LOCALE for fts5.",
        FTS5,
    ),
    _s(
        "fts5_get_locale",
        0,
        None,
        (3, 47, 0),
        "fts5_get_locale(FTS, COLUMN)",
        "The locale of a column of an fts5 match.",
        FTS5,
    ),
    _s(
        "fts5_insttoken",
        1,
        1,
        (3, 47, 0),
        "fts5_insttoken(TEXT)",
        "TEXT as a token to match exactly in an fts5 query.",
        FTS5,
    ),
    # ---- table-valued functions -------------------------------------------
    # carray: in the amalgamation since 3.51.0 (src/carray.c), with
    # SQLITE_ENABLE_CARRAY; its pointer is bound from C.
    _t(
        "carray",
        (3, 51, 0),
        "carray(POINTER[, COUNT[, CTYPE]])",
        "One row per element of the C array bound to POINTER (COUNT elements of CTYPE).",
        ("pointer", "count", "ctype"),
        ("value",),
        "SQLITE_ENABLE_CARRAY",
    ),
    _t(
        "json_each",
        _JSON,
        "json_each(J[, PATH])",
        "One row per element of the top-level array or object of J (or at PATH).",
        ("json", "root"),
        _JSON_TREE_COLUMNS,
    ),
    _t(
        "json_tree",
        _JSON,
        "json_tree(J[, PATH])",
        "One row per element of J (or at PATH), walking recursively.",
        ("json", "root"),
        _JSON_TREE_COLUMNS,
    ),
    _t(
        "jsonb_each",
        (3, 51, 0),
        "jsonb_each(J[, PATH])",
        "Like json_each(), with JSONB in 'value' for arrays and objects.",
        ("json", "root"),
        _JSON_TREE_COLUMNS,
    ),
    _t(
        "jsonb_tree",
        (3, 51, 0),
        "jsonb_tree(J[, PATH])",
        "Like json_tree(), with JSONB in 'value' for arrays and objects.",
        ("json", "root"),
        _JSON_TREE_COLUMNS,
    ),
    # dbstat: the AGGREGATE argument exists from 3.31.0 (see ARITY_HISTORY).
    _t(
        "dbstat",
        ANCIENT,
        "dbstat([SCHEMA[, AGGREGATE]])",
        "Space used by each b-tree page of a database (per table with AGGREGATE).",
        ("schema", "aggregate"),
        (
            "name",
            "path",
            "pageno",
            "pagetype",
            "ncell",
            "payload",
            "unused",
            "mx_payload",
            "pgoffset",
            "pgsize",
        ),
        "SQLITE_ENABLE_DBSTAT_VTAB",
    ),
    _t(
        "bytecode",
        (3, 32, 0),
        "bytecode(SQL)",
        "The bytecode of the prepared statement SQL, one row per instruction.",
        ("stmt",),
        (
            "addr",
            "opcode",
            "p1",
            "p2",
            "p3",
            "p4",
            "p5",
            "comment",
            "subprog",
            "nexec",
            "ncycle",
        ),
        "SQLITE_ENABLE_BYTECODE_VTAB",
    ),
    _t(
        "tables_used",
        (3, 32, 0),
        "tables_used(SQL)",
        "The tables and indexes the prepared statement SQL reads or writes.",
        ("stmt",),
        ("type", "schema", "name", "wr", "subprog"),
        "SQLITE_ENABLE_BYTECODE_VTAB",
    ),
    _t(
        "sqlite_stmt",
        (3, 20, 0),
        "sqlite_stmt()",
        "The connection's prepared statements and their counters.",
        (),
        ("sql", "ncol", "ro", "busy", "nscan", "nsort", "naidx", "nstep", "reprep", "run", "mem"),
        "SQLITE_ENABLE_STMTVTAB",
    ),
    _t(
        "sqlite_dbpage",
        (3, 21, 0),
        "sqlite_dbpage(SCHEMA)",
        "The raw pages of a database file.",
        ("schema",),
        ("pgno", "data"),
        "SQLITE_ENABLE_DBPAGE_VTAB",
    ),
    _t(
        "pragma_collation_list",
        (3, 16, 0),
        "pragma_collation_list()",
        "Collating sequences of the connection.",
        (),
        ("seq", "name"),
    ),
    _t(
        "pragma_compile_options",
        (3, 16, 0),
        "pragma_compile_options()",
        "Compile-time options SQLite was built with.",
        (),
        ("compile_options",),
    ),
    _t(
        "pragma_database_list",
        (3, 16, 0),
        "pragma_database_list()",
        "Attached databases and their files.",
        (),
        ("seq", "name", "file"),
    ),
    _t(
        "pragma_foreign_key_check",
        (3, 20, 0),
        "pragma_foreign_key_check([TABLE[, SCHEMA]])",
        "Rows that violate foreign key constraints.",
        _ARG_SCHEMA,
        ("table", "rowid", "parent", "fkid"),
    ),
    _t(
        "pragma_foreign_key_list",
        (3, 16, 0),
        "pragma_foreign_key_list(TABLE[, SCHEMA])",
        "Foreign keys of TABLE.",
        _ARG_SCHEMA,
        ("id", "seq", "table", "from", "to", "on_update", "on_delete", "match"),
    ),
    # The narg, type, enc and flags columns arrived in 3.31.0.
    _t(
        "pragma_function_list",
        (3, 30, 0),
        "pragma_function_list()",
        "SQL functions known to the connection.",
        (),
        ("name", "builtin", "type", "enc", "narg", "flags"),
    ),
    _t(
        "pragma_index_info",
        (3, 16, 0),
        "pragma_index_info(INDEX[, SCHEMA])",
        "Columns of INDEX.",
        _ARG_SCHEMA,
        ("seqno", "cid", "name"),
    ),
    _t(
        "pragma_index_list",
        (3, 16, 0),
        "pragma_index_list(TABLE[, SCHEMA])",
        "Indexes of TABLE.",
        _ARG_SCHEMA,
        ("seq", "name", "unique", "origin", "partial"),
    ),
    _t(
        "pragma_index_xinfo",
        (3, 16, 0),
        "pragma_index_xinfo(INDEX[, SCHEMA])",
        "Columns of INDEX, including the key's hidden rowid/primary-key columns.",
        _ARG_SCHEMA,
        ("seqno", "cid", "name", "desc", "coll", "key"),
    ),
    _t(
        "pragma_integrity_check",
        (3, 20, 0),
        "pragma_integrity_check([N_OR_TABLE[, SCHEMA]])",
        "Problems found by a full integrity check ('ok' if none).",
        _ARG_SCHEMA,
        ("integrity_check",),
    ),
    _t(
        "pragma_module_list",
        (3, 30, 0),
        "pragma_module_list()",
        "Virtual table modules registered on the connection.",
        (),
        ("name",),
    ),
    _t(
        "pragma_pragma_list",
        (3, 30, 0),
        "pragma_pragma_list()",
        "Names of the PRAGMA commands.",
        (),
        ("name",),
    ),
    _t(
        "pragma_quick_check",
        (3, 20, 0),
        "pragma_quick_check([N_OR_TABLE[, SCHEMA]])",
        "Problems found by a faster, less thorough integrity check.",
        _ARG_SCHEMA,
        ("quick_check",),
    ),
    _t(
        "pragma_table_info",
        (3, 16, 0),
        "pragma_table_info(TABLE[, SCHEMA])",
        "Columns of TABLE (or view).",
        _ARG_SCHEMA,
        ("cid", "name", "type", "notnull", "dflt_value", "pk"),
    ),
    _t(
        "pragma_table_list",
        (3, 37, 0),
        "pragma_table_list([TABLE])",
        "Tables and views of all attached schemas.",
        ("arg",),
        ("schema", "name", "type", "ncol", "wr", "strict"),
    ),
    _t(
        "pragma_table_xinfo",
        (3, 26, 0),
        "pragma_table_xinfo(TABLE[, SCHEMA])",
        "Columns of TABLE, including hidden and generated ones.",
        _ARG_SCHEMA,
        ("cid", "name", "type", "notnull", "dflt_value", "pk", "hidden"),
    ),
)

# The PRAGMAs of one value that have a table-valued form (PragFlg_Result0 or
# Result1 in pragma.h, with no column names: the column is named after the
# pragma): name, first release of the table-valued form, the column, and
# whether it takes an argument and a schema (hidden columns arg, schema).
_PRAGMA_VALUES: tuple[tuple[str, Version, str, bool, bool], ...] = (
    ("analysis_limit", (3, 32, 0), "analysis_limit", False, False),
    ("application_id", (3, 16, 0), "application_id", False, False),
    ("auto_vacuum", (3, 16, 0), "auto_vacuum", False, True),
    ("automatic_index", (3, 16, 0), "automatic_index", False, False),
    ("busy_timeout", (3, 16, 0), "timeout", False, False),
    ("cache_size", (3, 16, 0), "cache_size", False, True),
    ("cache_spill", (3, 16, 0), "cache_spill", False, True),
    ("cell_size_check", (3, 16, 0), "cell_size_check", False, False),
    ("checkpoint_fullfsync", (3, 16, 0), "checkpoint_fullfsync", False, False),
    ("count_changes", (3, 16, 0), "count_changes", False, False),
    ("data_version", (3, 16, 0), "data_version", False, False),
    ("defer_foreign_keys", (3, 16, 0), "defer_foreign_keys", False, False),
    ("empty_result_callbacks", (3, 16, 0), "empty_result_callbacks", False, False),
    ("encoding", (3, 16, 0), "encoding", False, False),
    ("foreign_keys", (3, 16, 0), "foreign_keys", False, False),
    ("freelist_count", (3, 16, 0), "freelist_count", False, False),
    ("full_column_names", (3, 16, 0), "full_column_names", False, False),
    ("fullfsync", (3, 16, 0), "fullfsync", False, False),
    ("hard_heap_limit", (3, 31, 0), "hard_heap_limit", False, False),
    ("ignore_check_constraints", (3, 16, 0), "ignore_check_constraints", False, False),
    ("journal_mode", (3, 16, 0), "journal_mode", False, True),
    ("journal_size_limit", (3, 16, 0), "journal_size_limit", False, True),
    ("legacy_alter_table", (3, 25, 0), "legacy_alter_table", False, False),
    ("locking_mode", (3, 16, 0), "locking_mode", False, True),
    ("max_page_count", (3, 16, 0), "max_page_count", False, True),
    ("optimize", (3, 18, 0), "optimize", True, False),
    ("page_count", (3, 16, 0), "page_count", False, True),
    ("page_size", (3, 16, 0), "page_size", False, True),
    ("query_only", (3, 16, 0), "query_only", False, False),
    ("read_uncommitted", (3, 16, 0), "read_uncommitted", False, False),
    ("recursive_triggers", (3, 16, 0), "recursive_triggers", False, False),
    ("reverse_unordered_selects", (3, 16, 0), "reverse_unordered_selects", False, False),
    ("schema_version", (3, 16, 0), "schema_version", False, False),
    ("secure_delete", (3, 16, 0), "secure_delete", False, False),
    ("short_column_names", (3, 16, 0), "short_column_names", False, False),
    ("soft_heap_limit", (3, 16, 0), "soft_heap_limit", False, False),
    ("synchronous", (3, 16, 0), "synchronous", False, True),
    ("temp_store", (3, 16, 0), "temp_store", False, False),
    ("threads", (3, 16, 0), "threads", False, False),
    ("trusted_schema", (3, 31, 0), "trusted_schema", False, False),
    ("user_version", (3, 16, 0), "user_version", False, False),
    ("writable_schema", (3, 16, 0), "writable_schema", False, False),
)


def _pragma_value(name: str, since: Version, column: str, arg: bool, schema: bool) -> Function:
    hidden = (("arg",) if arg else ()) + (("schema",) if schema else ())
    shown = ", ".join((["ARG"] if arg else []) + (["[SCHEMA]"] if schema else []))
    return _t(
        f"pragma_{name}", since, f"pragma_{name}({shown})", f"The value of PRAGMA {name}.", hidden, (column,)
    )


FUNCTIONS += tuple(_pragma_value(*entry) for entry in _PRAGMA_VALUES)

ARITY_HISTORY: dict[tuple[str, str], tuple[tuple[Version, int, int | None], ...]] = {
    # (name, kind) -> ((first release, min_args, max_args), ...), oldest first;
    # the last step equals the entry's own bounds.
    ("iif", "scalar"): (((3, 32, 0), 3, 3), ((3, 48, 0), 2, 3), ((3, 49, 0), 2, None)),
    ("if", "scalar"): (((3, 48, 0), 2, 3), ((3, 49, 0), 2, None)),
    ("json_valid", "scalar"): ((_JSON, 1, 1), (_JSONB, 1, 2)),
    ("dbstat", "table"): ((ANCIENT, 0, 1), ((3, 31, 0), 0, 2)),
}

_BY_NAME: dict[str, tuple[Function, ...]] = {}
for _fn in FUNCTIONS:
    _BY_NAME[_fn.name] = (*_BY_NAME.get(_fn.name, ()), _fn)
del _fn

NAMES: frozenset[str] = frozenset(_BY_NAME)


JSON1_SINCE: dict[str, Version] = {
    # First release of each JSON function in the JSON1 extension (before
    # 3.38.0 only with ``JSON1_OPTION``): 3.9.0 for the original set,
    # json_group_array/json_group_object 3.10.0, json_quote 3.14.0,
    # json_patch 3.18.0 (release notes).
    **dict.fromkeys(
        (
            "json",
            "json_array",
            "json_array_length",
            "json_extract",
            "json_insert",
            "json_object",
            "json_remove",
            "json_replace",
            "json_set",
            "json_type",
            "json_valid",
            "json_each",
            "json_tree",
        ),
        JSON1_BEFORE,
    ),
    "json_group_array": (3, 10, 0),
    "json_group_object": (3, 10, 0),
    "json_quote": (3, 14, 0),
    "json_patch": (3, 18, 0),
}

_JSON_CORE: Version = (3, 38, 0)

OMITTED_BY: dict[str, frozenset[str]] = {
    # Options that compile built-in functions out (func.c, date.c, json.c,
    # pragma.c): option -> names.  SQLITE_OMIT_WINDOWFUNC also drops every
    # window-only function, and SQLITE_OMIT_JSON every JSON one (3.38.0+).
    "SQLITE_OMIT_DATETIME_FUNCS": frozenset(
        {"date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff"}
    ),
    "SQLITE_OMIT_COMPILEOPTION_DIAGS": frozenset(
        {"sqlite_compileoption_used", "sqlite_compileoption_get", "pragma_compile_options"}
    ),
    "SQLITE_OMIT_LOAD_EXTENSION": frozenset({"load_extension"}),
    "SQLITE_OMIT_FLOATING_POINT": frozenset({"round"}),
    "SQLITE_OMIT_INTROSPECTION_PRAGMAS": frozenset(
        {"pragma_function_list", "pragma_module_list", "pragma_pragma_list"}
    ),
    "SQLITE_OMIT_FOREIGN_KEY": frozenset({"pragma_foreign_key_list", "pragma_foreign_key_check"}),
}


def is_json(fn: Function) -> bool:
    return fn.name.startswith(("json", "jsonb"))


def available_in(fn: Function, version: Version, cflags: frozenset[str], usual: bool = False) -> bool:
    """Whether SQLite ``version`` built with ``cflags`` has ``fn``.

    An option named in ``requires`` must be among ``cflags``, or, when
    ``usual`` (the newest release's default build, where nothing was said
    about the build), in ``USUALLY_ENABLED``.  Before 3.38.0 the JSON
    functions need ``JSON1_OPTION``; from 3.38.0 SQLITE_OMIT_JSON removes
    them.  ``OMITTED_BY`` options remove the functions they list."""
    if is_json(fn):
        if version < _JSON_CORE:
            first = JSON1_SINCE.get(fn.name)
            return first is not None and version >= first and JSON1_OPTION in cflags
        if "SQLITE_OMIT_JSON" in cflags:
            return False
    if version < fn.since:
        return False
    if fn.kind == WINDOW and "SQLITE_OMIT_WINDOWFUNC" in cflags:
        return False
    for option, names in OMITTED_BY.items():
        if option in cflags and fn.name in names:
            return False
    if fn.requires is None:
        return True
    if usual and fn.requires in USUALLY_ENABLED:
        return True
    options = {fn.requires, ALSO_ADDED_BY.get(fn.name)}
    if fn.requires == FTS3:
        options.add(FTS4)
    return not options.isdisjoint(cflags)


def unavailable_reason(
    fn: Function, version: Version, cflags: frozenset[str], usual: bool = False
) -> str | None:
    """Why SQLite ``version`` built with ``cflags`` lacks ``fn`` (None: it
    has it), worded to follow "fn() ": "requires SQLite 3.41.0 or later;
    checking for 3.40.1", "needs SQLite built with SQLITE_ENABLE_JSON1" ..."""
    if available_in(fn, version, cflags, usual):
        return None
    shown = ".".join(map(str, version))
    if is_json(fn) and version < _JSON_CORE:
        first = JSON1_SINCE.get(fn.name)
        if first is None:
            return f"requires SQLite {'.'.join(map(str, max(fn.since, _JSON_CORE)))} or later; checking for {shown}"
        if version < first:
            return f"requires SQLite {'.'.join(map(str, first))} or later; checking for {shown}"
        return f"needs SQLite built with {JSON1_OPTION} before 3.38.0"
    if version < fn.since:
        return f"requires SQLite {'.'.join(map(str, fn.since))} or later; checking for {shown}"
    for option in ("SQLITE_OMIT_JSON", "SQLITE_OMIT_WINDOWFUNC", *OMITTED_BY):
        if option in cflags and not available_in(fn, version, cflags - {option}, usual):
            continue
        if option in cflags:
            return f"is not available: SQLite built with {option}"
    return f"needs SQLite built with {fn.requires}"


def lookup(name: str) -> list[Function]:
    """Every entry (all kinds) for ``name``, case-insensitively; [] if none."""
    return list(_BY_NAME.get(name.lower(), ()))


def accepts(fn: Function, nargs: int) -> bool:
    """Whether SQLite's newest release resolves ``fn`` with ``nargs`` arguments."""
    return nargs >= fn.min_args and (fn.max_args is None or nargs <= fn.max_args)


def arity_at(fn: Function, version: Version) -> tuple[int, int | None] | None:
    """``(min_args, max_args)`` of ``fn`` in release ``version``; None before ``fn.since``."""
    if version < fn.since:
        return None
    bounds: tuple[int, int | None] = (fn.min_args, fn.max_args)
    for first, lo, hi in ARITY_HISTORY.get((fn.name, fn.kind), ()):
        if version >= first:
            bounds = (lo, hi)
    return bounds


def _count(n: int) -> str:
    return f"{n} argument" if n == 1 else f"{n} arguments"


def arity_text(fns: Iterable[Function]) -> str:
    """Human description of the argument counts the entries accept together.

    E.g. "no arguments", "exactly 1 argument", "2 or 3 arguments",
    "1 to 3 arguments", "at least 2 arguments", "any number of arguments".
    """
    spans = sorted((f.min_args, f.max_args) for f in fns)
    if not spans:
        raise ValueError("arity_text() needs at least one function")
    merged: list[tuple[int, int | None]] = []
    for lo, hi in spans:
        if merged:
            plo, phi = merged[-1]
            if phi is None or lo <= phi + 1:
                merged[-1] = (plo, None if phi is None or hi is None else max(phi, hi))
                continue
        merged.append((lo, hi))
    parts: list[str] = []
    for lo, hi in merged:
        if hi is None:
            parts.append("any number of" if lo == 0 else f"at least {lo}")
        elif lo == hi:
            parts.append(str(lo))
        elif hi == lo + 1:
            parts.append(f"{lo} or {hi}")
        else:
            parts.append(f"{lo} to {hi}")
    if len(merged) == 1:
        lo, hi = merged[0]
        if hi == lo:
            return "no arguments" if lo == 0 else f"exactly {_count(lo)}"
        if hi is None and lo == 1:
            return "at least 1 argument"
        return f"{parts[0]} arguments"
    return f"{', '.join(parts[:-1])} or {parts[-1]} arguments"


MODULES: dict[str, str | None] = {
    "fts3": None,
    "fts4": None,
    "fts3tokenize": None,
    "fts4aux": None,
    "fts5": None,
    "fts5vocab": None,
    "rtree": None,
    "rtree_i32": None,
    "geopoly": "SQLITE_ENABLE_GEOPOLY",
    "dbstat": "SQLITE_ENABLE_DBSTAT_VTAB",
}
"""Virtual-table modules of SQLite's stock build (``CREATE VIRTUAL TABLE
... USING``), with the compile-time option each needs (None: the stock build
has it).  A target with explicit options has an optional module only when
its option is listed; the default target has all of them."""


def module_available(name: str, cflags: frozenset[str], usual: bool) -> bool:
    key = name.lower()
    if key not in MODULES:
        return False
    option = MODULES[key]
    return option is None or usual or option in cflags


NON_DETERMINISTIC: frozenset[str] = frozenset(
    {
        "changes",
        "current_date",
        "current_time",
        "current_timestamp",
        "last_insert_rowid",
        "load_extension",
        "random",
        "randomblob",
        "sqlite_compileoption_get",
        "sqlite_compileoption_used",
        "sqlite_log",
        "sqlite_source_id",
        "sqlite_version",
        "total_changes",
    }
)
"""The built-in scalar functions without SQLITE_FUNC_CONSTANT (PRAGMA
function_list: no "deterministic" flag), which index expressions, partial
index WHERE clauses and generated columns may not call (the date and time
functions are constant when prepared: 'now' fails only when evaluated)."""
