"""The LALR(1) automaton of SQLite's grammar: the tables, Lemon's action
lookup and a parser state that can be fed token kinds.

The tables come from ``tables.json`` (:mod:`syntaqlite.syntax._tables`,
generated from ``grammar/sqlite.lark``).  An action is a shift (the state to
go to, ``>= 0``), a reduction (``-1 - rule``) or :data:`ERROR_ACTION`.  A
token's action is looked up the way Lemon's ``yy_find_shift_action`` does it
(:func:`find_action`):

1. the token's explicit action in the current state, if any;
2. else, for a keyword that may fall back to an identifier, the action of ID;
3. else, for any token but the end of input, the wildcard's action (the
   free-form arguments of CREATE VIRTUAL TABLE);
4. else the state's default reduction, or a syntax error.

:class:`ParserState` is the automaton without a tree: what the syntax-error
messages (:mod:`syntaqlite.syntax.errors`) and the language server's
completion ask ("what could come next here?").  The tree-building driver
(:mod:`syntaqlite.syntax.parser`) runs the same tables and the same lookup
in a loop specialised for speed.
"""

from __future__ import annotations

from . import _tables as tables

END = "$END"
"""The kind of the token after the last one."""

ERROR_ACTION: int = tables.ERROR_ACTION
ACTION: list[dict[str, int]] = tables.ACTION
"""ACTION[state]: token kind -> action, the explicit actions of the state."""
DEFAULT: list[int | None] = tables.DEFAULT
"""DEFAULT[state]: the reduction Lemon makes for any other token, or None."""
GOTO: list[dict[str, int]] = tables.GOTO
"""GOTO[state]: nonterminal -> the state after it."""
FALLBACK: frozenset[str] = tables.FALLBACK
"""Keywords that fall back to ID where their keyword meaning does not fit
(in SQLite's default build)."""
WILDCARD: str | None = tables.WILDCARD
TERMINALS: list[str] = tables.TERMINALS
STMT_END: frozenset[int] = tables.STMT_END
"""The states reached by shifting the semicolon that ends a statement."""
RULES: list[tuple[str, int, str, str, str]] = tables.RULES
"""RULES[i]: (left-hand side, length, node kind, tree mode, shape)."""
REDUCE: list[tuple[str, int]] = [(lhs, n) for lhs, n, _kind, _mode, _shape in RULES]
"""REDUCE[i]: (left-hand side, length) of rule i."""

_MAX_REDUCTIONS = 10_000  # no token takes this many reductions; guards a bad table


def find_action(state: int, kind: str, fallback: frozenset[str] = FALLBACK) -> int | None:
    """Lemon's ``yy_find_shift_action``: the explicit action, else ID's for
    a keyword of ``fallback``, else the wildcard's (not for the end of
    input), else the default reduction; None when there is none."""
    row = ACTION[state]
    action = row.get(kind)
    if action is None:
        if kind in fallback:
            action = row.get("ID")
        if action is None:
            if kind != END and WILDCARD is not None:
                action = row.get(WILDCARD)
            if action is None:
                action = DEFAULT[state]
    return action


def _explicit_action(state: int, kind: str) -> int | None:
    """The explicit action or the default reduction: no fallback to ID, no
    wildcard (so ID stands for every name)."""
    action = ACTION[state].get(kind)
    return DEFAULT[state] if action is None else action


class ParserState:
    """A configuration of the automaton: its stack of states.

    :meth:`feed` advances it by one token kind (the reductions that token
    causes, then its shift); a kind the grammar does not accept there leaves
    it unchanged.  ``fallback`` is the set of keywords that may be read as
    names (a target's build may allow fewer than :data:`FALLBACK`).  Asking
    (:meth:`accepts`, :meth:`expected`) copies nothing: the reductions are
    tried on the states they would push, over the untouched stack, so each
    question costs the reductions it makes whatever the depth.
    """

    __slots__ = ("stack", "fallback")

    def __init__(self, stack: list[int] | None = None, fallback: frozenset[str] = FALLBACK) -> None:
        self.stack: list[int] = [0] if stack is None else stack
        self.fallback = fallback

    def copy(self) -> ParserState:
        return ParserState(list(self.stack), self.fallback)

    def _try(self, kind: str, explicit: bool) -> tuple[int, list[int], int] | None:
        """What taking ``kind`` would do: (how many entries of the stack
        stay, the states the reductions push above them, the shifted state);
        None when ``kind`` is a syntax error here.  ``explicit``: look up
        explicit actions and default reductions only."""
        stack = self.stack
        fallback = self.fallback
        keep = len(stack)
        pushed: list[int] = []
        for _ in range(_MAX_REDUCTIONS):
            state = pushed[-1] if pushed else stack[keep - 1]
            action = _explicit_action(state, kind) if explicit else find_action(state, kind, fallback)
            if action is None or action == ERROR_ACTION:
                return None
            if action >= 0:
                return keep, pushed, action
            lhs, n = REDUCE[-1 - action]
            if n:
                if n <= len(pushed):
                    del pushed[len(pushed) - n :]
                else:
                    keep -= n - len(pushed)
                    pushed.clear()
            pushed.append(GOTO[pushed[-1] if pushed else stack[keep - 1]][lhs])
        return None

    def feed(self, kind: str) -> bool:
        """Take a token of ``kind``: apply the reductions it causes, then
        shift it.  False (and no change) when it is a syntax error here."""
        found = self._try(kind, explicit=False)
        if found is None:
            return False
        keep, pushed, shifted = found
        stack = self.stack
        del stack[keep:]
        stack += pushed
        stack.append(shifted)
        return True

    def accepts(self, kind: str) -> bool:
        """Whether :meth:`feed` would take a token of ``kind``."""
        return self._try(kind, explicit=False) is not None

    def expected(self) -> list[str]:
        """The token kinds that could be shifted next, by their explicit
        actions: no keyword fallback (ID stands for every name) and no
        wildcard.  In the order of :data:`TERMINALS`."""
        return [
            kind
            for kind in TERMINALS
            if kind != END and kind != WILDCARD and self._try(kind, explicit=True) is not None
        ]

    def __repr__(self) -> str:
        return f"ParserState({self.stack})"
