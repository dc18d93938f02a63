"""Random statements derived from grammar/sqlite.lark.

Derivations pick an alternative per rule with the given chooser (so that
hypothesis can shrink them); past a depth budget every rule takes its
shortest alternative.  Terminals become concrete text: keywords their word,
names random identifiers (sometimes a keyword that may fall back to one),
literals random values.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

from lark.grammar import NonTerminal, Rule, Terminal
from lark.load_grammar import load_grammar

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = ROOT / "grammar" / "sqlite.lark"

Chooser = Callable[[int], int]  # n -> an index in range(n)

_WORDS = {
    "JOIN_KW": ["LEFT", "RIGHT", "FULL", "INNER", "CROSS", "NATURAL", "OUTER", "LEFT OUTER"],
    "LIKE_KW": ["LIKE", "GLOB", "REGEXP"],
    "CTIME_KW": ["CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP"],
    "AUTOINCR": ["AUTOINCREMENT"],
    "COLUMNKW": ["COLUMN"],
    "TEMP": ["TEMP", "TEMPORARY"],
    "ID": ["a", "b", "t", "x1", '"q"', "[br]", "`bt`", "key", "rowid", "main", "value"],
    "STRING": ["'s'", "'it''s'", "''"],
    "INTEGER": ["0", "1", "42", "0x1F"],
    "FLOAT": ["1.5", ".5", "1e3"],
    "QNUMBER": ["1_000", "0x_1F"],
    "BLOB": ["x'00'", "X'ABCD'"],
    "VARIABLE": ["?", "?1", ":a", "@b", "$c"],
    "ANY": ["a", "b", "1", "'s'", "=", "x y"],
    "LP": ["("],
    "RP": [")"],
    "SEMI": [";"],
    "COMMA": [","],
    "DOT": ["."],
    "PLUS": ["+"],
    "MINUS": ["-"],
    "STAR": ["*"],
    "SLASH": ["/"],
    "REM": ["%"],
    "CONCAT": ["||"],
    "PTR": ["->", "->>"],
    "BITAND": ["&"],
    "BITOR": ["|"],
    "BITNOT": ["~"],
    "LSHIFT": ["<<"],
    "RSHIFT": [">>"],
    "EQ": ["=", "=="],
    "NE": ["!=", "<>"],
    "LT": ["<"],
    "LE": ["<="],
    "GT": [">"],
    "GE": [">="],
}


@cache
def _rules() -> dict[str, list[list[Terminal | NonTerminal]]]:
    grammar, _ = load_grammar(GRAMMAR.read_text(encoding="utf-8"), str(GRAMMAR), [], False)
    _terms, rules, _ignore = grammar.compile(["stmt"], set())
    table: dict[str, list[list[Terminal | NonTerminal]]] = {}
    for r in rules:
        assert isinstance(r, Rule)
        expansion = list(r.expansion)
        if any(s.name == "within_group" for s in expansion):
            continue  # SQLITE_ENABLE_ORDERED_SET_AGGREGATES only
        table.setdefault(r.origin.name, []).append(expansion)
    return table


@cache
def _min_depth() -> dict[str, int]:
    rules = _rules()
    depth: dict[str, int] = {}
    changed = True
    while changed:
        changed = False
        for name, alts in rules.items():
            for alt in alts:
                need = [depth.get(s.name) for s in alt if isinstance(s, NonTerminal)]
                if all(d is not None for d in need):
                    d = 1 + max((x for x in need if x is not None), default=0)
                    if d < depth.get(name, 10**9):
                        depth[name] = d
                        changed = True
    return depth


def _shortest(name: str) -> list[Terminal | NonTerminal]:
    depth = _min_depth()
    alts = _rules()[name]

    def cost(alt: list[Terminal | NonTerminal]) -> int:
        return max((depth[s.name] for s in alt if isinstance(s, NonTerminal)), default=0)

    return min(alts, key=cost)


def terminal_text(name: str, choose: Chooser) -> str:
    words = _WORDS.get(name)
    if words is None:
        return name  # a keyword: its own spelling
    return words[choose(len(words))]


def generate(choose: Chooser, budget: int = 12, start: str = "stmt") -> str:
    """One statement (with its semicolon), as text."""
    rules = _rules()
    out: list[str] = []
    stack: list[tuple[Terminal | NonTerminal, int]] = [(NonTerminal(start), budget)]
    steps = 0
    while stack:
        sym, left = stack.pop()
        steps += 1
        if isinstance(sym, Terminal):
            out.append(terminal_text(sym.name, choose))
            continue
        alts = rules[sym.name]
        if left <= 0 or steps > 400:
            alt = _shortest(sym.name)
        else:
            alt = alts[choose(len(alts))]
        stack.extend((s, left - 1) for s in reversed(alt))
    return " ".join(out)


def random_chooser(rng: random.Random) -> Chooser:
    return lambda n: rng.randrange(n)
