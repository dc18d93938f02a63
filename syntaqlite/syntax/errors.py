"""Syntax-error wording: what went wrong, in words a SQL user knows.

Messages name the offending text the way SQLite does (``near 'FORM'``) and
add what the grammar would have accepted there, computed from the parser's
state (never Lark terminal names): ``syntax error near 'FORM': expected
FROM, WHERE, GROUP BY, ...``.  The state is a
:class:`~syntaqlite.syntax.automaton.ParserState`: the automaton just before
the offending token.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .automaton import ParserState
from .tokens import KEYWORD_KINDS, Token, describe_kind

# Token kinds that begin an expression; when all of these are acceptable the
# message says "an expression" instead of listing them.
_EXPR_START = frozenset(
    {"ID", "STRING", "INTEGER", "FLOAT", "NULL", "LP", "CASE", "CAST", "NOT", "MINUS", "VARIABLE"}
)
_EXPR_ALL = _EXPR_START | {
    "BLOB",
    "QNUMBER",
    "PLUS",
    "BITNOT",
    "EXISTS",
    "RAISE",
    "CTIME_KW",
    "INDEXED",
    "JOIN_KW",
}
_NAME = frozenset({"ID", "STRING", "INDEXED", "JOIN_KW"})

# Two-word keywords: show "GROUP BY", not "GROUP".
_PHRASES = {
    "GROUP": "GROUP BY",
    "ORDER": "ORDER BY",
    "PARTITION": "PARTITION BY",
    "PRIMARY": "PRIMARY KEY",
    "FOREIGN": "FOREIGN KEY",
    "INDEXED": "INDEXED BY",
}

# Clause keywords in the order they appear in statements.
_CLAUSE_ORDER = [
    "FROM",
    "WHERE",
    "GROUP",
    "HAVING",
    "WINDOW",
    "ORDER",
    "LIMIT",
    "OFFSET",
    "UNION",
    "INTERSECT",
    "EXCEPT",
    "RETURNING",
    "ON",
    "USING",
    "SET",
    "VALUES",
    "SELECT",
    "AS",
]

_PUNCT_NAMES = {
    "LP": "'('",
    "RP": "')'",
    "COMMA": "','",
    "SEMI": "';'",
    "DOT": "'.'",
    "EQ": "'='",
    "STAR": "'*'",
}

_KEYWORD_NAMES = {
    "JOIN_KW": "LEFT/RIGHT/FULL/INNER/CROSS/NATURAL",
    "LIKE_KW": "LIKE/GLOB/REGEXP",
    "CTIME_KW": "CURRENT_TIMESTAMP",
    "AUTOINCR": "AUTOINCREMENT",
    "COLUMNKW": "COLUMN",
}

MAX_EXPECTED = 8


def describe_expected(kinds: list[str]) -> list[str]:
    """Human names for a set of acceptable token kinds, most useful first."""
    kinds_set = set(kinds)
    items: list[str] = []
    if kinds_set >= _EXPR_START:
        items.append("an expression")
        kinds_set -= _EXPR_ALL
    elif "ID" in kinds_set:
        items.append("a name")
        kinds_set -= _NAME
    if "INTEGER" in kinds_set or "FLOAT" in kinds_set:
        items.append("a number")
        kinds_set -= {"INTEGER", "FLOAT", "QNUMBER"}
    if "STRING" in kinds_set:
        items.append("a string")
        kinds_set.discard("STRING")
    rank = {k: i for i, k in enumerate(_CLAUSE_ORDER)}
    keywords = sorted(
        (k for k in kinds_set if k in KEYWORD_KINDS),
        key=lambda k: (rank.get(k, len(rank)), k),
    )
    for k in keywords:
        items.append(_PHRASES.get(k) or _KEYWORD_NAMES.get(k) or k)
    for k in sorted(kinds_set - set(keywords)):
        if k in _PUNCT_NAMES:
            items.append(_PUNCT_NAMES[k])
        elif k not in ("BLOB", "VARIABLE", "QNUMBER"):
            items.append(describe_kind(k))
    return items


def _expected_suffix(state: ParserState | None) -> str:
    if state is None:
        return ""
    items = describe_expected(state.expected())
    if not items:
        return ""
    more = len(items) > MAX_EXPECTED
    shown = items[:MAX_EXPECTED]
    return ": expected " + ", ".join(shown) + (", ..." if more else "")


def _diag(message: str, tok: Token, code: str = "syntax") -> Diagnostic:
    end = tok.end if tok.end > tok.start else tok.start
    return Diagnostic(
        code=code,
        message=message,
        start=tok.start,
        end=end,
    )


def _quote(text: str) -> str:
    if len(text) > 40:
        text = text[:37] + "..."
    return "'" + text.replace("\n", "\\n") + "'"


def syntax_error(toks: list[Token], at: int, state: ParserState | None) -> Diagnostic:
    tok = toks[at]
    diag = _diag(f"syntax error near {_quote(tok.text)}" + _expected_suffix(state), tok)
    hint = _misspelled_keyword(toks, at)
    if hint:
        diag = diag.replace(help=hint)
    return diag


def _misspelled_keyword(toks: list[Token], at: int) -> str | None:
    """A word SQLite took for an alias just before the error, that looks like
    a misspelled keyword ("SELECT a FORM t")."""
    if at == 0:
        return None
    prev = toks[at - 1]
    if prev.kind != "ID" or not prev.text.isalpha():
        return None
    word = prev.text.upper()
    for keyword in _LIKELY_KEYWORDS:
        if keyword != word and _close(word, keyword):
            return f"{_quote(prev.text)} was read as an alias; did you mean {keyword}?"
    return None


_LIKELY_KEYWORDS = (
    "FROM",
    "WHERE",
    "GROUP",
    "ORDER",
    "HAVING",
    "LIMIT",
    "SELECT",
    "JOIN",
    "UNION",
    "VALUES",
    "INTO",
    "SET",
    "ON",
    "AND",
    "OR",
    "NOT",
    "LEFT",
    "INNER",
    "OFFSET",
    "RETURNING",
    "WINDOW",
    "EXCEPT",
    "INTERSECT",
    "USING",
    "BETWEEN",
    "LIKE",
)


def _close(a: str, b: str) -> bool:
    """Edit distance at most one (or one transposition)."""
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def incomplete_input(tok: Token, state: ParserState | None) -> Diagnostic:
    return _diag("incomplete input" + _expected_suffix(state), tok)


def unrecognized_token(tok: Token) -> Diagnostic:
    text = tok.text
    first = text[:1]
    if first == "'" and len(text) > 0:
        detail = "unterminated string"
    elif first in '"`[' and text:
        detail = "unterminated quoted identifier"
    elif first in "xX" and text[1:2] == "'":
        detail = "a blob literal needs an even number of hex digits"
    elif first.isdigit() or first == ".":
        detail = "a number cannot run into letters"
    elif first in "$@:#":
        detail = "malformed parameter name"
    elif first == "!":
        detail = "did you mean '!=' or NOT?"
    elif first == "\x00":
        detail = "NUL character"
    else:
        detail = ""
    message = f"unrecognized token: {_quote(text.splitlines()[0] if text.strip() else text)}"
    if detail:
        message += f" ({detail})"
    return _diag(message, tok)
