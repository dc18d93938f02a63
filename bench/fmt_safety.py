"""The formatter's promises, measured on every statement SQLite accepts.

    python bench/fmt_safety.py                 # the whole real-statement corpus
    python bench/fmt_safety.py --limit 2000

For each statement (and every golden file under tests/fmt/) it checks:

* SQLite (apsw) still accepts the formatted statement;
* the EXPLAIN bytecode of input and output is identical, for statements
  SQLite can prepare: on an empty database, or on one with the tables and
  columns the statement names (created on the fly from SQLite's "no such
  table/column" errors);
* the tokens are unchanged but for whitespace, keyword case and optional
  semicolons, and every comment is there, in order;
* formatting is idempotent at widths 80, 20 and 1;
* with comments added (a ``--`` comment after every fifth token, one
  variant; a ``/* */`` comment, the other), every comment stays between
  the same two tokens (``fmt/verify.py``: commas and semicolons aside) and
  the output is idempotent;
* a CREATE VIRTUAL TABLE makes the same tables with the same columns (its
  module reads the arguments when the statement runs).

Prints each figure; exits 1 unless all are 100%.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apsw  # noqa: E402

from syntaqlite.fmt import FormatOptions, format_result  # noqa: E402
from syntaqlite.fmt.verify import difference, keyword_names  # noqa: E402
from syntaqlite.syntax.lexer import tokenize  # noqa: E402
from syntaqlite.syntax.names import unquote  # noqa: E402
from syntaqlite.syntax.nodes import CreateVirtualTableStmt  # noqa: E402
from syntaqlite.syntax.parser import parse  # noqa: E402
from syntaqlite.syntax.tokens import KEYWORD_KINDS  # noqa: E402
from syntaqlite_dev.oracle import prepare  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"
SAMPLE = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"
WIDTHS = (80, 20, 1)

_POINTER = re.compile(r"(?:vtab|func|coll|keyinfo|subrtnsig):[0-9A-Fa-fx]+.*|0x[0-9A-Fa-f]+")
_NO_TABLE = re.compile(r"no such table: (?:(\w+)\.)?(\w+)")
_NO_COLUMN = re.compile(r"no such column: (?:(\w+)\.)?(\w+)")


@dataclass
class Tally:
    statements: int = 0
    accepted: int = 0
    explained: int = 0
    same_bytecode: int = 0
    nondeterministic: int = 0
    same_tokens: int = 0
    commented: int = 0
    virtual_tables: int = 0
    same_virtual_tables: int = 0
    comments_in_place: int = 0
    idempotent: dict[int, int] = field(default_factory=lambda: dict.fromkeys(WIDTHS, 0))
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def fail(self, what: str, sql: str, detail: str) -> None:
        if len(self.failures) < 50:
            self.failures.append((what, sql, detail))


def statements(limit: int, path: Path | None = None) -> list[str]:
    path = path or (CORPUS if CORPUS.exists() else SAMPLE)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sql = [r["sql"] for r in rows if r.get("v3_54_1") == "ok" and r.get("set", "real") == "real"]
    return sql[:limit] if limit else sql


def golden_inputs() -> list[str]:
    """Every statement of the formatter's golden inputs."""
    out = []
    for path in sorted((ROOT / "tests" / "fmt").glob("*.sql")):
        if path.name.endswith(".expected.sql"):
            continue
        text = path.read_text(encoding="utf-8")
        out.extend(text[s.start : s.end] for s in parse(text).statements)
    return out


def _bytecode(con: apsw.Connection, sql: str) -> list[tuple[object, ...]] | None:
    try:
        rows = list(con.execute("EXPLAIN " + sql))
    except Exception:  # noqa: BLE001 - apsw.Error, or p4 bytes that are not UTF-8
        return None
    out = []
    for row in rows:
        addr, opcode, p1, p2, p3, p4, p5, _comment = row[:8]
        if isinstance(p4, str) and _POINTER.fullmatch(p4):
            p4 = "<pointer>"  # an address, different in every connection
        elif isinstance(p4, str):
            # DDL stores its SQL text as written; compare it token by token
            # (keyword case and whitespace are the formatter's to change),
            # also where ParseSchema quotes it in its WHERE condition.
            if opcode == "ParseSchema":
                p4 = tuple(
                    _sql_signature(unquote(t.text)) if t.kind == "STRING" else (t.kind, t.text)
                    for t in tokenize(p4)
                )
            else:
                p4 = _sql_signature(p4)
        out.append((addr, opcode, p1, p2, p3, p4, p5))
    return out


def _sql_signature(text: str) -> tuple[tuple[str, str], ...]:
    """Tokens of stored SQL, comments left out (their order among themselves
    is checked separately), case folded for keywords and for the words
    SQLite reads as names but compares as keywords (``WITHOUT ROWID``,
    ``STRICT``, ``STORED``: ``verify.keyword_names``)."""
    result = parse(text)
    free: set[int] = set()
    for stmt in result.statements:
        free |= keyword_names(stmt)
    return tuple(
        (t.kind, t.text.upper() if t.kind in KEYWORD_KINDS or t.index in free else t.text)
        for t in result.tokens
        if t.kind != "COMMENT"
    )


def _create(table: str, columns: set[str]) -> str:
    names = ", ".join(f'"{c}"' for c in sorted(columns)) or "_x"
    return f'CREATE TABLE "{table}"({names})'


def schema_for(sql: str, rounds: int = 8) -> list[str] | None:
    """DDL under which ``sql`` prepares, guessed from SQLite's errors; None
    when it cannot be found."""
    tables: dict[str, set[str]] = {}
    for _ in range(rounds):
        setup = [_create(t, cols) for t, cols in tables.items()]
        try:
            verdict = prepare(sql, tuple(setup))
        except apsw.Error:  # a name SQLite will not let us create
            return None
        if verdict.message is None:
            return setup
        m = _NO_TABLE.search(verdict.message)
        if m and not m.group(1):
            tables.setdefault(m.group(2), {"a", "b", "c"})
            continue
        m = _NO_COLUMN.search(verdict.message)
        if m and tables:
            owner = m.group(1)
            for t, cols in tables.items():
                if owner is None or owner == t:
                    cols.add(m.group(2))
            continue
        return None
    return None


def check_statement(sql: str, tally: Tally) -> None:
    result = parse(sql)
    if result.errors:
        return
    tally.statements += 1
    try:
        outputs = {w: format_result(result, FormatOptions(line_width=w)) for w in WIDTHS}
    except Exception as exc:  # noqa: BLE001 - a crash is a finding
        tally.fail("crash", sql, repr(exc))
        return
    out = outputs[80]
    problem = difference(result, out)
    if problem is None:
        tally.same_tokens += 1
    else:
        tally.fail("tokens", sql, problem)
    for w, text in outputs.items():
        again = parse(text)
        if not again.errors and format_result(again, FormatOptions(line_width=w)) == text:
            tally.idempotent[w] += 1
        else:
            tally.fail(f"idempotent@{w}", sql, text)
    for variant in commented_variants(sql):
        check_comments(variant, tally)
    if prepare(out).kind != "syntax":
        tally.accepted += 1
    else:
        tally.fail("accepted", sql, out)
    setup = schema_for(sql)
    if setup is None:
        return
    con_a, con_b = apsw.Connection(":memory:"), apsw.Connection(":memory:")
    try:
        for ddl in setup:
            con_a.execute(ddl)
            con_b.execute(ddl)
        before, after = _bytecode(con_a, sql.rstrip().rstrip(";")), _bytecode(con_b, out.rstrip().rstrip(";"))
        if before is not None and any(
            isinstance(st.body, CreateVirtualTableStmt) for st in result.statements
        ):
            # The module reads its arguments when the statement runs, not in
            # the bytecode: compare the tables and columns it makes.
            tally.virtual_tables += 1
            made = _made_tables(con_a, sql), _made_tables(con_b, out)
            if made[0] == made[1]:
                tally.same_virtual_tables += 1
            else:
                tally.fail("virtual table", sql, out)
    finally:
        con_a.close()
        con_b.close()
    if before is None:
        return
    if before != after and before != _again(setup, sql):
        # SQLite's own bytecode for the input differs from one preparation
        # to the next (CREATE TABLE AS gives duplicate column names a random
        # suffix): nothing to compare.
        tally.nondeterministic += 1
        return
    tally.explained += 1
    if before == after:
        tally.same_bytecode += 1
    else:
        tally.fail("bytecode", sql, out)


def commented_variants(sql: str, every: int = 5) -> list[str]:
    """``sql`` with a comment after every ``every``-th token: ``-- cN`` (and
    a line break) in one variant, ``/* cN */`` in the other."""
    toks = [t for t in tokenize(sql) if t.kind != "COMMENT"]
    picked = [t for i, t in enumerate(toks[:-1]) if i % every == every - 1]
    if not picked:
        return []
    out = []
    for style in ("-- c{}\n", "/* c{} */"):
        parts, pos = [], 0
        for n, t in enumerate(picked):
            parts.extend([sql[pos : t.end], " ", style.format(n)])
            pos = t.end
        parts.append(sql[pos:])
        out.append("".join(parts))
    return out


def check_comments(sql: str, tally: Tally) -> None:
    result = parse(sql)
    if result.errors:  # a comment inside a token-level construct: not a statement now
        return
    tally.commented += 1
    try:
        out = format_result(result, FormatOptions())
    except Exception as exc:  # noqa: BLE001 - a crash is a finding
        tally.fail("crash (commented)", sql, repr(exc))
        return
    problem = difference(result, out)
    again = parse(out)
    if problem is None and not again.errors and format_result(again, FormatOptions()) == out:
        tally.comments_in_place += 1
    else:
        tally.fail("comments", sql, problem or out)


def _made_tables(con: apsw.Connection, sql: str) -> object:
    """The tables (their columns) that running ``sql`` creates, or its error."""
    try:
        con.execute(sql)
    except apsw.Error as exc:
        return str(exc)
    names = [
        row[0] for row in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    ]
    return [(n, list(con.execute("SELECT * FROM pragma_table_xinfo(?)", (n,)))) for n in names]


def _again(setup: list[str], sql: str) -> list[tuple[object, ...]] | None:
    con = apsw.Connection(":memory:")
    try:
        for ddl in setup:
            con.execute(ddl)
        return _bytecode(con, sql.rstrip().rstrip(";"))
    finally:
        con.close()


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100.0 * n / d if d else 100.0:.3f}%)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--corpus", type=Path, help=f"a corpus file (default: {CORPUS}, else {SAMPLE})")
    args = ap.parse_args(argv)
    tally = Tally()
    start = time.perf_counter()
    inputs = statements(args.limit, args.corpus)
    golden = golden_inputs()
    for text in golden:
        check_statement(text, tally)
    for sql in inputs:
        check_statement(sql, tally)
    seconds = time.perf_counter() - start
    print(
        f"{tally.statements} statements ({len(golden)} from tests/fmt, the rest from the corpus) in {seconds:.0f}s"
    )
    print(f"  accepted by SQLite after formatting   {pct(tally.accepted, tally.statements)}")
    print(
        f"  same EXPLAIN bytecode                 {pct(tally.same_bytecode, tally.explained)} of those SQLite could prepare"
        f" ({tally.nondeterministic} left out: SQLite's own bytecode for them differs between two preparations)"
    )
    print(f"  same tokens and comments              {pct(tally.same_tokens, tally.statements)}")
    for w in WIDTHS:
        print(f"  idempotent at width {w:<3}              {pct(tally.idempotent[w], tally.statements)}")
    print(
        f"  virtual tables: same tables, columns  {pct(tally.same_virtual_tables, tally.virtual_tables)}"
        " (the module's reading of its arguments)"
    )
    print(
        f"  comments added: in place, idempotent  {pct(tally.comments_in_place, tally.commented)}"
        " of the commented variants"
    )
    for what, sql, detail in tally.failures[: args.show]:
        print(f"  - {what}: {sql[:200]!r}\n      {detail[:400]!r}")
    ok = (
        tally.accepted == tally.statements
        and tally.same_bytecode == tally.explained
        and tally.same_tokens == tally.statements
        and all(v == tally.statements for v in tally.idempotent.values())
        and tally.comments_in_place == tally.commented
        and tally.same_virtual_tables == tally.virtual_tables
    )
    print("  all promises kept" if ok else "  PROMISE BROKEN")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
