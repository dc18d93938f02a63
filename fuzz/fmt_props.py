"""The formatter's properties, over random SQLite targets and options.

``fmt_properties(text, case)`` formats ``text`` for the SQLite and the
format options ``case`` names and checks, when the text parses:

* formatting succeeds (no ``FormatterBug``: the command line would report
  "formatter bug" and leave the file alone);
* the same statements, tokens and comments, in order (``fmt.verify``);
* every comment keeps its place: as many significant tokens before it;
* idempotence: formatting the output changes nothing;
* for the newest SQLite (the one apsw runs): every statement SQLite
  prepares still prepares, to the same bytecode (``EXPLAIN``), and one it
  rejects is rejected with the same message.

``decorate`` turns a statement into the inputs that broke the formatter
before: comments and ``-- fmt: off`` / ``-- fmt: on`` at any token boundary,
a second statement, and text ending inside a comment or a string.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field

import apsw

from syntaqlite.fmt import FormatOptions, FormatterBug, format_result
from syntaqlite.fmt.verify import difference
from syntaqlite.syntax.cflags import SYNTAX_OPTIONS
from syntaqlite.syntax.lexer import tokenize
from syntaqlite.syntax.parser import ParseResult, parse
from syntaqlite.syntax.target import Target
from syntaqlite.syntax.versions import LATEST, RELEASES, format_version

INSERTS = [
    "-- fmt: off\n",
    "-- fmt: on\n",
    "/* fmt: off */",
    "/* fmt: on */",
    "-- c\n",
    "/* c */",
    "/* multi\nline */",
    "\n\n",
    ";\n",
]
_ADDRESS = re.compile(r"(?:0x|vtab:)[0-9a-fA-F]+")
ENDINGS = ["", "", " /* unterminated", "\n/* unterminated\n", " -- no newline", "\n-- last", " 'unterminated"]


@dataclass(frozen=True)
class Case:
    """The SQLite and the format options of one fuzz case (saved with a finding)."""

    sqlite_version: str = "latest"
    sqlite_cflags: tuple[str, ...] = ()
    options: dict[str, object] = field(default_factory=dict)

    def target(self) -> Target:
        return Target.from_options(self.sqlite_version, list(self.sqlite_cflags))

    def format_options(self) -> FormatOptions:
        return FormatOptions(**self.options)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["sqlite_cflags"] = list(self.sqlite_cflags)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Case:
        cflags = data.get("sqlite_cflags", [])
        options = data.get("options", {})
        assert isinstance(cflags, list) and isinstance(options, dict)
        return cls(str(data.get("sqlite_version", "latest")), tuple(str(c) for c in cflags), dict(options))


def random_case(rng: random.Random) -> Case:
    version = "latest" if rng.random() < 0.5 else format_version(rng.choice(RELEASES))
    cflags = tuple(sorted(rng.sample(sorted(SYNTAX_OPTIONS), rng.choice([0, 0, 1, 2]))))
    options: dict[str, object] = {
        "line_width": rng.choice([80, 40, 20, 1, 120]),
        "indent": rng.choice([2, 4, 0]),
        "keyword_case": rng.choice(["upper", "lower", "preserve"]),
        "semicolons": rng.random() < 0.8,
    }
    return Case(version, cflags, options)


def decorate(sql: str, rng: random.Random, other: str | None = None) -> str:
    """``sql`` with comments and fmt: off/on at random token boundaries, maybe
    followed by ``other``, maybe ending inside a comment or a string."""
    if other is not None and rng.random() < 0.4:
        sql = f"{sql};\n{other}"
    tokens = tokenize(sql)
    cuts = sorted({t.end for t in tokens} | {0})
    pieces: list[str] = []
    last = 0
    for cut in sorted(rng.sample(cuts, min(len(cuts), rng.choice([0, 1, 2, 3])))):
        pieces.append(sql[last:cut])
        pieces.append(rng.choice([" ", "\n"]) + rng.choice(INSERTS))
        last = cut
    pieces.append(sql[last:])
    return "".join(pieces) + rng.choice(ENDINGS)


def _explain(sql: str) -> list[tuple[object, ...]] | str:
    """SQLite's bytecode for the statement ``sql`` on an empty database, or
    its error message.  The text of a schema statement, which SQLite stores
    as written (``String8``, ``ParseSchema``), is left out."""
    con = apsw.Connection(":memory:")
    try:
        rows = []
        for row in con.execute("EXPLAIN " + sql):
            opcode, p4 = row[1], row[5]
            if opcode == "ParseSchema" or (isinstance(p4, str) and p4[:7].upper() in ("CREATE ", "CREATE\n")):
                p4 = None
            elif isinstance(p4, str):
                p4 = _ADDRESS.sub("<address>", p4)  # differs run to run (a virtual table)
            rows.append((opcode, row[2], row[3], row[4], p4, row[6]))
        return rows
    except Exception as exc:  # noqa: BLE001 - SQLite's answer, whatever it is
        return f"{type(exc).__name__}: {exc}"
    finally:
        con.close()


def _comment_places(result: ParseResult) -> list[tuple[str, int]]:
    """Each comment with the number of significant tokens before it, commas,
    closing parentheses and semicolons not counted (formatting adds
    semicolons, and a line comment after an item may print after the comma
    or parenthesis that closes it)."""
    out = []
    seen = 0
    for tok in result.tokens:
        if tok.kind == "COMMENT":
            out.append((tok.text, seen))
        elif tok.kind not in ("SEMI", "COMMA", "RP"):
            seen += 1
    return out


def _statement_texts(result: ParseResult) -> list[str]:
    return [result.source[s.start : s.end] for s in result.statements]


def fmt_properties(text: str, case: Case) -> None:
    """Raise AssertionError saying which property ``text`` breaks."""
    target = case.target()
    options = case.format_options()
    result = parse(text, target)
    if result.errors:
        return
    try:
        out = format_result(result, options)
    except FormatterBug as exc:
        raise AssertionError(f"formatter bug: {exc}") from None
    problem = difference(result, out, target)
    assert problem is None, f"changed: {problem}\n{out}"
    again = parse(out, target)
    assert not again.errors, f"output does not parse: {again.errors[0].message}\n{out}"
    assert _comment_places(again) == _comment_places(result), f"comments moved\n{out}"
    twice = format_result(again, options)
    assert twice == out, f"not idempotent:\n{out}\n---\n{twice}"
    if target.version == LATEST and not target.cflags:
        for before, after in zip(_statement_texts(result), _statement_texts(again), strict=True):
            old, new = _explain(before), _explain(after)
            if isinstance(old, str) or isinstance(new, str):
                assert isinstance(old, str) == isinstance(new, str), (
                    f"SQLite: {old!r:.200} became {new!r:.200}"
                )
            else:
                assert old == new, f"bytecode changed:\n{before}\n---\n{after}"


def inputs(seed: int, count: int, statements: Sequence[str]) -> Iterator[tuple[str, Case]]:
    """The ``count`` random inputs of the campaign ``seed``: decorated
    ``statements`` for random cases.  The same seed and statements give
    the same inputs."""
    rng = random.Random(seed)
    for _ in range(count):
        case = random_case(rng)
        yield decorate(rng.choice(statements), rng, rng.choice(statements)), case


def check(text: str, case: Case) -> str | None:
    """The property ``text`` breaks for ``case`` (None: none)."""
    try:
        fmt_properties(text, case)
    except AssertionError as exc:
        return str(exc)[:2000]
    return None


def campaign(
    seed: int, count: int, statements: Sequence[str], shard: int = 0, shards: int = 1
) -> Iterator[tuple[str, Case, str]]:
    """Each of the :func:`inputs` of the campaign ``seed`` that breaks a
    property, with its case and problem.  With ``shards``, only the inputs
    numbered ``shard`` modulo ``shards`` are checked (all are drawn), so
    ``shards`` processes together check exactly the inputs of one."""
    for i, (text, case) in enumerate(inputs(seed, count, statements)):
        if i % shards == shard:
            problem = check(text, case)
            if problem is not None:
                yield text, case, problem


__all__ = ["Case", "campaign", "check", "decorate", "fmt_properties", "inputs", "random_case"]
