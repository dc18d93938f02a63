"""The formatter's shortcuts give what the general path gives.

* The printer prints a plain group flat without deciding anything per doc;
  a verbatim text on one line counts as plain: it must print exactly as
  the same text given as a string does.
* The result columns copied as written (SQLite names them after their
  source text) are marked by the rules as they reach a query whose column
  names can be seen, not found by a walk of the whole statement before
  formatting: the marks must be the columns such a walk finds (the
  definition, kept here as the oracle), and the comments inside a copied
  column are printed once, inside it.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from syntaqlite import parse
from syntaqlite.fmt import FormatOptions, format_sql
from syntaqlite.fmt.chunks import statement_doc
from syntaqlite.fmt.comments import attach
from syntaqlite.fmt.context import Formatter
from syntaqlite.fmt.doc import (
    HARDLINE,
    LINE,
    SOFTLINE,
    Doc,
    Group,
    InlineComment,
    Keyword,
    LineSuffix,
    Nest,
    Verbatim,
)
from syntaqlite.fmt.printer import print_doc, propagate_breaks
from syntaqlite.fmt.rules import RULES, verbatim_spans
from syntaqlite.fmt.rules.select import named_by_text
from syntaqlite.syntax.cst import Node
from syntaqlite.syntax.nodes import (
    CommonTableExpression,
    CreateTableStmt,
    CreateViewStmt,
    ResultColumn,
    ReturningClause,
    Select,
    SelectCore,
    Statement,
    Subquery,
)

SAMPLE = Path(__file__).parent / "data" / "corpus-sample.jsonl.gz"

# -- the printer: one-line verbatim text is plain --------------------------

_TEXTS = ["a", "bb", "f(x)", "a + b", "x /* c */ y", "'s t'", "count(*)"]


def _random_doc(rng: random.Random, depth: int, verbatim: bool) -> Doc:
    """A doc of groups, nests, lines and texts; each text a string or
    (``verbatim``) the same text as a one-line :class:`Verbatim`."""
    if depth == 0 or rng.random() < 0.3:
        pick = rng.random()
        if pick < 0.1:
            return rng.choice([LINE, SOFTLINE, LINE, HARDLINE])
        if pick < 0.15:
            return LineSuffix([" ", "-- c"])
        if pick < 0.2:
            return InlineComment("/* k */")
        if pick < 0.3:
            return Keyword(rng.choice(["select", "From"]))
        text = rng.choice(_TEXTS)
        return Verbatim(text) if verbatim else text
    parts = [_random_doc(rng, depth - 1, verbatim) for _ in range(rng.randint(1, 5))]
    shape = rng.random()
    if shape < 0.45:
        return Group(parts)
    if shape < 0.6:
        return Nest(rng.randint(1, 2), parts)
    return parts


@pytest.mark.parametrize("seed", range(40))
def test_a_verbatim_text_on_one_line_prints_as_the_same_text(seed: int) -> None:
    for width in (8, 20, 80):
        # the same random choices, with strings or with Verbatim texts
        as_text = _random_doc(random.Random(seed), 5, verbatim=False)
        as_verbatim = _random_doc(random.Random(seed), 5, verbatim=True)
        assert print_doc(as_verbatim, width) == print_doc(as_text, width)


def test_a_group_with_a_verbatim_text_on_one_line_is_plain() -> None:
    one_line = Group(["SELECT", LINE, Verbatim("a + b")])
    two_lines = Group(["SELECT", LINE, Verbatim("a +\nb")])
    propagate_breaks([one_line, two_lines])
    assert one_line.plain and not one_line.broken
    assert not two_lines.plain and two_lines.broken
    assert print_doc(Group(["SELECT", LINE, Verbatim("a + b")]), 80) == "SELECT a + b"


def test_a_group_is_measured_with_the_text_after_it() -> None:
    # flat, the group fits alone (9 columns of 12), not with what follows
    # it up to the next line break: it breaks
    doc: Doc = [Group(["aaaa", LINE, "bbbb"]), "cccccccc", LINE, "d"]
    assert print_doc(doc, 12) == "aaaa\nbbbbcccccccc\nd"
    assert print_doc(doc, 17) == "aaaa bbbbcccccccc\nd"
    narrow = FormatOptions(line_width=20, indent=4, semicolons=False, keyword_case="preserve")
    assert format_sql("INSERT INTO t1 VALUES('a b c', 'd e f')", narrow) == (
        "INSERT INTO t1\nVALUES\n    (\n        'a b c',\n        'd e f'\n    )\n"
    )


# -- result columns copied as written ----------------------------------------


def _first_core(query: Node) -> Node:
    return query.cores[0] if isinstance(query, Select) else query


def _named_by_walk(stmt: Statement) -> set[int]:
    """The columns to copy as written, by their definition: a walk of the
    whole statement for the queries whose column names can be seen (but for
    those inside another such column: the copy holds them)."""
    cores: list[Node] = []
    if isinstance(stmt.body, Select | SelectCore):
        cores.append(_first_core(stmt.body))
    for node in stmt.walk():
        if isinstance(node, Subquery):
            cores.append(_first_core(node.query))
        elif isinstance(node, ReturningClause):
            cores.append(node)
        elif isinstance(node, CommonTableExpression | CreateViewStmt):
            if node.columns is None:
                cores.append(_first_core(node.query))
        elif isinstance(node, CreateTableStmt) and node.as_select is not None:
            cores.append(_first_core(node.as_select))
    named = [
        c
        for core in cores
        if isinstance(core, SelectCore | ReturningClause)
        for c in core.columns
        if named_by_text(c)
    ]
    return {
        id(c) for c in named if not any(o is not c and o.start <= c.start and c.end <= o.end for o in named)
    }


def _marked(sql: str, options: FormatOptions) -> tuple[set[int], set[int]]:
    """The columns the rules mark while formatting ``sql``, and the walk's."""
    result = parse(sql)
    assert not result.errors, sql
    spans = [span for s in result.statements for span in verbatim_spans(s)]
    f = Formatter(result.source, options, attach(result, spans), RULES)
    walked: set[int] = set()
    for stmt in result.statements:
        statement_doc(f, stmt, False, True)
        walked |= _named_by_walk(stmt)
    assert all(isinstance(c, ResultColumn) for c in f.verbatim_columns)
    return {id(c) for c in f.verbatim_columns}, walked


_NAMING = [
    "SELECT a + b, c FROM t",
    "SELECT a + b UNION SELECT c + d",
    "VALUES (1 + 2) UNION SELECT x + 1",
    "SELECT (SELECT x + 1), y FROM (SELECT a * 2, b FROM t) AS s",
    "SELECT * FROM t WHERE x IN (SELECT a + 1 FROM u) AND EXISTS (SELECT b || c)",
    "WITH c AS (SELECT x * 2 FROM t), d(k) AS (SELECT y + 1) SELECT * FROM c, d",
    "CREATE VIEW v AS SELECT a + b FROM t",
    "CREATE VIEW v(k) AS SELECT a + b FROM t",
    "CREATE TABLE n AS SELECT length(x), x FROM t",
    "INSERT INTO t SELECT a + 1 FROM u RETURNING id * 2, rowid",
    "UPDATE t SET a = (SELECT b + 1) RETURNING a - 1",
    "DELETE FROM t RETURNING *, upper(name)",
    "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT new.a + 1; "
    "INSERT INTO u VALUES (1) RETURNING x + y; END",
    "SELECT f(x) FROM (SELECT * FROM (SELECT g(y) FROM t))",
]


def test_the_rules_mark_the_columns_the_definition_names() -> None:
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    texts = [*_NAMING, *(row["sql"] for row in rows)]
    marked_in_all = 0
    for sql in texts:
        if parse(sql).errors:
            continue
        marked, walked = _marked(sql, FormatOptions())
        assert marked == walked, sql
        marked_in_all += len(marked)
        assert _marked(sql, FormatOptions(column_names="reformat"))[0] == set()
    assert marked_in_all > 100  # the comparison is not of empty sets


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("select a /* c */ + b, x from t", "SELECT a /* c */ + b, x FROM t;\n"),
        ("select a + -- c\n b from t", "SELECT\n  a + -- c\n b\nFROM t;\n"),
        ("select a +\n/* c */\nb, y /* t */ from t", "SELECT\n  a +\n/* c */\nb,\n  y /* t */\nFROM t;\n"),
        ("select a+ /* x */ /* y */b -- end\nfrom t", "SELECT a+ /* x */ /* y */b -- end\nFROM t;\n"),
        ("create view v as select a /* c */+b from t", "CREATE VIEW v AS SELECT a /* c */+b FROM t;\n"),
        (
            "insert into t values (1) returning a /* r */+1",
            "INSERT INTO t VALUES (1) RETURNING a /* r */+1;\n",
        ),
        # a scalar subquery's column names cannot be seen: formatted
        ("select (select 1 /* in */+2) as y", "SELECT (SELECT 1 /* in */ + 2) AS y;\n"),
    ],
)
def test_the_comments_inside_a_column_copied_as_written_print_once(sql: str, expected: str) -> None:
    assert format_sql(sql) == expected
    assert format_sql(expected) == expected
