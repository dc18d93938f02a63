"""The checks SQLite's grammar actions make while parsing.

Some statements are accepted by SQLite's grammar but rejected by the code
that runs when a rule is reduced: an unknown join type, an unknown table
option, ORDER BY on a SELECT that is not the last of a compound, COLLATE in a
column-name list, INDEXED BY or a qualified table name inside a trigger, a
malformed digit separator.  SQLite stops parsing there, so these run as hooks
when the node is built and raise :class:`ActionError`, which the driver turns
into the statement's syntax error.  A hook gets the node and the statement's
:class:`ParseContext` (the target, whether it is inside a trigger): there is
no global parser state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from .cst import Node
from .names import normalize
from .nodes import TargetTable
from .tokens import Token

if TYPE_CHECKING:
    from .target import Target

TEMP_TRIGGER_QUALIFIED_NAMES = (3, 52, 0)
"""First release whose TEMP triggers may name tables of other schemas."""


class ActionError(Exception):
    """A statement the grammar accepts but SQLite's parser actions reject."""

    def __init__(self, message: str, token: Token, last: Token | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.token = token
        self.last = last or token

    def diagnostic(self) -> Diagnostic:
        first, last = self.token, self.last
        return Diagnostic(
            code="syntax",
            message=self.message,
            start=first.start,
            end=max(last.end, first.start + 1),
        )


class ParseContext:
    """What the grammar actions of one statement share: the target it is
    parsed for and whether it is inside a CREATE TRIGGER (and a TEMP one,
    or one whose database only the schema tells: an unqualified trigger on
    an unqualified table is temp when that table is).  The driver makes one
    per statement and passes it to every hook, so parses in different
    threads, or for different targets, share nothing."""

    __slots__ = ("target", "in_trigger", "trigger_temp", "trigger_db_unknown")

    def __init__(self, target: Target) -> None:
        self.target = target
        self.in_trigger = False
        self.trigger_temp = False
        self.trigger_db_unknown = False


Hook = Callable[[Node, ParseContext], None]
"""A grammar action: runs when a node of its kind is built; raises
:class:`ActionError` to fail the statement."""


def _tokens(node: Node) -> list[Token]:
    return [c for c in node.children if isinstance(c, Token)]


def check_table_option(node: Node, ctx: ParseContext) -> None:
    toks = _tokens(node)
    if toks[0].kind == "WITHOUT":
        name, expected = toks[1], "rowid"
    else:
        name, expected = toks[0], "strict"
    if name.text.lower() != expected:
        raise ActionError(f"unknown table option: {name.text}", name)


_JOIN_WORDS = {
    "natural": "N",
    "left": "LO",
    "outer": "O",
    "right": "RO",
    "full": "LRO",
    "inner": "I",
    "cross": "IC",
}


def check_join_operator(node: Node, ctx: ParseContext) -> None:
    words = [t for t in _tokens(node) if t.kind != "JOIN" and t.kind != "COMMA"]
    if not words:
        return
    flags = ""
    bad = False
    for w in words:
        code = _JOIN_WORDS.get(w.text.lower())
        if code is None:
            bad = True
            break
        flags += code
    has = set(flags)
    if bad or {"I", "O"} <= has or ("O" in has and not has & {"L", "R"}):
        text = " ".join(w.text for w in words)
        raise ActionError(f"unknown join type: {text}", words[0], words[-1])


_TERMS = frozenset({"table_ref", "table_function", "subquery", "join_group"})


def _check_first_term(first: object) -> None:
    if isinstance(first, Node) and first.kind in _TERMS:
        last = first.children[-1]
        if isinstance(last, Node) and last.kind in ("on_clause", "using_clause"):
            kw = last.children[0]
            assert isinstance(kw, Token)
            raise ActionError(f"a JOIN clause is required before {kw.text.upper()}", kw)


def check_from_clause(node: Node, ctx: ParseContext) -> None:
    _check_first_term(node.children[1])


def check_join_group(node: Node, ctx: ParseContext) -> None:
    _check_first_term(node.children[1])


def check_compound(node: Node, ctx: ParseContext) -> None:
    """ORDER BY and LIMIT belong on the last SELECT of a compound."""
    parts = [c for c in node.children if isinstance(c, Node)]
    for k in range(len(parts) - 2, -1, -1):
        core = parts[k]
        if core.kind != "select_core":
            continue
        op = parts[k + 1]
        if op.kind != "compound_operator":
            continue
        for child in core.children:
            if isinstance(child, Node) and child.kind in ("order_by_clause", "limit_clause"):
                clause = "ORDER BY" if child.kind == "order_by_clause" else "LIMIT"
                raise ActionError(
                    f"{clause} clause should come after {op.keyword_text()} not before",
                    child.first_token,
                    child.last_token,
                )


def check_column_name(node: Node, ctx: ParseContext) -> None:
    """Column-name lists take no COLLATE and no ASC/DESC."""
    if len(node.children) > 1:
        name, extra = node.children[0], node.children[1]
        assert isinstance(name, Token) and isinstance(extra, Token)
        raise ActionError(f"syntax error after column name '{name.text}'", extra, node.last_token)


def enter_trigger(node: Node, ctx: ParseContext) -> None:
    ctx.in_trigger = True
    temp = any(isinstance(c, Token) and c.kind == "TEMP" for c in node.children)
    names = [c for c in node.children if isinstance(c, Node) and c.kind == "qualified_name"]
    for c in names:
        if len(c.children) == 3:
            schema = c.children[0]
            if isinstance(schema, Token) and normalize(schema.text) == "temp":
                temp = True
    ctx.trigger_temp = temp
    # sqlite3BeginTrigger: an unqualified trigger on a temp table is temp.
    ctx.trigger_db_unknown = not temp and all(len(c.children) == 1 for c in names)


def _check_dml(node: Node, ctx: ParseContext) -> None:
    if ctx.in_trigger:
        for c in node.children:
            if isinstance(c, Node) and c.kind == "indexed_by":
                which = "NOT INDEXED" if c.children[0].kind == "NOT" else "INDEXED BY"  # type: ignore[union-attr]
                raise ActionError(
                    f"the {which} clause is not allowed on UPDATE or DELETE statements within triggers",
                    c.first_token,
                    c.last_token,
                )
        target = ctx.target
        temp_ok = ctx.trigger_temp and target.version >= TEMP_TRIGGER_QUALIFIED_NAMES
        # Whether the trigger is temp depends on its table: the validator,
        # which knows the schema, decides (schema-definition).
        if not temp_ok and not ctx.trigger_db_unknown:
            for c in node.children:
                if isinstance(c, TargetTable) and c.schema is not None:
                    message = (
                        "qualified table names are not allowed on INSERT, UPDATE, and "
                        "DELETE statements within triggers"
                    )
                    if ctx.trigger_temp:
                        message += (
                            " (TEMP triggers allow them from SQLite 3.52.0; "
                            f"checking for {target.version_string})"
                        )
                    raise ActionError(message, c.first_token, c.last_token)
        return
    if ctx.target.update_delete_limit:
        return
    for c in node.children:
        if isinstance(c, Node) and c.kind in ("order_by_clause", "limit_clause"):
            what = "ORDER BY" if c.kind == "order_by_clause" else "LIMIT"
            statement = "UPDATE" if node.kind == "update_stmt" else "DELETE"
            raise ActionError(
                f"syntax error near '{what}': {what} on {statement} needs SQLite built with "
                "SQLITE_ENABLE_UPDATE_DELETE_LIMIT",
                c.first_token,
                c.last_token,
            )


def check_literal(node: Node, ctx: ParseContext) -> None:
    tok = node.children[0]
    assert isinstance(tok, Token)
    if tok.kind == "QNUMBER" and not _valid_separators(tok.text):
        raise ActionError(f"unrecognized token: '{tok.text}' ('_' must stand between two digits)", tok)


def _valid_separators(text: str) -> bool:
    """SQLite's rule: every '_' sits between two digits (hex digits in hex)."""
    hexa = text[:2] in ("0x", "0X")
    digits = "0123456789abcdefABCDEF" if hexa else "0123456789"
    for i, c in enumerate(text):
        if c == "_" and not (0 < i < len(text) - 1 and text[i - 1] in digits and text[i + 1] in digits):
            return False
    return True


def check_variable(node: Node, ctx: ParseContext) -> None:
    tok = node.children[0]
    assert isinstance(tok, Token)
    if tok.text[0] == "#" and len(tok.text) > 1 and tok.text[1].isdigit():
        raise ActionError(f"syntax error near '{tok.text}': '#' parameters cannot be numbers", tok)


HOOKS: dict[str, Hook] = {
    "table_option": check_table_option,
    "join_operator": check_join_operator,
    "from_clause": check_from_clause,
    "join_group": check_join_group,
    "select": check_compound,
    "column_name": check_column_name,
    "trigger_header": enter_trigger,
    "update_stmt": _check_dml,
    "delete_stmt": _check_dml,
    "insert_stmt": _check_dml,
    "literal": check_literal,
    "variable": check_variable,
}
