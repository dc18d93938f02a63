"""Syntax that only some SQLite releases or builds accept: one table.

Each :class:`Feature` says when SQLite gained it (``since``), which
compile-time option removes it (``omitted_by``) or adds it (``requires``),
and how it shows in a syntax tree: the node kinds that carry it and a test
on such a node (or, for what the tokenizer decides, a test on a token).

The parser uses the table two ways, both only for targets other than the
newest default build (whose parse is untouched):

* as grammar actions: when a node of a listed kind is built and its test
  matches, the statement fails there with the feature's message, the way
  SQLite's parser fails on syntax it has no rule for;
* to explain a plain syntax error: the statement is parsed again for the
  newest release, and the earliest feature of the new tree that the target
  lacks names what the target does not understand.

Words that became keywords later (``versions.KEYWORD_SINCE``) and keywords
that build options remove (``cflags.KEYWORD_GROUPS``) are handled by the
target's keyword table; the features here are what the grammar rules and the
tokenizer add on top.

``CHANGES`` lists the other differences between releases: how the tokenizer
reads byte-order marks and hex literals, and how deep the parser stack may
grow (some make older releases accept *more*).  They are modelled by the
tokenizer (:class:`~syntaqlite.syntax.lexer.LexDialect`) and the driver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .._record import Record
from .cst import Node
from .tokens import Token
from .versions import Version, format_version

Span = tuple[Token, Token]
NodeTest = Callable[[Node], "Span | None"]
TokenTest = Callable[[Token], bool]

_NAME_KINDS = frozenset({"ID", "STRING", "INDEXED", "JOIN_KW"})


class Feature(Record):
    __slots__ = (
        "key",
        "title",
        "recognised",
        "example",
        "since",
        "omitted_by",
        "requires",
        "kinds",
        "test",
        "token_test",
        "plural",
    )
    _uncompared = frozenset({"test", "token_test"})

    key: str
    title: str
    """How messages name it: "RETURNING requires SQLite 3.35.0 or later"."""
    recognised: str
    """How the feature shows in the tree (documentation)."""
    example: str
    """A statement that uses it (and nothing newer): the boundary tests parse
    it for ``since`` and for the release before."""
    since: Version | None
    omitted_by: str | None
    requires: str | None
    kinds: tuple[str, ...]
    test: NodeTest | None
    token_test: TokenTest | None
    plural: bool
    """The title is plural ("row values require ...")."""

    def __init__(
        self,
        key: str,
        title: str,
        recognised: str,
        example: str,
        since: Version | None = None,
        omitted_by: str | None = None,
        requires: str | None = None,
        kinds: tuple[str, ...] = (),
        test: NodeTest | None = None,
        token_test: TokenTest | None = None,
        plural: bool = False,
    ) -> None:
        self.key = key
        self.title = title
        self.recognised = recognised
        self.example = example
        self.since = since
        self.omitted_by = omitted_by
        self.requires = requires
        self.kinds = kinds
        self.test = test
        self.token_test = token_test
        self.plural = plural

    def message(self, version: Version, cflags: frozenset[str]) -> str | None:
        """Why a target of ``version`` and ``cflags`` lacks the feature, or
        None when it has it."""
        needs, be = ("require", "are") if self.plural else ("requires", "is")
        if self.since is not None and version < self.since:
            return (
                f"{self.title} {needs} SQLite {format_version(self.since)} or later; "
                f"checking for {format_version(version)}"
            )
        if self.omitted_by is not None and self.omitted_by in cflags:
            return f"{self.title} {be} not available: SQLite built with {self.omitted_by}"
        if self.requires is not None and self.requires not in cflags:
            return f"{self.title} {needs} SQLite built with {self.requires}"
        return None


# -- helpers --------------------------------------------------------------


def _tokens(node: Node) -> list[Token]:
    return [c for c in node.children if isinstance(c, Token)]


def _token(node: Node, kind: str) -> Token | None:
    for c in node.children:
        if isinstance(c, Token) and c.kind == kind:
            return c
    return None


def _child(node: Node, kind: str) -> Node | None:
    for c in node.children:
        if isinstance(c, Node) and c.kind == kind:
            return c
    return None


def _whole(node: Node) -> Span:
    return node.first_token, node.last_token


def _run(node: Node, first: str, *more: str) -> Span | None:
    """The direct child token ``first`` and the tokens of ``more`` right
    after it (as many as follow in that order)."""
    children = node.children
    for i, c in enumerate(children):
        if isinstance(c, Token) and c.kind == first:
            last = c
            for want, nxt in zip(more, children[i + 1 :]):
                if not (isinstance(nxt, Token) and nxt.kind == want):
                    break
                last = nxt
            return c, last
    return None


def _starting(kind: str, *more: str) -> NodeTest:
    def test(node: Node) -> Span | None:
        return _run(node, kind, *more)

    return test


def _nulls(node: Node) -> Span | None:
    """NULLS and the FIRST or LAST after it."""
    tok = _token(node, "NULLS")
    if tok is None:
        return None
    i = node.children.index(tok)
    last = node.children[i + 1] if i + 1 < len(node.children) else tok
    return tok, last if isinstance(last, Token) else tok


def _alter_action(node: Node) -> tuple[Token, Token | Node | None] | None:
    """The keyword after ``ALTER TABLE name`` and what follows it."""
    rest = node.children[3:]
    head = rest[0] if rest else None
    if not isinstance(head, Token):
        return None
    return head, rest[1] if len(rest) > 1 else None


# -- node tests -----------------------------------------------------------


def _in_table_function(node: Node) -> Span | None:
    name = _child(node, "qualified_name")
    if name is None or node.children[-1] is name:
        return None
    return name.first_token, node.last_token


def _row_value(node: Node) -> Span | None:
    if node.kind == "row_value":
        return _whole(node)
    first = node.children[0]  # set_item: LP idlist RP EQ expr
    if isinstance(first, Token) and first.kind == "LP":
        rp = _token(node, "RP")
        return first, rp or first
    return None


def _dml_alias(node: Node) -> Span | None:
    as_tok = _token(node, "AS")
    if as_tok is None:
        return None
    return as_tok, node.last_token


def _filter_without_over(node: Node) -> Span | None:
    flt = _child(node, "filter_clause")
    if flt is None or _child(node, "over_clause") is not None:
        return None
    return flt.first_token, flt.first_token


def _rename_column(node: Node) -> Span | None:
    action = _alter_action(node)
    if action is None or action[0].kind != "RENAME":
        return None
    head, nxt = action
    if isinstance(nxt, Token) and nxt.kind == "TO":
        return None
    last = nxt if isinstance(nxt, Token) and nxt.kind == "COLUMNKW" else head
    return head, last


def _drop_column(node: Node) -> Span | None:
    action = _alter_action(node)
    if action is None or action[0].kind != "DROP":
        return None
    head, nxt = action
    if isinstance(nxt, Token) and nxt.kind == "CONSTRAINT":
        return None
    return head, nxt if isinstance(nxt, Token) and nxt.kind == "COLUMNKW" else head


def _alter_constraint(node: Node) -> Span | None:
    action = _alter_action(node)
    if action is None:
        return None
    head, nxt = action
    if head.kind == "ALTER":
        return head, node.last_token
    if head.kind in ("ADD", "DROP") and isinstance(nxt, Token) and nxt.kind in ("CONSTRAINT", "CHECK"):
        return head, nxt
    return None


def _groups_frame(node: Node) -> Span | None:
    first = node.children[0]
    if isinstance(first, Token) and first.kind == "GROUPS":
        return first, first
    return None


def _window_base(node: Node) -> Span | None:
    first = node.children[0]
    if isinstance(first, Token) and first.kind in _NAME_KINDS:
        return first, first
    return None


def _range_offset(node: Node) -> Span | None:
    first = node.children[0]
    if not (isinstance(first, Token) and first.kind == "RANGE"):
        return None
    for c in node.children:
        if isinstance(c, Node) and c.kind == "frame_bound" and isinstance(c.children[0], Node):
            return _whole(c)
    return None


def _upsert_generalized(node: Node) -> Span | None:
    clauses = [c for c in node.children if isinstance(c, Node) and c.kind == "upsert_clause"]
    for i, clause in enumerate(clauses):
        toks = _tokens(clause)
        targetless_update = len(toks) > 3 and toks[2].kind == "DO" and toks[3].kind == "UPDATE"
        if i > 0 or targetless_update:
            return toks[0], toks[1]
    return None


def _table_options(node: Node) -> Span | None:
    if node.kind == "table_option":
        first = node.children[0]
        if isinstance(first, Token) and first.kind != "WITHOUT":
            return _whole(node)
        return None
    options = [c for c in node.children if isinstance(c, Node) and c.kind == "table_option"]
    if len(options) > 1:
        return _whole(options[1])
    return None


def _right_full_join(node: Node) -> Span | None:
    for tok in _tokens(node):
        if tok.kind == "JOIN_KW" and tok.text.lower() in ("right", "full"):
            return _whole(node)
    return None


def _distinct_from(node: Node) -> Span | None:
    if _token(node, "DISTINCT") is None:
        return None
    return _run(node, "IS", "NOT", "DISTINCT", "FROM")


def _join_keyword_function(node: Node) -> Span | None:
    name = node.children[0]
    if isinstance(name, Token) and name.kind == "JOIN_KW":
        return name, name
    return None


def _raise_expression(node: Node) -> Span | None:
    message = node.children[-2]
    if not isinstance(message, Node):
        return None  # RAISE(IGNORE)
    if len(message.children) == 1:
        tok = message.children[0]
        if isinstance(tok, Token) and (
            (message.kind == "literal" and tok.kind == "STRING")
            or (message.kind == "column_ref" and tok.kind in _NAME_KINDS)
        ):
            return None
    return _whole(message)


def _temp(node: Node) -> Span | None:
    tok = _token(node, "TEMP")
    return (tok, tok) if tok is not None else None


def _create_trigger(node: Node) -> Span | None:
    create = node.children[0]
    header = node.children[1]
    assert isinstance(create, Token) and isinstance(header, Node)
    trigger = _token(header, "TRIGGER")
    return create, trigger or create


def _vacuum_into(node: Node) -> Span | None:
    into = _token(node, "INTO")
    return (into, into) if into is not None else None


def _first_token(node: Node) -> Span | None:
    tok = node.first_token
    return tok, tok


def _from_of_update(node: Node) -> Span | None:
    frm = _child(node, "from_clause")
    return (frm.first_token, frm.first_token) if frm is not None else None


def _materialized(node: Node) -> Span | None:
    mat = _token(node, "MATERIALIZED")
    if mat is None:
        return None
    i = node.children.index(mat)
    before = node.children[i - 1]
    first = before if isinstance(before, Token) and before.kind == "NOT" else mat
    return first, mat


# -- token tests ----------------------------------------------------------


def _is_hex(tok: Token) -> bool:
    return tok.text[:2] in ("0x", "0X")


def _floating(tok: Token) -> bool:
    if tok.kind == "FLOAT":
        return True
    return tok.kind == "QNUMBER" and not _is_hex(tok) and any(c in tok.text for c in ".eE")


def _tcl_parameter(tok: Token) -> bool:
    return tok.kind == "VARIABLE" and tok.text[:1] != "?" and ("::" in tok.text or tok.text.endswith(")"))


# -- the table --------------------------------------------------------------

FEATURES: tuple[Feature, ...] = (
    Feature(
        "table-function-in",
        "a table-valued function on the right of IN",
        "in_expr whose right side is a name followed by an argument list",
        "SELECT 1 IN json_each('[1]')",
        since=(3, 14, 0),
        kinds=("in_expr",),
        test=_in_table_function,
    ),
    Feature(
        "row-values",
        "row values",
        "row_value nodes; set_item with a parenthesized column list",
        "SELECT (1, 2) = (1, 2)",
        since=(3, 15, 0),
        kinds=("row_value", "set_item"),
        test=_row_value,
        plural=True,
    ),
    Feature(
        "upsert",
        "UPSERT (ON CONFLICT ... DO)",
        "upsert_clause nodes (DO and NOTHING are keywords from 3.24.0)",
        "INSERT INTO t VALUES (1) ON CONFLICT (a) DO NOTHING",
        since=(3, 24, 0),
        omitted_by="SQLITE_OMIT_UPSERT",
        kinds=("upsert_clause",),
        test=_starting("ON", "CONFLICT"),
    ),
    Feature(
        "dml-alias",
        "an AS alias on the table of INSERT, UPDATE or DELETE",
        "target_table with AS",
        "DELETE FROM t AS x WHERE x.a = 1",
        since=(3, 24, 0),
        kinds=("target_table",),
        test=_dml_alias,
    ),
    Feature(
        "window-functions",
        "window functions",
        "over_clause and window_clause nodes (OVER, WINDOW, PARTITION, RANGE, ROWS ... are keywords from 3.25.0)",
        "SELECT row_number() OVER (ORDER BY a) FROM t",
        since=(3, 25, 0),
        omitted_by="SQLITE_OMIT_WINDOWFUNC",
        kinds=("over_clause", "window_clause", "filter_clause"),
        test=_first_token,
        plural=True,
    ),
    Feature(
        "rename-column",
        "ALTER TABLE ... RENAME COLUMN",
        "alter_table_stmt with RENAME not followed by TO",
        "ALTER TABLE t RENAME COLUMN a TO b",
        since=(3, 25, 0),
        kinds=("alter_table_stmt",),
        test=_rename_column,
    ),
    Feature(
        "vacuum-into",
        "VACUUM INTO",
        "vacuum_stmt with INTO",
        "VACUUM INTO 'backup.db'",
        since=(3, 27, 0),
        kinds=("vacuum_stmt",),
        test=_vacuum_into,
    ),
    Feature(
        "window-exclude",
        "EXCLUDE in a window frame",
        "frame_exclude nodes (EXCLUDE, OTHERS, TIES are keywords from 3.28.0)",
        "SELECT sum(a) OVER (ORDER BY a ROWS CURRENT ROW EXCLUDE CURRENT ROW) FROM t",
        since=(3, 28, 0),
        kinds=("frame_exclude",),
        test=_whole,
    ),
    Feature(
        "groups-frame",
        "GROUPS frames",
        "frame_spec starting with GROUPS (a keyword from 3.28.0)",
        "SELECT sum(a) OVER (ORDER BY a GROUPS CURRENT ROW) FROM t",
        since=(3, 28, 0),
        kinds=("frame_spec",),
        test=_groups_frame,
        plural=True,
    ),
    Feature(
        "window-chaining",
        "a window defined on a named window",
        "window starting with a window name",
        "SELECT sum(a) OVER (w ORDER BY a) FROM t WINDOW w AS (PARTITION BY b)",
        since=(3, 28, 0),
        kinds=("window",),
        test=_window_base,
    ),
    Feature(
        "range-offset",
        "RANGE frames with <expr> PRECEDING or FOLLOWING",
        "frame_spec starting with RANGE with a frame_bound that has an expression",
        "SELECT sum(a) OVER (ORDER BY a RANGE 1 PRECEDING) FROM t",
        since=(3, 28, 0),
        kinds=("frame_spec",),
        test=_range_offset,
        plural=True,
    ),
    Feature(
        "filter-aggregate",
        "FILTER on an aggregate call without OVER",
        "function_call with a filter_clause and no over_clause",
        "SELECT count(*) FILTER (WHERE a > 1) FROM t",
        since=(3, 30, 0),
        kinds=("function_call",),
        test=_filter_without_over,
    ),
    Feature(
        "nulls-first-last",
        "NULLS FIRST / NULLS LAST",
        "ordering_term with NULLS (NULLS, FIRST, LAST are keywords from 3.30.0)",
        "SELECT a FROM t ORDER BY a NULLS LAST",
        since=(3, 30, 0),
        kinds=("ordering_term",),
        test=_nulls,
    ),
    Feature(
        "generated-columns",
        "generated columns",
        "generated_constraint nodes (GENERATED, ALWAYS are keywords from 3.31.0)",
        "CREATE TABLE t(a, b AS (a + 1))",
        since=(3, 31, 0),
        omitted_by="SQLITE_OMIT_GENERATED_COLUMNS",
        kinds=("generated_constraint",),
        test=_whole,
        plural=True,
    ),
    Feature(
        "update-from",
        "UPDATE ... FROM",
        "update_stmt with a from_clause",
        "UPDATE t SET a = u.b FROM u WHERE u.c = t.c",
        since=(3, 33, 0),
        kinds=("update_stmt",),
        test=_from_of_update,
    ),
    Feature(
        "returning",
        "RETURNING",
        "returning_clause nodes (RETURNING is a keyword from 3.35.0)",
        "DELETE FROM t RETURNING a",
        since=(3, 35, 0),
        omitted_by="SQLITE_OMIT_RETURNING",
        kinds=("returning_clause",),
        test=_first_token,
    ),
    Feature(
        "drop-column",
        "ALTER TABLE ... DROP COLUMN",
        "alter_table_stmt with DROP not followed by CONSTRAINT",
        "ALTER TABLE t DROP COLUMN a",
        since=(3, 35, 0),
        kinds=("alter_table_stmt",),
        test=_drop_column,
    ),
    Feature(
        "materialized-cte",
        "MATERIALIZED / NOT MATERIALIZED hints on common table expressions",
        "common_table_expression with MATERIALIZED (a keyword from 3.35.0)",
        "WITH c AS MATERIALIZED (SELECT 1) SELECT * FROM c",
        since=(3, 35, 0),
        kinds=("common_table_expression",),
        test=_materialized,
        plural=True,
    ),
    Feature(
        "upsert-generalized",
        "several ON CONFLICT clauses, or DO UPDATE without a conflict target",
        "insert_stmt with two upsert_clause nodes, or one with DO UPDATE right after ON CONFLICT",
        "INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET a = 2",
        since=(3, 35, 0),
        kinds=("insert_stmt",),
        test=_upsert_generalized,
        plural=True,
    ),
    Feature(
        "strict-tables",
        "STRICT tables and lists of table options",
        "a table_option that is a bare name, or a second table_option",
        "CREATE TABLE t(a INT) STRICT",
        since=(3, 37, 0),
        kinds=("table_option", "create_table_stmt"),
        test=_table_options,
        plural=True,
    ),
    Feature(
        "json-operators",
        "the -> and ->> operators",
        "PTR tokens (before 3.38.0 the tokenizer reads '-' and '>')",
        "SELECT '{\"a\":1}' -> '$.a'",
        since=(3, 38, 0),
        token_test=lambda tok: tok.kind == "PTR",
        plural=True,
    ),
    Feature(
        "right-full-join",
        "RIGHT and FULL OUTER JOINs",
        "join_operator with RIGHT or FULL",
        "SELECT * FROM t RIGHT JOIN u ON t.a = u.a",
        since=(3, 39, 0),
        kinds=("join_operator",),
        test=_right_full_join,
        plural=True,
    ),
    Feature(
        "is-distinct-from",
        "IS [NOT] DISTINCT FROM",
        "is_expr with DISTINCT",
        "SELECT 1 IS DISTINCT FROM 2",
        since=(3, 39, 0),
        kinds=("is_expr",),
        test=_distinct_from,
    ),
    Feature(
        "join-keyword-function",
        "a join keyword (LEFT, RIGHT, ...) as a function name",
        "function_call whose name is a JOIN_KW token",
        "SELECT left('abc', 1)",
        since=(3, 42, 0),
        kinds=("function_call",),
        test=_join_keyword_function,
    ),
    Feature(
        "aggregate-order-by",
        "ORDER BY in an aggregate call",
        "function_order_by nodes",
        "SELECT group_concat(a ORDER BY a) FROM t",
        since=(3, 44, 0),
        kinds=("function_order_by",),
        test=_starting("ORDER", "BY"),
    ),
    Feature(
        "digit-separators",
        "digit separators ('_') in numeric literals",
        "QNUMBER tokens (before 3.46.0 the tokenizer rejects them)",
        "SELECT 1_000_000",
        since=(3, 46, 0),
        token_test=lambda tok: tok.kind == "QNUMBER",
        plural=True,
    ),
    Feature(
        "raise-expression",
        "an expression as the message of RAISE()",
        "raise_expr whose message is not a single name or string",
        "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT RAISE(ABORT, 'bad ' || new.a); END",
        since=(3, 47, 0),
        kinds=("raise_expr",),
        test=_raise_expression,
    ),
    Feature(
        "ordered-set-aggregates",
        "WITHIN GROUP (ORDER BY ...)",
        "within_group nodes (WITHIN is a keyword only with the option)",
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) FROM t",
        since=(3, 51, 0),
        requires="SQLITE_ENABLE_ORDERED_SET_AGGREGATES",
        kinds=("within_group",),
        test=_starting("WITHIN", "GROUP"),
    ),
    Feature(
        "alter-constraints",
        "ALTER TABLE ... ADD/DROP CONSTRAINT, ADD CHECK and ALTER COLUMN ... SET/DROP NOT NULL",
        "alter_table_stmt with ALTER, ADD CONSTRAINT, ADD CHECK or DROP CONSTRAINT after the table name",
        "ALTER TABLE t ADD CHECK (a > 0)",
        since=(3, 52, 0),
        kinds=("alter_table_stmt",),
        test=_alter_constraint,
    ),
    Feature(
        "temp-trigger-qualified-names",
        "qualified table names in the body of a TEMP trigger",
        "checked by the grammar action of INSERT/UPDATE/DELETE in trigger bodies (actions.py)",
        "CREATE TEMP TRIGGER r AFTER INSERT ON t BEGIN DELETE FROM main.u; END",
        since=(3, 52, 0),
        plural=True,
    ),
    # -- what build options remove --------------------------------------
    Feature(
        "explain",
        "EXPLAIN",
        "explain nodes",
        "EXPLAIN SELECT 1",
        omitted_by="SQLITE_OMIT_EXPLAIN",
        kinds=("explain",),
        test=_whole,
    ),
    Feature(
        "temp-objects",
        "CREATE TEMP ...",
        "TEMP in CREATE TABLE, CREATE VIEW and trigger headers",
        "CREATE TEMP TABLE t(a)",
        omitted_by="SQLITE_OMIT_TEMPDB",
        kinds=("create_table_stmt", "create_view_stmt", "trigger_header"),
        test=_temp,
    ),
    Feature(
        "compound-select",
        "compound SELECTs (UNION, INTERSECT, EXCEPT)",
        "compound_operator nodes",
        "SELECT 1 UNION SELECT 2",
        omitted_by="SQLITE_OMIT_COMPOUND_SELECT",
        kinds=("compound_operator",),
        test=_whole,
        plural=True,
    ),
    Feature(
        "cte",
        "common table expressions (WITH)",
        "with_clause nodes",
        "WITH c AS (SELECT 1) SELECT * FROM c",
        omitted_by="SQLITE_OMIT_CTE",
        kinds=("with_clause",),
        test=_first_token,
        plural=True,
    ),
    Feature(
        "subqueries",
        "subqueries, EXISTS and IN",
        "subquery_expr, exists_expr, in_expr, subquery and join_group nodes",
        "SELECT (SELECT 1)",
        omitted_by="SQLITE_OMIT_SUBQUERY",
        kinds=("subquery_expr", "exists_expr", "in_expr", "subquery", "join_group"),
        test=_first_token,
        plural=True,
    ),
    Feature(
        "cast",
        "CAST",
        "cast_expr nodes",
        "SELECT CAST(1 AS TEXT)",
        omitted_by="SQLITE_OMIT_CAST",
        kinds=("cast_expr",),
        test=_first_token,
    ),
    Feature(
        "vacuum",
        "VACUUM",
        "vacuum_stmt nodes",
        "VACUUM",
        omitted_by="SQLITE_OMIT_VACUUM",
        kinds=("vacuum_stmt",),
        test=_first_token,
    ),
    Feature(
        "vacuum-attach",
        "VACUUM",
        "vacuum_stmt nodes (parse.y keeps VACUUM only with ATTACH)",
        "VACUUM",
        omitted_by="SQLITE_OMIT_ATTACH",
        kinds=("vacuum_stmt",),
        test=_first_token,
    ),
    Feature(
        "attach",
        "ATTACH and DETACH",
        "attach_stmt and detach_stmt nodes",
        "ATTACH 'x.db' AS x",
        omitted_by="SQLITE_OMIT_ATTACH",
        kinds=("attach_stmt", "detach_stmt"),
        test=_first_token,
        plural=True,
    ),
    Feature(
        "pragma",
        "PRAGMA",
        "pragma_stmt nodes",
        "PRAGMA user_version",
        omitted_by="SQLITE_OMIT_PRAGMA",
        kinds=("pragma_stmt",),
        test=_first_token,
    ),
    Feature(
        "trigger",
        "CREATE TRIGGER",
        "create_trigger_stmt nodes",
        "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END",
        omitted_by="SQLITE_OMIT_TRIGGER",
        kinds=("create_trigger_stmt",),
        test=_create_trigger,
    ),
    Feature(
        "drop-trigger",
        "DROP TRIGGER",
        "drop_trigger_stmt nodes",
        "DROP TRIGGER r",
        omitted_by="SQLITE_OMIT_TRIGGER",
        kinds=("drop_trigger_stmt",),
        test=_starting("DROP", "TRIGGER"),
    ),
    Feature(
        "view",
        "CREATE VIEW and DROP VIEW",
        "create_view_stmt and drop_view_stmt nodes",
        "CREATE VIEW v AS SELECT 1",
        omitted_by="SQLITE_OMIT_VIEW",
        kinds=("create_view_stmt", "drop_view_stmt"),
        test=_first_token,
        plural=True,
    ),
    Feature(
        "reindex",
        "REINDEX",
        "reindex_stmt nodes",
        "REINDEX",
        omitted_by="SQLITE_OMIT_REINDEX",
        kinds=("reindex_stmt",),
        test=_first_token,
    ),
    Feature(
        "analyze",
        "ANALYZE",
        "analyze_stmt nodes",
        "ANALYZE",
        omitted_by="SQLITE_OMIT_ANALYZE",
        kinds=("analyze_stmt",),
        test=_first_token,
    ),
    Feature(
        "alter-table",
        "ALTER TABLE",
        "alter_table_stmt nodes",
        "ALTER TABLE t RENAME TO u",
        omitted_by="SQLITE_OMIT_ALTERTABLE",
        kinds=("alter_table_stmt",),
        test=_starting("ALTER", "TABLE"),
    ),
    Feature(
        "alter-table-vtab",
        "ALTER TABLE",
        "alter_table_stmt nodes (parse.y keeps ALTER TABLE only with virtual tables)",
        "ALTER TABLE t RENAME TO u",
        omitted_by="SQLITE_OMIT_VIRTUALTABLE",
        kinds=("alter_table_stmt",),
        test=_starting("ALTER", "TABLE"),
    ),
    Feature(
        "virtual-table",
        "CREATE VIRTUAL TABLE",
        "create_virtual_table_stmt nodes",
        "CREATE VIRTUAL TABLE v USING fts5(a)",
        omitted_by="SQLITE_OMIT_VIRTUALTABLE",
        kinds=("create_virtual_table_stmt",),
        test=_starting("CREATE", "VIRTUAL"),
    ),
    Feature(
        "foreign-keys",
        "REFERENCES and FOREIGN KEY clauses",
        "foreign_key_clause and foreign_key_constraint nodes",
        "CREATE TABLE t(a, FOREIGN KEY (a) REFERENCES u (b))",
        omitted_by="SQLITE_OMIT_FOREIGN_KEY",
        kinds=("foreign_key_clause", "foreign_key_constraint"),
        test=_first_token,
        plural=True,
    ),
    Feature(
        "autoincrement",
        "AUTOINCREMENT",
        "AUTOINCR tokens",
        "CREATE TABLE t(a INTEGER PRIMARY KEY AUTOINCREMENT)",
        omitted_by="SQLITE_OMIT_AUTOINCREMENT",
        token_test=lambda tok: tok.kind == "AUTOINCR",
    ),
    Feature(
        "conflict-clauses",
        "conflict clauses (ON CONFLICT, OR REPLACE, REPLACE)",
        "CONFLICT and REPLACE tokens",
        "INSERT OR REPLACE INTO t VALUES (1)",
        omitted_by="SQLITE_OMIT_CONFLICT_CLAUSE",
        token_test=lambda tok: tok.kind in ("CONFLICT", "REPLACE"),
        plural=True,
    ),
    Feature(
        "floating-point",
        "floating-point literals",
        "FLOAT tokens",
        "SELECT 1.5",
        omitted_by="SQLITE_OMIT_FLOATING_POINT",
        token_test=_floating,
        plural=True,
    ),
    Feature(
        "hex-integers",
        "hexadecimal integer literals",
        "INTEGER or QNUMBER tokens starting with 0x",
        "SELECT 0x10",
        omitted_by="SQLITE_OMIT_HEX_INTEGER",
        token_test=lambda tok: tok.kind in ("INTEGER", "QNUMBER") and _is_hex(tok),
        plural=True,
    ),
    Feature(
        "blob-literals",
        "blob literals (X'...')",
        "BLOB tokens",
        "SELECT 1 WHERE X'00' IS NULL",
        omitted_by="SQLITE_OMIT_BLOB_LITERAL",
        token_test=lambda tok: tok.kind == "BLOB",
        plural=True,
    ),
    Feature(
        "tcl-parameters",
        "TCL-style parameters ($a::b, $a(x))",
        "VARIABLE tokens with '::' or a parenthesized suffix",
        "SELECT $a::b",
        omitted_by="SQLITE_OMIT_TCL_VARIABLE",
        token_test=_tcl_parameter,
        plural=True,
    ),
)

FEATURES_BY_KEY: dict[str, Feature] = {f.key: f for f in FEATURES}


class Change(Record):
    """A difference between releases in how text is read or how deep
    statements may nest (modelled by the tokenizer and the driver, not by
    grammar actions).  ``example`` is parsed for ``since`` and for the
    release before; the verdicts are ``accepted_after`` and
    ``accepted_before``."""

    __slots__ = ("since", "summary", "example", "accepted_before", "accepted_after")

    since: Version
    summary: str
    example: str
    accepted_before: bool
    accepted_after: bool

    def __init__(
        self,
        since: Version,
        summary: str,
        example: str,
        accepted_before: bool,
        accepted_after: bool,
    ) -> None:
        self.since = since
        self.summary = summary
        self.example = example
        self.accepted_before = accepted_before
        self.accepted_after = accepted_after


CHANGES: tuple[Change, ...] = (
    Change(
        (3, 36, 0),
        "a byte-order mark at the start of a token is whitespace (before, it started a name)",
        "\ufeffSELECT 1",
        accepted_before=False,
        accepted_after=True,
    ),
    Change(
        (3, 46, 0),
        "a hex literal followed by name characters is one bad token (before, '0x1g' was 0x1 AS g)",
        "SELECT 0x1g",
        accepted_before=True,
        accepted_after=False,
    ),
    Change(
        (3, 46, 0),
        "the parser stack grows on demand (before, a fixed 100 entries)",
        "SELECT " + "(" * 100 + "1" + ")" * 100,
        accepted_before=False,
        accepted_after=True,
    ),
    Change(
        (3, 52, 0),
        "the parser stack is limited to 2500 entries (SQLITE_LIMIT_PARSER_DEPTH)",
        "SELECT " + "(" * 2600 + "1" + ")" * 2600,
        accepted_before=True,
        accepted_after=False,
    ),
)


def by_kind(features: tuple[Feature, ...] | list[Feature]) -> dict[str, tuple[Feature, ...]]:
    out: dict[str, list[Feature]] = {}
    for f in features:
        for kind in f.kinds:
            out.setdefault(kind, []).append(f)
    return {k: tuple(v) for k, v in out.items()}


def walk(node: Node) -> Iterator[Node | Token]:
    """Every node and token under ``node`` in source order (iterative)."""
    stack: list[Node | Token] = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, Node):
            stack.extend(reversed(item.children))


def first_missing(root: Node, version: Version, cflags: frozenset[str]) -> tuple[Feature, str, Span] | None:
    """The earliest use, in source order, of a feature that SQLite
    ``version`` built with ``cflags`` lacks: (feature, message, span)."""
    missing = [(f, m) for f in FEATURES if (m := f.message(version, cflags)) is not None]
    if not missing:
        return None
    node_features = by_kind([f for f, _ in missing])
    token_features = [(f, m) for f, m in missing if f.token_test is not None]
    messages = dict((f.key, m) for f, m in missing)
    best: tuple[Feature, str, Span] | None = None
    # Nodes are tested when the walk reaches their first token (the next
    # token in source order), which the tests that start at it get from
    # there: node.first_token walks down a left spine, and on a chain of n
    # nodes (a IN (1) IN (2) ...) that is O(n) per node.
    waiting: list[Node] = []
    for item in walk(root):
        if not isinstance(item, Token):
            if item.kind in node_features:
                waiting.append(item)
            continue
        for node in waiting:
            for f in node_features[node.kind]:
                assert f.test is not None
                found = (item, item) if f.test is _first_token else f.test(node)
                if found is not None and (best is None or found[0].start < best[2][0].start):
                    best = (f, messages[f.key], found)
        waiting.clear()
        for f, m in token_features:
            assert f.token_test is not None
            if f.token_test(item):
                span = (item, item)
                if best is None or span[0].start < best[2][0].start:
                    best = (f, m, span)
                break
    return best
