"""Build the parser tables for ``grammar/sqlite.lark`` the way Lemon would.

Run ``python -m syntaqlite_dev.build_tables`` after editing the grammar; it
rewrites ``syntaqlite/syntax/tables.json`` (``--check`` only reports whether
that file is up to date).  The runtime never imports Lark:
``syntaqlite/syntax/_tables.py`` loads that pre-built file (JSON
parses in milliseconds, where compiling the same data as Python source takes
a tenth of a second), which keeps a cold start fast.

Lark computes the LALR(1) automaton (LR(0) item sets and DeRemer-Pennello
lookaheads).  This module then does the three things Lark does not do but
SQLite's Lemon-generated parser depends on:

* shift/reduce and reduce/reduce conflicts are resolved with yacc-style
  operator precedence, read from ``//%left``, ``//%right``, ``//%nonassoc``
  and ``//%prec`` lines of the grammar (a rule takes the precedence of its
  first terminal that has one, as in Lemon);
* each state gets Lemon's default reduction (its most frequent reduction,
  ties broken by SQLite's token numbering, ``//%tokenorder``), and that
  reduction's lookaheads leave the explicit action table;
* the keyword fallback set (``//%fallback``) and wildcard (``//%wildcard``)
  are recorded so that the driver can look actions up exactly as Lemon's
  ``yy_find_shift_action`` does.

Because the explicit/default split is what makes a keyword fall back to an
identifier, getting it right is what makes syntaqlite accept and reject the
same statements as SQLite.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lark.common import ParserConf
from lark.grammar import NonTerminal, Rule, Terminal
from lark.load_grammar import load_grammar
from lark.parsers.lalr_analysis import LALR_Analyzer

REPO = Path(__file__).resolve().parents[1]
GRAMMAR_PATH = REPO / "grammar" / "sqlite.lark"
OUTPUT_PATH = REPO / "syntaqlite" / "syntax" / "tables.json"
START = "stmt"
END = "$END"
ERROR_ACTION = -(10**6)

LEFT, RIGHT, NONASSOC = "left", "right", "nonassoc"


@dataclass
class Directives:
    """The ``//%`` lines of the grammar file."""

    precedence: dict[str, tuple[int, str]] = field(default_factory=dict)
    rule_prec: dict[str, str] = field(default_factory=dict)
    fallback: list[str] = field(default_factory=list)
    wildcard: str | None = None
    token_order: list[str] = field(default_factory=list)


def read_directives(text: str) -> Directives:
    d = Directives()
    level = 0
    for line in text.splitlines():
        m = re.match(r"\s*//%(\w+)\s*(.*)$", line)
        if not m:
            continue
        what, rest = m.group(1), m.group(2).split()
        if what in (LEFT, RIGHT, NONASSOC):
            level += 1
            for tok in rest:
                d.precedence[tok] = (level, what)
        elif what == "prec":
            d.rule_prec[rest[0]] = rest[1]
        elif what == "fallback":
            d.fallback.extend(rest)
        elif what == "wildcard":
            d.wildcard = rest[0]
        elif what == "tokenorder":
            d.token_order.extend(rest)
        else:
            raise SystemExit(f"unknown grammar directive //%{what}")
    return d


def _rule_name(rule: Rule) -> str:
    return str(rule.origin.name)


def _rule_kind(rule: Rule) -> str:
    return str(rule.alias) if rule.alias else _rule_name(rule)


@dataclass
class Tables:
    terminals: list[str]
    rules: list[tuple[str, int, str, str, str]]
    action: list[dict[str, int]]
    default: list[int | None]
    goto: list[dict[str, int]]
    stmt_end: list[int]
    fallback: list[str]
    wildcard: str | None
    grammar_sha256: str


def build(grammar_text: str) -> Tables:
    directives = read_directives(grammar_text)
    grammar, _ = load_grammar(grammar_text, str(GRAMMAR_PATH), [], False)
    _terminals, rules, _ignore = grammar.compile([START], set())
    rules = [r for r in rules if not _rule_name(r).startswith("$")]

    analyzer = LALR_Analyzer(ParserConf(rules, {}, [START]))
    analyzer.compute_lr0_states()
    analyzer.compute_reads_relations()
    analyzer.compute_includes_lookback()
    analyzer.compute_lookaheads()

    rule_index = {r: i for i, r in enumerate(rules)}
    prec = directives.precedence

    def rule_precedence(rule: Rule) -> tuple[int, str] | None:
        explicit = directives.rule_prec.get(_rule_kind(rule)) or directives.rule_prec.get(_rule_name(rule))
        if explicit:
            return prec[explicit]
        for sym in rule.expansion:
            if isinstance(sym, Terminal) and sym.name in prec:
                return prec[sym.name]
        return None

    # Number the states breadth-first from the start state.
    start = analyzer.lr0_start_states[START]
    order = [start]
    number = {start: 0}
    for itemset in order:
        for sym in sorted(itemset.transitions, key=lambda s: s.name):
            nxt = itemset.transitions[sym]
            if nxt not in number:
                number[nxt] = len(order)
                order.append(nxt)

    conflicts: list[str] = []
    action: list[dict[str, int]] = []
    goto: list[dict[str, int]] = []
    for itemset in order:
        acts: dict[str, int] = {}
        gotos: dict[str, int] = {}
        for sym, nxt in itemset.transitions.items():
            if isinstance(sym, NonTerminal):
                gotos[sym.name] = number[nxt]
            elif sym.name != END:
                acts[sym.name] = number[nxt]
        for la, las_rules in itemset.lookaheads.items():
            name = la.name
            candidates = sorted(las_rules, key=lambda r: rule_index[r])
            if any(_rule_name(r).startswith("$") for r in candidates):
                continue
            chosen = candidates[0]
            if len(candidates) > 1:
                # Lemon resolves reduce/reduce only by differing precedence.
                ranked = [(rule_precedence(r), r) for r in candidates]
                if any(p is None for p, _ in ranked) or len({p[0] for p, _ in ranked}) != len(ranked):  # type: ignore[index]
                    conflicts.append(f"reduce/reduce on {name}: {[str(r) for r in candidates]}")
                    continue
                chosen = max(ranked, key=lambda pr: pr[0][0])[1]  # type: ignore[index]
            reduce_code = -1 - rule_index[chosen]
            if name in acts:
                rp = rule_precedence(chosen)
                tp = prec.get(name)
                if rp is None or tp is None:
                    conflicts.append(f"shift/reduce on {name}: {chosen}")
                    continue
                if tp[0] > rp[0] or (tp[0] == rp[0] and tp[1] == RIGHT):
                    continue  # shift wins
                if tp[0] < rp[0] or (tp[0] == rp[0] and tp[1] == LEFT):
                    acts[name] = reduce_code
                else:
                    acts[name] = ERROR_ACTION
            else:
                acts[name] = reduce_code
        action.append(acts)
        goto.append(gotos)

    if conflicts:
        raise SystemExit("unresolved conflicts:\n  " + "\n  ".join(conflicts))

    # Lemon's default reductions (CompressTables in lemon.c).
    order_index = {t: i + 1 for i, t in enumerate(directives.token_order)}
    order_index[END] = 0
    default: list[int | None] = []
    wildcard = directives.wildcard
    for acts in action:
        if wildcard and wildcard in acts and acts[wildcard] >= 0:
            default.append(None)
            continue
        counts: dict[int, int] = {}
        first_seen: dict[int, int] = {}
        for tok in sorted(acts, key=lambda t: order_index.get(t, 10_000)):
            code = acts[tok]
            if ERROR_ACTION < code < 0:
                counts[code] = counts.get(code, 0) + 1
                first_seen.setdefault(code, order_index.get(tok, 10_000))
        if not counts:
            default.append(None)
            continue
        best = min(counts, key=lambda c: (-counts[c], first_seen[c]))
        default.append(best)
        for tok in [t for t, c in acts.items() if c == best]:
            del acts[tok]

    stmt_end = sorted(
        number[s]
        for s in order
        if any(_rule_name(item.rule) == START and item.is_satisfied for item in s.kernel)
    )

    nullable = _nullable(rules)
    rule_rows = []
    for r in rules:
        shape = "".join(_shape(sym, nullable) for sym in r.expansion)
        rule_rows.append((_rule_name(r), len(r.expansion), _rule_kind(r), rule_mode(r), shape))

    terminals = sorted({t for acts in action for t in acts} | set(directives.fallback) | {END})
    return Tables(
        terminals=terminals,
        rules=rule_rows,
        action=action,
        default=default,
        goto=goto,
        stmt_end=stmt_end,
        fallback=sorted(directives.fallback),
        wildcard=wildcard,
        grammar_sha256=hashlib.sha256(grammar_text.encode()).hexdigest(),
    )


def rule_mode(r: Rule) -> str:
    """How a reduction by ``r`` builds the tree: ``node`` (a node of its
    kind), ``pass`` (``?rule``: its only child passes through) or ``splice``
    (``_rule``: its children go into the parent)."""
    if r.alias:
        return "node"
    if _rule_name(r).startswith("_"):
        return "splice"
    if r.options.expand1:
        return "pass"
    return "node"


def _nullable(rules: list[Rule]) -> set[str]:
    nullable: set[str] = set()
    changed = True
    while changed:
        changed = False
        for r in rules:
            name = _rule_name(r)
            if name in nullable:
                continue
            if all(isinstance(s, NonTerminal) and s.name in nullable for s in r.expansion):
                nullable.add(name)
                changed = True
    return nullable


def _shape(sym: Terminal | NonTerminal, nullable: set[str]) -> str:
    """One letter per right-hand-side symbol, telling the tree builder what
    value that position holds: t a token, n a node, o a node or None, s a
    list to splice."""
    if isinstance(sym, Terminal):
        return "t"
    if sym.name.startswith("_"):
        return "s"
    return "o" if sym.name in nullable else "n"


def render(t: Tables) -> str:
    """The tables as JSON: one line per state, so that diffs stay readable."""
    head = {
        "comment": "Parser tables generated from grammar/sqlite.lark; do not edit: "
        "run python -m syntaqlite_dev.build_tables",
        "grammar_sha256": t.grammar_sha256,
        "error_action": ERROR_ACTION,
        "wildcard": t.wildcard,
        "fallback": t.fallback,
        "terminals": t.terminals,
        "stmt_end": t.stmt_end,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value)},")
    for key, rows in (("rules", t.rules), ("default", t.default), ("action", t.action), ("goto", t.goto)):
        lines.append(f"  {json.dumps(key)}: [")
        body = [f"    {json.dumps(row, sort_keys=True)}" for row in rows]
        lines.append(",\n".join(body))
        lines.append("  ]" + ("," if key != "goto" else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = GRAMMAR_PATH.read_text(encoding="utf-8")
    tables = build(text)
    source = render(tables)
    if "--check" in args:
        current = OUTPUT_PATH.read_text(encoding="utf-8") if OUTPUT_PATH.exists() else ""
        if current != source:
            print(f"{OUTPUT_PATH} is out of date; run python -m syntaqlite_dev.build_tables")
            return 1
        return 0
    OUTPUT_PATH.write_text(source, encoding="utf-8")
    print(
        f"wrote {OUTPUT_PATH.relative_to(REPO)}: {len(tables.action)} states, "
        f"{len(tables.rules)} rules, {len(tables.terminals)} terminals"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
