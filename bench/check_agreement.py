"""Does the validator agree with SQLite?  Measured on generated statements.

    python bench/check_agreement.py                 # 3000 base statements
    python bench/check_agreement.py --count 500 --seed 7 --show 20

Over a fixed schema (below), random valid statements are generated (SELECT
with joins, USING, subqueries, CTEs, window functions, aggregates, compounds;
INSERT with upserts; UPDATE ... FROM; DELETE; RETURNING), kept only if SQLite
prepares them, then mutated: one table, column or function name misspelled,
replaced by another schema name, or by an unknown one (single mutations), or
two names at once (double mutations); and in shape: a function given an
argument more or fewer, an aggregate moved into WHERE, an INSERT value
dropped, a compound's sides made unequal.  Each statement is prepared by SQLite
(apsw) on a database with the schema and checked by syntaqlite:

* missed: SQLite reports an error syntaqlite does not report at that name;
* false alarm: SQLite prepares the statement, syntaqlite reports a problem
  (a double-quoted string is SQLite's legacy leniency, not a false alarm);
* double: both names of a two-name mutation must be reported (SQLite
  reports only the first; each is confirmed by preparing it alone).

The golden files tests/check/*.sql count too: every statement of them is
prepared after the file's preceding statements.  Exits 1 unless missed and
false alarms are zero.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apsw  # noqa: E402

from syntaqlite.diagnostics import Diagnostic  # noqa: E402
from syntaqlite.syntax.cst import Node  # noqa: E402
from syntaqlite.syntax.lexer import tokenize  # noqa: E402
from syntaqlite.syntax.names import unquote  # noqa: E402
from syntaqlite.syntax.nodes import CreateTriggerStmt, CreateViewStmt  # noqa: E402
from syntaqlite.validator.catalog import Catalog  # noqa: E402
from syntaqlite.validator.checker import check_text  # noqa: E402
from syntaqlite.validator.resolve.resolver import VIEW_ERRORS  # noqa: E402
from syntaqlite.validator.schema import load_sql  # noqa: E402

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE, age INTEGER, created TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), total REAL, status TEXT, placed TEXT);
CREATE TABLE items (order_id INTEGER, sku TEXT, qty INTEGER, price REAL, PRIMARY KEY (order_id, sku)) WITHOUT ROWID;
CREATE TABLE products (sku TEXT PRIMARY KEY, title TEXT, price REAL, stock INTEGER);
CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT, user_id INTEGER);
CREATE VIEW big_orders AS SELECT o.id, o.user_id, o.total FROM orders AS o WHERE o.total > 100;
CREATE INDEX orders_user ON orders (user_id);
CREATE VIRTUAL TABLE docs USING fts5(title, body);
"""

TABLES: dict[str, list[str]] = {
    "users": ["id", "name", "email", "age", "created"],
    "orders": ["id", "user_id", "total", "status", "placed"],
    "items": ["order_id", "sku", "qty", "price"],
    "products": ["sku", "title", "price", "stock"],
    "tags": ["id", "label", "user_id"],
    "big_orders": ["id", "user_id", "total"],
}
WRITABLE = ["users", "orders", "items", "products", "tags"]
JOINS = [  # (left, right, left column, right column)
    ("users", "orders", "id", "user_id"),
    ("orders", "items", "id", "order_id"),
    ("items", "products", "sku", "sku"),
    ("users", "tags", "id", "user_id"),
    ("big_orders", "users", "user_id", "id"),
]
SCALAR = ["upper", "lower", "length", "abs", "coalesce", "ifnull", "typeof", "round", "substr", "trim"]
AGG = ["count", "sum", "avg", "max", "min", "total", "group_concat"]

# SQLite message -> (category, name group)
_PATTERNS = [
    (re.compile(r"no such table: (?:\w+\.)?(.+)$"), "table"),
    (re.compile(r"no such column: (?:.*\.)?([^.]+)$"), "column"),
    (re.compile(r"table \S+ has no column named (.+)$"), "column"),
    (re.compile(r"ambiguous column name: (?:.*\.)?([^.]+)$"), "ambiguous"),
    (re.compile(r"no such function: (.+)$"), "function"),
    (re.compile(r"unknown function: (.+)\(\)$"), "function"),
    (re.compile(r"wrong number of arguments to function (.+)\(\)"), "arity"),
    (re.compile(r"misuse of aggregate(?: function)?:? (\w+)\(\)"), "aggregate"),
    (re.compile(r"misuse of aliased aggregate (\w+)"), "aggregate"),
    (re.compile(r"misuse of aliased window function (\w+)"), "window"),
    (re.compile(r"misuse of window function (\w+)\(\)"), "window"),
    (re.compile(r"(\w+)\(\) may not be used as a window function"), "window"),
    (re.compile(r"table \S+ has \d+ values for \d+ columns|expected \d+ columns for '(.+)' but got"), "cte"),
    (re.compile(r"^\d+ values for \d+ columns|columns but \d+ values were supplied"), "insert-count"),
    (re.compile(r"sub-select returns"), "subquery"),
    (re.compile(r"row value misused|IN\(\.\.\.\) element has|columns assigned"), "rowvalue"),
    (re.compile(r"do not have the same number of result columns"), "compound"),
    (re.compile(r"all VALUES must have"), "values"),
    (re.compile(r"HAVING clause on a non-aggregate"), "having"),
    (re.compile(r"aggregate functions are not allowed in the GROUP BY"), "aggregate"),
    (re.compile(r"no such window: (.+)$"), "window-name"),
    (re.compile(r"ON clause references tables to its right"), "on"),
    (re.compile(r"cannot join using column (\S+)|ambiguous reference to (?:\S+) in USING"), "using"),
    (re.compile(r"(?:ORDER|GROUP) BY term"), "orderby"),
    (re.compile(r"no tables specified"), "notables"),
    (re.compile(r"no such (?:index|trigger|view): (?:\w+\.)?(.+)$"), "table"),
    (
        re.compile(r"(?:table|index|trigger|view) (\S+) already exists|already another table or index"),
        "exists",
    ),
    (re.compile(r"duplicate column name: (.+)$"), "duplicate"),
    (re.compile(r"(?:views|virtual tables) may not be indexed"), "indexview"),
    (re.compile(r"use DROP (?:VIEW|TABLE) to delete"), "dropkind"),
    (
        re.compile(
            r"view \S+ may not be altered|virtual tables may not be altered|Cannot add a (?:PRIMARY KEY|UNIQUE) column"
            r"|Cannot add a column to a view|cannot (?:rename columns of|drop column from|edit constraints of) "
            r"|cannot drop (?:PRIMARY KEY|UNIQUE) column|cannot drop column \S+: no other columns"
        ),
        "alter",
    ),
    (
        re.compile(
            r"may not be (?:modified|dropped|altered|indexed)|reserved for internal use"
            r"|index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped"
        ),
        "builtin",
    ),
    (re.compile(r"unable to identify the object to be reindexed"), "reindex"),
    (
        re.compile(
            r"parameters are not allowed in views|trigger cannot use variables|cannot use RETURNING in a trigger"
            r"|temporary trigger may not have qualified name|view \S+ is circularly defined"
        ),
        "definition",
    ),
    # Decided by the parser where the trigger's database is known, else by the schema.
    (re.compile(r"qualified table names are not allowed on INSERT, UPDATE, and DELETE"), "qualified"),
    (re.compile(r"cannot modify (\S+) because it is a view"), "modifyview"),
    (re.compile(r"cannot create .*triggers? on"), "triggertarget"),
    (
        re.compile(
            r"unknown database (\S+)|no such database|cannot detach database|cannot reference objects in database"
            r"|database \S+ is already in use"
        ),
        "database",
    ),
    (re.compile(r"RAISE\(\) may only be used"), "raise"),
    (
        re.compile(
            r"(?:circular reference|multiple references to recursive table|multiple recursive references|recursive reference in a subquery): (\S+)"
        ),
        "circular",
    ),
    (re.compile(r"duplicate WITH table name: (\S+)"), "exists"),
    (re.compile(r"(?:FILTER|ORDER BY) may not be used with non-aggregate"), "nonaggregate"),
    (re.compile(r"no such collation sequence: (.+)$"), "collation"),
    # Table and index definitions.
    (
        re.compile(
            r"has more than one primary key|PRIMARY KEY missing on table|AUTOINCREMENT (?:not|is only) allowed"
            r"|expressions prohibited in PRIMARY KEY|conflicting ON CONFLICT"
        ),
        "primarykey",
    ),
    (
        re.compile(
            r"prohibited in (?:CHECK constraints|generated columns|index expressions|partial index WHERE)|unsupported use of NULLS"
        ),
        "prohibited",
    ),
    (
        re.compile(
            r"default value of column|datatype for|cannot use DEFAULT on a generated|error in generated column"
            r"|generated columns cannot be part|must have at least one non-generated"
        ),
        "columndef",
    ),
    (
        re.compile(
            r"in foreign key definition|number of columns in foreign key|should reference only one column"
        ),
        "foreignkey",
    ),
    (re.compile(r"temporary table name must be unqualified|cannot create a TEMP index"), "temp"),
    (
        re.compile(
            r"DISTINCT is not supported for window functions|FILTER clause may only be used with aggregate"
            r"|unsupported frame specification|RANGE with offset PRECEDING/FOLLOWING|cannot override .* of window"
        ),
        "windowdef",
    ),
    (
        re.compile(
            r"DISTINCT aggregates must have exactly one|second argument to \w+\(\) must be a constant"
        ),
        "funcarg",
    ),
    (re.compile(r"hex literal too big"), "hex"),
    (re.compile(r"cannot use window functions in recursive queries"), "window"),
    (re.compile(r"recursive aggregate queries not supported"), "aggregate"),
    (re.compile(r"ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint"), "upsert"),
    (re.compile(r"'(.+)' is not a function|too many arguments on (?:\w+)\(\) - max"), "tablefunction"),
    (re.compile(r"cannot (?:INSERT into|UPDATE) generated column \"(.+)\""), "generated"),
    (re.compile(r"a NATURAL join may not have an ON or USING clause"), "natural"),
    (re.compile(r"target object/alias may not appear in FROM clause"), "updatefrom"),
]
CODES = {
    "table": {"unknown-table"},
    "column": {"unknown-column", "unknown-qualifier"},
    "ambiguous": {"ambiguous-column"},
    "function": {"unknown-function"},
    "arity": {"wrong-arity"},
    "aggregate": {"misuse-aggregate"},
    "window": {"misuse-window"},
    "insert-count": {"insert-column-count"},
    "subquery": {"subquery-column-count"},
    "rowvalue": {"row-value-size"},
    "compound": {"compound-column-count"},
    "values": {"values-row-length"},
    "cte": {"cte-column-count"},
    "having": {"having-without-group"},
    "window-name": {"unknown-window"},
    "on": {"join-on-right-table"},
    "using": {"using-column"},
    "orderby": {"order-by-term"},
    "notables": {"no-tables"},
    "exists": {"already-exists"},
    "duplicate": {"duplicate-column"},
    "indexview": {"index-on-view"},
    "dropkind": {"drop-wrong-kind"},
    "builtin": {"builtin-table"},
    "alter": {"alter-table"},
    "reindex": {"reindex-target"},
    "definition": {"schema-definition"},
    "qualified": {"schema-definition", "syntax"},
    "modifyview": {"modify-view"},
    "triggertarget": {"trigger-target"},
    "database": {"unknown-database"},
    "raise": {"raise-outside-trigger"},
    "circular": {"circular-cte"},
    "nonaggregate": {"non-aggregate-clause"},
    "collation": {"unknown-collation"},
    "primarykey": {"primary-key"},
    "prohibited": {"prohibited-expression"},
    "columndef": {"column-definition"},
    "foreignkey": {"foreign-key"},
    "temp": {"temp-object"},
    "windowdef": {"window-definition"},
    "funcarg": {"function-argument"},
    "hex": {"hex-literal"},
    "upsert": {"upsert-target"},
    "tablefunction": {"table-function-call"},
    "generated": {"generated-column"},
    "natural": {"natural-join"},
    "updatefrom": {"update-from-target"},
}
LENIENT = {"double-quoted-string"}
VIEW_CATEGORIES = frozenset(
    category
    for category, codes in CODES.items()
    if codes & VIEW_ERRORS and category != "qualified"  # (a trigger body's, never a view's)
)
"""The errors a view's query may give where the view is used (reported as broken-view)."""


def expectation(message: str) -> tuple[str, str | None] | None:
    """What syntaqlite must report for SQLite's error (None: a kind of
    error the validator does not model, left out of the agreement)."""
    for pattern, category in _PATTERNS:
        m = pattern.search(message)
        if m:
            name = (m.group(1) or "").strip().strip('"') or None if m.groups() else None
            return category, name
    return None


def found(expected: tuple[str, str | None], text: str, diagnostics: list[Diagnostic]) -> bool:
    category, name = expected
    for d in diagnostics:
        if d.code not in CODES[category] and not (d.code == "broken-view" and category in VIEW_CATEGORIES):
            continue
        if name is None:
            return True
        span = unquote(text[d.start : d.end]).lower()
        if name.lower() == span or name.lower() == span.split(".")[-1] or name.lower() in d.message.lower():
            return True
    return False


# -- generating statements -----------------------------------------------------------


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, items: list[str]) -> str:
        return self.r.choice(items)

    def from_clause(self) -> tuple[str, list[tuple[str, str]]]:
        """A FROM clause and its (qualifier, table) pairs."""
        first = self.pick(list(TABLES))
        alias = self.alias(first)
        parts = [f"{first}{' AS ' + alias if alias != first else ''}"]
        sources = [(alias, first)]
        for _ in range(self.r.choice([0, 0, 1, 1, 2])):
            options = [
                j for j in JOINS if j[0] in {t for _, t in sources} and j[1] not in {t for _, t in sources}
            ]
            options += [
                (b, a, cb, ca)
                for a, b, ca, cb in JOINS
                if b in {t for _, t in sources} and a not in {t for _, t in sources}
            ]
            if not options:
                break
            left, right, lc, rc = self.r.choice(options)
            lq = next(q for q, t in sources if t == left)
            ralias = self.alias(right, taken={q for q, _ in sources})
            kind = self.pick(["JOIN", "JOIN", "LEFT JOIN", "INNER JOIN", "CROSS JOIN"])
            if lc == rc and self.r.random() < 0.4 and kind != "CROSS JOIN":
                parts.append(f"{kind} {right}{' AS ' + ralias if ralias != right else ''} USING ({lc})")
            elif kind == "CROSS JOIN":
                parts.append(f"CROSS JOIN {right}{' AS ' + ralias if ralias != right else ''}")
            else:
                parts.append(
                    f"{kind} {right}{' AS ' + ralias if ralias != right else ''} ON {ralias}.{rc} = {lq}.{lc}"
                )
            sources.append((ralias, right))
        return "FROM " + " ".join(parts), sources

    def alias(self, table: str, taken: set[str] | None = None) -> str:
        if self.r.random() < 0.4 and table not in (taken or set()):
            return table
        base = table[0]
        n = 1
        while f"{base}{n}" in (taken or set()):
            n += 1
        return (
            f"{base}{n}" if self.r.random() < 0.5 else base if base not in (taken or set()) else f"{base}{n}"
        )

    def column(self, sources: list[tuple[str, str]], qualify: float = 0.7) -> str:
        q, t = self.r.choice(sources)
        col = self.pick(TABLES[t])
        unique = sum(1 for _, t2 in sources if col in TABLES[t2]) == 1
        if not unique or self.r.random() < qualify:
            return f"{q}.{col}"
        return col

    def expr(self, sources: list[tuple[str, str]], depth: int = 0) -> str:
        roll = self.r.random()
        if depth > 1 or roll < 0.45:
            return self.column(sources)
        if roll < 0.6:
            return f"{self.column(sources)} {self.pick(['+', '-', '*', '||'])} {self.r.randint(1, 9)}"
        if roll < 0.75:
            fn = self.pick(SCALAR)
            arg = self.expr(sources, depth + 1)
            return {
                "coalesce": f"coalesce({arg}, 0)",
                "ifnull": f"ifnull({arg}, '')",
                "round": f"round({arg}, 2)",
                "substr": f"substr({arg}, 1, 3)",
            }.get(fn, f"{fn}({arg})")
        if roll < 0.85:
            return f"CASE WHEN {self.cond(sources, depth + 1)} THEN {self.column(sources)} ELSE NULL END"
        return f"({self.column(sources)})"

    def cond(self, sources: list[tuple[str, str]], depth: int = 0) -> str:
        roll = self.r.random()
        if roll < 0.4 or depth > 1:
            left, op = self.column(sources), self.pick(["=", "<", ">=", "<>", "IS NOT"])
            right = self.pick(["1", "'x'", "NULL", self.column(sources)])
            return f"{left} {op} {right}"
        if roll < 0.55:
            return f"{self.column(sources)} BETWEEN 1 AND 10"
        if roll < 0.65:
            return f"{self.column(sources)} IN (1, 2, 3)"
        if roll < 0.75:
            inner_t = self.pick(WRITABLE)
            return f"{self.column(sources)} IN (SELECT {self.pick(TABLES[inner_t])} FROM {inner_t})"
        if roll < 0.85:
            inner_t = self.pick(WRITABLE)
            q, _t = self.r.choice(sources)
            outer_col = f"{q}.{self.pick(TABLES[_t])}"
            return f"EXISTS (SELECT 1 FROM {inner_t} AS z WHERE z.{self.pick(TABLES[inner_t])} = {outer_col})"
        return f"({self.cond(sources, depth + 1)} {self.pick(['AND', 'OR'])} {self.cond(sources, depth + 1)})"

    def select(self) -> str:
        frm, sources = self.from_clause()
        aggregate = self.r.random() < 0.3
        cols: list[str] = []
        aliases: list[str] = []
        group_by = ""
        if aggregate:
            key = self.column(sources)
            cols.append(key)
            fn = self.pick(AGG)
            arg = "*" if fn == "count" and self.r.random() < 0.5 else self.column(sources)
            cols.append(f"{fn}({arg}) AS n")
            aliases.append("n")
            group_by = f" GROUP BY {key}" + (
                f" HAVING {self.pick(AGG[:3])}({self.column(sources)}) > 1" if self.r.random() < 0.4 else ""
            )
        else:
            for i in range(self.r.randint(1, 3)):
                e = self.expr(sources)
                if self.r.random() < 0.5:
                    cols.append(f"{e} AS c{i}")
                    aliases.append(f"c{i}")
                else:
                    cols.append(e)
            if self.r.random() < 0.15:
                q, _t = self.r.choice(sources)
                cols.append(
                    f"row_number() OVER (PARTITION BY {self.column(sources)} ORDER BY {q}.{self.pick(TABLES[_t])}) AS rn"
                )
        where = f" WHERE {self.cond(sources)}" if self.r.random() < 0.7 else ""
        order = ""
        if self.r.random() < 0.4:
            order = " ORDER BY " + self.pick(
                [*aliases, "1", self.column(sources)] if aliases else ["1", self.column(sources)]
            )
        limit = " LIMIT 10" if self.r.random() < 0.2 else ""
        body = f"SELECT {'DISTINCT ' if self.r.random() < 0.1 else ''}{', '.join(cols)} {frm}{where}{group_by}{order}{limit}"
        roll = self.r.random()
        if roll < 0.12:
            t = self.pick(WRITABLE)
            c = self.pick(TABLES[t])
            return f"WITH cte AS (SELECT {c} AS v FROM {t}) SELECT v FROM cte WHERE v IS NOT NULL"
        if roll < 0.2:
            t1, t2 = self.pick(WRITABLE), self.pick(WRITABLE)
            return f"SELECT {self.pick(TABLES[t1])} FROM {t1} UNION SELECT {self.pick(TABLES[t2])} FROM {t2}"
        return body

    def insert(self) -> str:
        t = self.pick(WRITABLE)
        cols = self.r.sample(TABLES[t], self.r.randint(1, len(TABLES[t])))
        values = ", ".join(self.pick(["1", "'x'", "NULL", "2.5"]) for _ in cols)
        stmt = f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({values})"
        if t in ("users", "products") and self.r.random() < 0.4:
            key = "email" if t == "users" else "sku"
            other = self.pick([c for c in TABLES[t] if c != key])
            stmt += f" ON CONFLICT ({key}) DO UPDATE SET {other} = excluded.{other}"
        if self.r.random() < 0.3:
            stmt += f" RETURNING {self.pick(TABLES[t])}"
        if self.r.random() < 0.2:
            src = self.pick(WRITABLE)
            stmt = f"INSERT INTO {t} ({', '.join(cols[:1])}) SELECT {self.pick(TABLES[src])} FROM {src}"
        return stmt

    def update(self) -> str:
        t = self.pick(WRITABLE)
        col = self.pick(TABLES[t])
        stmt = f"UPDATE {t} SET {col} = {self.pick(['1', 'NULL', col + ' + 1'])}"
        if self.r.random() < 0.2 and t == "orders":
            stmt += " FROM users AS u WHERE u.id = orders.user_id AND u.age > 30"
        elif self.r.random() < 0.6:
            stmt += f" WHERE {self.cond([(t, t)])}"
        if self.r.random() < 0.2:
            stmt += f" RETURNING {self.pick(TABLES[t])}"
        return stmt

    def delete(self) -> str:
        t = self.pick(WRITABLE)
        return f"DELETE FROM {t} WHERE {self.cond([(t, t)])}" + (
            f" RETURNING {self.pick(TABLES[t])}" if self.r.random() < 0.2 else ""
        )

    def statement(self) -> str:
        roll = self.r.random()
        if roll < 0.6:
            return self.select()
        if roll < 0.75:
            return self.insert()
        if roll < 0.9:
            return self.update()
        return self.delete()


NAMES = sorted({c for cols in TABLES.values() for c in cols} | set(TABLES) | {"nosuch", "amount"})


def mutate_name(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.4 and len(name) > 2:
        i = rng.randrange(len(name) - 1)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if roll < 0.7:
        return rng.choice([n for n in NAMES if n != name])
    return name + rng.choice(["s", "x", "_id"])


def mutations(rng: random.Random, sql: str, count: int) -> list[tuple[str, list[tuple[int, str]]]]:
    """Statements with ``count`` names changed, and which tokens changed."""
    toks = [t for t in tokenize(sql) if t.kind == "ID" and not t.text.startswith(("'", '"', "["))]
    if len(toks) < count:
        return []
    chosen = rng.sample(toks, count)
    text = sql
    changes = []
    for tok in sorted(chosen, key=lambda t: -t.start):
        new = mutate_name(rng, tok.text)
        text = text[: tok.start] + new + text[tok.end :]
        changes.append((tok.start, new))
    return [(text, changes)]


def structural(rng: random.Random, sql: str) -> list[str]:
    """Statements with a shape changed rather than a name: a function call
    given one argument more or fewer, an aggregate moved into WHERE, a value
    dropped from an INSERT, a column added to one side of a compound."""
    out = []
    calls = list(re.finditer(r"\b(\w+)\(([^()]*)\)", sql))
    calls = [m for m in calls if m.group(1).upper() not in ("IN", "VALUES", "USING", "EXISTS", "OVER")]
    if calls:
        m = rng.choice(calls)
        args = [a for a in m.group(2).split(",") if a.strip()]
        if args and rng.random() < 0.5:
            new_args = ",".join(args[:-1])
        else:
            new_args = ", ".join([*(a.strip() for a in args), "1"])
        out.append(sql[: m.start(2)] + new_args + sql[m.end(2) :])
    agg = re.search(r"\b(count|sum|avg|max|min|total|group_concat)\(([^()]*)\)", sql)
    where = re.search(r"\bWHERE\b", sql)
    if agg and where:
        out.append(sql[: where.end()] + f" {agg.group(0)} > 1 AND" + sql[where.end() :])
    values = re.search(r"VALUES \(([^()]*)\)", sql)
    if values and "," in values.group(1):
        out.append(sql[: values.start(1)] + values.group(1).rsplit(",", 1)[0] + sql[values.end(1) :])
    # A COLLATE on an ORDER BY term or a comparison's operand: built-in,
    # misspelled or unknown (SQLite needs the collation there).
    collation = rng.choice(["NOCASE", "rtrim", "nocsae", "natsort"])
    term = re.search(r"\bORDER BY ([\w.]+)", sql)
    if term:
        out.append(sql[: term.end(1)] + f" COLLATE {collation}" + sql[term.end(1) :])
    # (In a result column: in WHERE, a rowid compared with a constant may
    # become a lookup that never needs the collation.)
    first = re.match(r"SELECT ([\w.]+)", sql)
    if first:
        col = first.group(1)
        out.append(sql[: first.end(1)] + f" COLLATE {collation} = {col}" + sql[first.end(1) :])
    union = re.search(r"^SELECT (\w+) FROM (\w+) UNION", sql)
    if union:
        out.append(sql[: union.end(1)] + ", 1" + sql[union.end(1) :])
    out.extend(_family_mutations(rng, sql))
    return out


def _family_mutations(rng: random.Random, sql: str) -> list[str]:
    """Shapes of the rule families SQLite checks beyond names: DISTINCT or
    FILTER on a window function, a DISTINCT aggregate of two arguments,
    GROUP BY a column number, NATURAL with ON, INDEXED BY, an upsert's
    conflict target, a row value where one value goes, and what SQLite's
    parser folds away (``x AND 0``) next to what it does not."""
    out: list[str] = []
    window = re.search(r"\b(\w+)\(([^()]*)\) OVER \(", sql)
    if window:
        arg = window.group(2) or "1"
        if rng.random() < 0.5:
            out.append(sql[: window.start(2)] + "DISTINCT " + arg + sql[window.end(2) :])
        else:
            filtered = f" FILTER (WHERE {arg} IS NOT NULL)"
            out.append(sql[: window.end(2) + 1] + filtered + sql[window.end(2) + 1 :])
    agg = re.search(r"\b(count|sum|avg|max|min|total|group_concat)\(([\w.]+)\)", sql)
    if agg:
        arg = agg.group(2)
        out.append(sql[: agg.start(2)] + f"DISTINCT {arg}, {arg}" + sql[agg.end(2) :])
    group = re.search(r"\bGROUP BY ([\w.]+)", sql)
    if group:
        out.append(sql[: group.start(1)] + str(rng.randint(1, 3)) + sql[group.end(1) :])
    join = re.search(r"\b(?:LEFT |INNER )?JOIN (\w+(?: AS \w+)?) ON\b", sql)
    if join:
        out.append(sql[: join.start()] + "NATURAL " + sql[join.start() :])
    source = re.search(r"\bFROM (\w+)( AS \w+)?", sql)
    if source:
        index = rng.choice(["orders_user", "orders_userr", "users_name"])
        out.append(sql[: source.end()] + f" INDEXED BY {index}" + sql[source.end() :])
    conflict = re.search(r"INSERT INTO (\w+) .* ON CONFLICT \((\w+)\)", sql)
    if conflict and conflict.group(1) in TABLES:
        column = rng.choice(TABLES[conflict.group(1)])
        out.append(sql[: conflict.start(2)] + column + sql[conflict.end(2) :])
    where = re.search(r"\bWHERE\b", sql)
    if where:
        folded = rng.choice(["nosuch AND 0", "0 AND upper(nosuch)", "nosuch AND 1", "(nosuch, 1) AND 0"])
        out.append(sql[: where.end()] + f" ({folded}) AND" + sql[where.end() :])
    first = re.match(r"SELECT ([\w.]+)", sql)
    if first:
        out.append(sql[: first.start(1)] + f"({first.group(1)}, 1)" + sql[first.end(1) :])
    out.extend(_collation_and_join_mutations(rng, sql))
    return out


def _collation_and_join_mutations(rng: random.Random, sql: str) -> list[str]:
    """A compound's result-column collations (the left-most SELECT with one
    decides; UNION looks them up, UNION ALL does not), a subquery read as a
    table, row values inside row values, a result-column alias in an outer
    join's ON clause, and the automatic indexes of PRIMARY KEY/UNIQUE
    constraints in INDEXED BY."""
    out: list[str] = []
    collation = rng.choice(["NOCASE", "nocsae", "natsort"])
    union = re.match(r"SELECT (\w+) FROM (\w+) UNION SELECT (\w+) FROM", sql)
    if union:
        right = sql[: union.end(3)] + f" COLLATE {collation}" + sql[union.end(3) :]
        out.append(right)  # the left column decides: BINARY
        plain = right[: union.start(1)] + f"{union.group(1)} || ''" + right[union.end(1) :]
        out.append(plain)  # the left side has none: the right one is looked up
        out.append(plain.replace(" UNION ", " UNION ALL ", 1))
        out.append(plain + " LIMIT 1")
    table = rng.choice(WRITABLE)
    column = rng.choice(TABLES[table])
    out.append(f"SELECT k FROM (SELECT {column} COLLATE {collation} AS k FROM {table})")
    where = re.search(r"\bWHERE\b", sql)
    if where:
        nested = rng.choice(
            ["(1, (2, 3)) = (1, (2, 3))", "(1, 2) IS (1, (2))", "(1, 2) < (1, 2 COLLATE natsort)"]
        )
        out.append(sql[: where.end()] + f" {nested} AND" + sql[where.end() :])
    on = re.search(r"\bLEFT JOIN \w+(?: AS \w+)? ON ", sql)
    if on and re.search(r" AS c0\b", sql):
        out.append(sql[: on.end()] + "c0 IS NOT NULL AND " + sql[on.end() :])
    source = re.search(r"\bFROM (\w+)( AS \w+)?", sql)
    if source and source.group(1) in TABLES:
        index = f"sqlite_autoindex_{rng.choice([source.group(1), table])}_{rng.randint(1, 3)}"
        out.append(sql[: source.end()] + f" INDEXED BY {index}" + sql[source.end() :])
    return out


# -- running -------------------------------------------------------------------


@dataclass
class Tally:
    statements: int = 0
    sqlite_errors: int = 0
    agreed_errors: int = 0
    sqlite_ok: int = 0
    unmodelled: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    doubles: int = 0
    doubles_both: int = 0
    doubles_failed: list[tuple[str, str]] = field(default_factory=list)
    dependent: int = 0
    golden: int = 0
    golden_errors: int = 0
    by_category: Counter[str] = field(default_factory=Counter)


class Oracle:
    def __init__(self, schema: str) -> None:
        self.con = apsw.Connection(
            ":memory:", statementcachesize=0
        )  # a cached statement would skip schema changes
        self.con.execute(schema)

    def error(self, sql: str) -> str | None:
        cur = self.con.cursor()
        cur.exec_trace = lambda *_a: False
        try:
            cur.execute(sql)
        except apsw.ExecTraceAbort:
            return None
        except apsw.Error as exc:
            return str(exc.args[0]) if exc.args else str(exc)
        return None


def ours(sql: str, base: Catalog) -> list[Diagnostic]:
    import copy

    return check_text(sql, catalog=copy.deepcopy(base)).diagnostics


def judge(sql: str, message: str | None, base: Catalog, tally: Tally) -> list[Diagnostic]:
    """Compare SQLite's verdict on ``sql`` (``message``: its error, None
    when it prepares) with syntaqlite's diagnostics."""
    tally.statements += 1
    diags = ours(sql, base)
    if message is None:
        tally.sqlite_ok += 1
        problems = [d for d in diags if d.code not in LENIENT]
        if problems:
            tally.false_alarms.append((sql, f"[{problems[0].code}] {problems[0].message}"))
        return diags
    expected = expectation(message)
    if expected is None:
        tally.unmodelled[re.sub(r"[\w.]+\(\)|: .*", "", message)] += 1
        return diags
    tally.sqlite_errors += 1
    tally.by_category[expected[0]] += 1
    if found(expected, sql, diags):
        tally.agreed_errors += 1
    else:
        got = "; ".join(f"[{d.code}] {d.message}" for d in diags) or "nothing"
        tally.missed.append((sql, message, got))
    return diags


def run(count: int, seed: int) -> Tally:
    rng = random.Random(seed)
    gen = Gen(rng)
    oracle = Oracle(SCHEMA)
    base = Catalog()
    load_sql(base, SCHEMA, "<schema>")
    base.databases["main"].known = True
    tally = Tally()
    made = 0
    while made < count:
        sql = gen.statement()
        if oracle.error(sql) is not None:
            continue  # the generator made something SQLite rejects: not a base
        made += 1
        judge(sql, None, base, tally)
        for text, _changes in mutations(rng, sql, 1):
            judge(text, oracle.error(text), base, tally)
        for text in structural(rng, sql):
            judge(text, oracle.error(text), base, tally)
        for text, changes in mutations(rng, sql, 2):
            double(text, changes, sql, oracle, base, tally)
    golden(tally)
    return tally


def double(
    text: str, changes: list[tuple[int, str]], base_sql: str, oracle: Oracle, base: Catalog, tally: Tally
) -> None:
    """Two names changed: each alone must be an error SQLite reports, and
    syntaqlite must report both in the combined statement (unless the two
    errors are one: see ``dependent``)."""
    toks = tokenize(base_sql)
    by_start = {t.start: i for i, t in enumerate(toks)}
    singles = []
    roles = []
    for start, new in changes:
        if start not in by_start:
            return
        i = by_start[start]
        alone = base_sql[:start] + new + base_sql[toks[i].end :]
        message = oracle.error(alone)
        if message is None:
            return
        expected = expectation(message)
        if expected is None or expected[0] not in ("table", "column", "function", "ambiguous"):
            return
        singles.append(expected)
        roles.append(role(toks, i))
    if len(singles) != 2 or singles[0] == singles[1]:
        return
    words = {w.lower() for w in re.findall(r"\w+", text)}
    if any(name is not None and name.lower() not in words for _, name in singles):
        tally.dependent += 1  # the other change rewrote the name SQLite reported
        return
    # SQLite checks a CTE's body only where the CTE is used: renaming a CTE
    # or a use of it decides whether an error in its body counts at all.
    ctes = {
        m.lower()
        for m in re.findall(
            r"(?:\bWITH(?:\s+RECURSIVE)?|,)\s*(\w+)\s*(?:\([^)]*\))?\s+AS\s*\(", base_sql, re.IGNORECASE
        )
    }
    if any(toks[by_start[start]].text.lower() in ctes for start, _ in changes):
        tally.dependent += 1
        return
    if dependent(roles, [start for start, _ in changes], toks, [c for c, _ in singles]):
        tally.dependent += 1
        return
    tally.doubles += 1
    diags = ours(text, base)
    if all(found(e, text, diags) for e in singles):
        tally.doubles_both += 1
    else:
        tally.doubles_failed.append((text, "; ".join(f"[{d.code}] {d.message}" for d in diags) or "nothing"))


_SOURCE_BEFORE = {"FROM", "JOIN", "INTO", "UPDATE"}


def role(toks: list, i: int) -> str:
    """What a name token is, from its neighbours: a table named in FROM,
    INTO or UPDATE (``source``), an alias given with AS (``alias``), the
    qualifier or the member of ``q.c``, a function, or a bare name."""
    prev = toks[i - 1].text.upper() if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    if after == ".":
        return "qualifier"
    if prev == ".":
        return "member"
    if after == "(" and prev not in _SOURCE_BEFORE:
        return "function"
    if prev in _SOURCE_BEFORE:
        return "source"
    if prev in ("AS", "WITH", "RECURSIVE"):
        return "alias"  # a table, column or CTE alias: names others refer to
    return "bare"


def dependent(roles: list[str], starts: list[int], toks: list, categories: list[str]) -> bool:
    """Whether the two errors are really one, so that no tool could report
    both: the two changes hit the same ``q.c`` reference, or one renamed a
    table or an alias (the scope every column is resolved in) and the other
    error is about a column: whether that column exists then depends on a
    table that does not exist, or on which table the alias now names."""
    a, b = sorted(zip(starts, roles))
    if a[1] == "qualifier" and b[1] == "member":
        ia = next(i for i, t in enumerate(toks) if t.start == a[0])
        if toks[ia + 2].start == b[0]:
            return True
    scope = {"source", "alias"}
    if a[1] in scope or b[1] in scope:
        return any(c in ("column", "ambiguous") for c in categories)
    return False


def golden(tally: Tally) -> None:
    """Every statement of tests/check/*.sql, prepared after the statements
    before it in its file (those SQLite accepts are run)."""
    import copy

    from syntaqlite.syntax.parser import parse

    for path in sorted((ROOT / "tests" / "check").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        oracle = Oracle("")
        catalog = Catalog()
        for stmt in parse(text).statements:
            sql = text[stmt.start : stmt.end]
            message = oracle.error(sql)
            if message is None:
                try:
                    oracle.con.execute(sql)
                except apsw.ConstraintError:
                    pass  # a run-time failure, not the statement's fault
                except apsw.Error as exc:
                    message = str(exc.args[0]) if exc.args else str(exc)
            if message is None:
                message = deferred(oracle, stmt, text)
                if message is not None and isinstance(stmt.children[0], CreateTriggerStmt):
                    # A broken trigger would break every later statement that
                    # fires it; the file means it as one error.
                    oracle.con.execute(f"DROP TRIGGER {stmt.children[0].header.name.text(text)}")
            tally.golden += 1
            tally.golden_errors += message is not None
            judge(sql, message, copy.deepcopy(catalog), tally)
            check_text(sql, catalog=catalog)  # the statement's effect on the schema


def deferred(oracle: Oracle, stmt: Node, text: str) -> str | None:
    """SQLite checks a view's query and a trigger's body only when they are
    used: use them (prepare a read of the view, a change that fires the
    trigger) and return that error as the CREATE statement's."""
    node = stmt.children[0]
    if isinstance(node, CreateViewStmt):
        return oracle.error(f"SELECT * FROM {node.name.text(text)}")
    if isinstance(node, CreateTriggerStmt):
        header = node.header
        table = header.table.text(text)
        event = header.event
        if event == "DELETE":
            probe = f"DELETE FROM {table}"
        elif event == "INSERT":
            probe = f"INSERT INTO {table} DEFAULT VALUES"
        else:
            cols = [t.text for t in header.columns] or [
                c[1] for c in oracle.con.execute(f"PRAGMA table_xinfo({table})")
            ][:1]
            probe = f"UPDATE {table} SET " + ", ".join(f"{c} = {c}" for c in cols)
        return oracle.error(probe)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=3000, help="valid base statements to generate")
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    tally = run(args.count, args.seed)
    print(f"{tally.statements} statements checked in {time.perf_counter() - start:.0f}s (seed {args.seed})")
    print(f"  of which from tests/check/*.sql     {tally.golden} ({tally.golden_errors} rejected by SQLite)")
    print(
        f"  SQLite errors the validator models   {tally.sqlite_errors}: {dict(tally.by_category.most_common())}"
    )
    print(f"  reported by syntaqlite at that name  {tally.agreed_errors}")
    print(f"  missed                               {len(tally.missed)}")
    print(f"  statements SQLite prepares           {tally.sqlite_ok}")
    print(f"  false alarms                         {len(tally.false_alarms)}")
    print(f"  two-error statements, both reported  {tally.doubles_both}/{tally.doubles}")
    print(
        f"  two-change statements with one error {tally.dependent} (left out: the second depends on the first)"
    )
    if tally.unmodelled:
        print(f"  SQLite errors left out (not modelled): {dict(tally.unmodelled.most_common(8))}")
    for sql, message, got in tally.missed[: args.show]:
        print(f"  - missed: {sql!r}\n      SQLite: {message}\n      syntaqlite: {got}")
    for sql, got in tally.false_alarms[: args.show]:
        print(f"  - false alarm: {sql!r}\n      syntaqlite: {got}")
    for sql, got in tally.doubles_failed[: args.show]:
        print(f"  - double not fully reported: {sql!r}\n      syntaqlite: {got}")
    ok = not tally.missed and not tally.false_alarms and tally.doubles_both == tally.doubles
    print("  agreement: " + ("complete" if ok else "INCOMPLETE"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
