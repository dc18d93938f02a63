"""Token-level mutations of real statements, like the corpus's near misses:
delete, duplicate, swap with the next, replace by a keyword, insert
punctuation or a literal."""

from __future__ import annotations

from collections.abc import Callable

from syntaqlite.syntax.lexer import tokenize
from syntaqlite.syntax.tokens import KEYWORDS

Chooser = Callable[[int], int]

KEYWORD_WORDS = sorted(KEYWORDS)
INSERTS = ["(", ")", ",", ";", ".", "*", "=", "-", "'x'", "1", "NULL", "?", "AS", "ON", "NOT", "||"]
MUTATIONS = ("delete", "dup", "swap", "keyword", "insert")


def mutate(sql: str, choose: Chooser) -> tuple[str, str]:
    """A mutated copy of ``sql`` and the name of the mutation."""
    toks = [t.text for t in tokenize(sql) if t.kind != "COMMENT"]
    if not toks:
        return sql, "none"
    kind = MUTATIONS[choose(len(MUTATIONS))]
    i = choose(len(toks))
    if kind == "delete":
        del toks[i]
    elif kind == "dup":
        toks.insert(i, toks[i])
    elif kind == "swap" and i + 1 < len(toks):
        toks[i], toks[i + 1] = toks[i + 1], toks[i]
    elif kind == "keyword":
        toks[i] = KEYWORD_WORDS[choose(len(KEYWORD_WORDS))]
    else:
        toks.insert(i, INSERTS[choose(len(INSERTS))])
    return " ".join(toks), kind
