"""Tokens -> syntax tree, one statement at a time, never raising.

The driver runs the LALR(1) tables built from ``grammar/sqlite.lark`` (see
:mod:`syntaqlite_dev.build_tables`) and looks actions up the way SQLite's
Lemon parser does:

1. the token's explicit action in the current state, if any;
2. else, for a keyword that may fall back to an identifier, the action of ID;
3. else, for any token but the end of input, the wildcard's action (the
   free-form arguments of CREATE VIRTUAL TABLE);
4. else the state's default reduction, or a syntax error.

Like ``sqlite3RunParser`` it sends a SEMI after the last token when the input
does not end with one, treats WINDOW, OVER and FILTER as keywords only in
the contexts SQLite's tokenizer allows, and gives up at the same parser stack
depth.  The checks SQLite makes in its grammar actions (unknown join types,
table options, ORDER BY before UNION ...) run as hooks when their node is
built (:mod:`syntaqlite.syntax.actions`).

After an error the statement is skipped up to the semicolon that ends it, as
``sqlite3_complete`` would find it (a CREATE TRIGGER body is one statement),
and parsing resumes there: every broken statement gets one diagnostic.

A :class:`~syntaqlite.syntax.target.Target` other than the newest default
build brings its keyword table and tokenizer dialect, grammar actions that
reject the syntax it lacks (:mod:`syntaqlite.syntax.features`), the keyword
fallbacks of its build and its parser stack limit.  When such a target meets
a plain syntax error that the newest release would not, the diagnostic names
the feature and the release that added it (or the option that removed it).
The default target takes none of these paths.
"""

from __future__ import annotations

import sys
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..diagnostics import Diagnostic
from . import _tables as tables
from .actions import HOOKS, ActionError, Context, Hook
from .cst import Node
from .errors import incomplete_input, syntax_error, unrecognized_token
from .features import Feature, by_kind, first_missing
from .lexer import tokenize
from .memory import gc_paused
from .nodes import ErrorStatement, SourceFile, Statement, node_class
from .target import DEFAULT_TARGET, Target
from .tokens import COMMENT, ILLEGAL, TRIVIA, Token

END = "$END"
ERROR_ACTION = tables.ERROR_ACTION
STACK_LIMIT = 2500  # SQLITE_LIMIT_PARSER_DEPTH: entries of Lemon's parser stack
_NO_LIMIT = sys.maxsize


def _too_deep(limit: int) -> str:
    return (
        "parser stack overflow: the statement nests too deeply for SQLite "
        f"(its parser stack holds {limit} entries)"
    )


_TOO_DEEP = _too_deep(STACK_LIMIT)

_ACTION = tables.ACTION
_DEFAULT = tables.DEFAULT
_GOTO = tables.GOTO
_FALLBACK = tables.FALLBACK
_WILDCARD = tables.WILDCARD
_STMT_END = tables.STMT_END


@dataclass
class ParseResult:
    """What :func:`parse` returns.

    ``tokens`` holds every token of the input, comments included (whitespace
    is the text between tokens); ``root`` is the whole file (statements, broken statements as
    :class:`ErrorStatement` nodes, and stray semicolons); ``statements`` the
    statements that parsed; ``errors`` one diagnostic per broken statement.
    """

    source: str
    tokens: list[Token]
    root: SourceFile
    errors: list[Diagnostic] = field(default_factory=list)

    @cached_property
    def statements(self) -> list[Statement]:
        return [c for c in self.root.children if isinstance(c, Statement)]

    @property
    def ok(self) -> bool:
        return not self.errors

    def trivia_before(self, token: Token) -> list[Token]:
        """The comments between ``token`` and the significant token before."""
        out: list[Token] = []
        i = token.index - 1
        while i >= 0 and self.tokens[i].kind in TRIVIA:
            out.append(self.tokens[i])
            i -= 1
        out.reverse()
        return out


# -- tree building --------------------------------------------------------


def _flatten(values: list[object]) -> list[object]:
    out: list[object] = []
    for v in values:
        if v is None:
            continue
        if v.__class__ is list:
            out.extend(v)  # type: ignore[arg-type]
        else:
            out.append(v)
    return out


Builder = Callable[[list[object]], object]


# How a reduction makes its value from the values of its right-hand side:
_KEEP = 0  # the list of values itself (a splice of tokens and nodes)
_FIRST = 1  # the only value (a unit passthrough, or a splice of one splice)
_CALL = 2  # call the builder


def _make_op(mode: str, kind: str, shape: str, hooks: dict[str, Hook] = HOOKS) -> tuple[int, Builder | None]:
    if kind in hooks:
        return _CALL, _make_builder(mode, kind, shape, hooks)
    if mode == "splice":
        if shape == "s":
            return _FIRST, None
        if all(c in "tn" for c in shape):
            return _KEEP, None
    if mode == "pass" and shape == "n":
        return _FIRST, None
    return _CALL, _make_builder(mode, kind, shape, hooks)


def _make_builder(mode: str, kind: str, shape: str, hooks: dict[str, Hook] = HOOKS) -> Builder:
    simple = all(c in "tn" for c in shape)
    hook = hooks.get(kind)
    if mode == "splice":
        return (lambda vals: vals) if simple else _flatten
    if mode == "pass":

        def build_pass(vals: list[object]) -> object:
            children = _flatten(vals)
            if len(children) == 1:
                return children[0]
            if not children:
                return None
            node = node_class(kind)(children)  # type: ignore[arg-type]
            if hook is not None:
                hook(node)
            return node

        return build_pass
    cls = node_class(kind)
    if simple and shape and hook is None:
        return cls  # type: ignore[return-value]

    def build_node(vals: list[object]) -> object:
        children = vals if simple else _flatten(vals)
        if not children:
            return None
        node = cls(children)  # type: ignore[arg-type]
        if hook is not None:
            hook(node)
        return node

    return build_node


Rules = list[tuple[str, int, int, Builder | None]]


def _build_rules(hooks: dict[str, Hook]) -> Rules:
    return [(lhs, n, *_make_op(mode, kind, shape, hooks)) for lhs, n, kind, mode, shape in tables.RULES]


_RULES: Rules = _build_rules(HOOKS)


def _gate(features: tuple[Feature, ...], then: Hook | None) -> Hook:
    """A grammar action that fails the statement where it uses one of
    ``features`` (which the target lacks), then runs ``then``."""

    def check(node: Node) -> None:
        target = Context.target
        for feature in features:
            assert feature.test is not None
            span = feature.test(node)
            if span is not None:
                message = feature.message(target.version, target.cflags)
                assert message is not None
                raise ActionError(message, span[0], span[1])
        if then is not None:
            then(node)

    return check


@lru_cache(maxsize=64)
def _rules_for(features: tuple[Feature, ...]) -> Rules:
    """The rules with grammar actions that reject ``features``."""
    hooks = dict(HOOKS)
    for kind, feats in by_kind(features).items():
        hooks[kind] = _gate(feats, HOOKS.get(kind))
    return _build_rules(hooks)


# -- the driver -----------------------------------------------------------


class _SyntaxError(Exception):
    def __init__(self, index: int, states: list[int], action_error: ActionError | None = None):
        self.index = index
        self.states = states
        self.action_error = action_error


def _find_action(state: int, kind: str, fallback: frozenset[str] = _FALLBACK) -> int | None:
    """Lemon's ``yy_find_shift_action``: explicit action, fallback to ID,
    wildcard, then the default reduction."""
    row = _ACTION[state]
    action = row.get(kind)
    if action is None:
        if kind in fallback:
            action = row.get("ID")
        if action is None:
            if kind != END and _WILDCARD is not None:
                action = row.get(_WILDCARD)
            if action is None:
                action = _DEFAULT[state]
    return action


# Actions looked up so far, per state: the result of _find_action memoized,
# with ERROR_ACTION for "no action".  One dict lookup per parser step.  A
# keyword shifted because it fell back to ID has _AS_NAME added to its shift
# action: the driver then turns the token into an ID, since that is what it
# is in the tree (a name that happens to be spelled like a keyword).
_RESOLVED: list[dict[str, int]] = [dict(row) for row in _ACTION]
_AS_NAME = 1 << 20


@dataclass
class _Driver:
    """What the driver needs of a target: the rules (with the target's
    grammar actions), the keywords that may fall back to ID, the memo of
    resolved actions for that fallback set, and the parser stack limit."""

    rules: Rules
    fallback: frozenset[str]
    resolved: list[dict[str, int]]
    limit: int


_DEFAULT_DRIVER = _Driver(_RULES, _FALLBACK, _RESOLVED, STACK_LIMIT)


@lru_cache(maxsize=16)
def _memo(fallback: frozenset[str]) -> list[dict[str, int]]:
    return [dict(row) for row in _ACTION]


def _driver(target: Target) -> _Driver:
    if target.is_default:
        return _DEFAULT_DRIVER
    gated = target.gated_features
    fallback = _FALLBACK - target.non_fallback
    limit = target.stack_limit
    return _Driver(
        _rules_for(gated) if gated else _RULES,
        fallback,
        _RESOLVED if fallback == _FALLBACK else _memo(fallback),
        _NO_LIMIT if limit is None else limit,
    )


def _resolve(state: int, kind: str, driver: _Driver = _DEFAULT_DRIVER) -> int:
    fallback = driver.fallback
    action = _find_action(state, kind, fallback)
    if action is None:
        action = ERROR_ACTION
    elif action >= 0 and kind in fallback and kind not in _ACTION[state]:
        if _ACTION[state].get("ID") == action:
            action += _AS_NAME
    driver.resolved[state][kind] = action
    return action


def _parse_statement(toks: list[Token], i: int, driver: _Driver = _DEFAULT_DRIVER) -> tuple[Statement, int]:
    """Parse the statement starting at ``toks[i]``; return it and the index
    of the token after its semicolon.  Raises _SyntaxError."""
    states = [0]
    values: list[object] = []
    rules = driver.rules
    resolved = driver.resolved
    limit = driver.limit
    goto_table = _GOTO
    stmt_end = _STMT_END
    push_state = states.append
    push_value = values.append
    while True:
        tok = toks[i]
        action = resolved[states[-1]].get(tok.kind)
        if action is None:
            action = _resolve(states[-1], tok.kind, driver)
        if action >= 0:
            if action >= _AS_NAME:
                action -= _AS_NAME
                tok.kind = "ID"
            push_state(action)
            push_value(tok)
            i += 1
            if action in stmt_end:
                if not tok.text:
                    values.pop()  # the SEMI sent at the end of input
                return Statement(values), i  # type: ignore[arg-type]
            if len(states) > limit:
                raise _SyntaxError(i - 1, states, ActionError(_too_deep(limit), tok))
        elif action == ERROR_ACTION:
            raise _SyntaxError(i, states)
        else:
            lhs, n, op, build = rules[-1 - action]
            if n:
                vals = values[-n:]
                del values[-n:]
                del states[-n:]
            else:
                vals = []
                if len(states) >= limit:
                    raise _SyntaxError(i, states, ActionError(_too_deep(limit), tok))
            value: object
            if op == 0:
                value = vals
            elif op == 1:
                value = vals[0]
            else:
                try:
                    value = build(vals)  # type: ignore[misc]
                except ActionError as err:
                    raise _SyntaxError(i, states, err) from None
            push_state(goto_table[states[-1]][lhs])
            push_value(value)


# sqlite3_complete's state machine, over tokens instead of characters.
_COMPLETE_CLASS = {
    "SEMI": 0,
    "EXPLAIN": 2,
    "CREATE": 3,
    "TEMP": 4,
    "TEMPORARY": 4,
    "TRIGGER": 5,
    "END": 6,
}
_WORDLIKE = frozenset({"ID", "EXPLAIN", "CREATE", "TEMP", "TRIGGER", "END"})
_COMPLETE = (
    (1, 2, 3, 4, 2, 2, 2),
    (1, 2, 3, 4, 2, 2, 2),
    (1, 2, 2, 2, 2, 2, 2),
    (1, 3, 2, 4, 2, 2, 2),
    (1, 2, 2, 2, 4, 5, 2),
    (6, 5, 5, 5, 5, 5, 5),
    (6, 5, 5, 5, 5, 5, 7),
    (1, 5, 5, 5, 5, 5, 5),
)


def statement_end(toks: list[Token], start: int, at_least: int) -> int:
    """Index of the semicolon that ends the statement starting at ``start``
    (the first such at or after ``at_least``), as sqlite3_complete sees it;
    the index of the last token before the end of input if there is none."""
    state = 0
    i = start
    while toks[i].kind != END:
        tok = toks[i]
        # Like sqlite3_complete, look at the words, whatever the parser made
        # of them (a keyword it read as a name is still "END" here).
        word = tok.text.upper() if tok.kind in _WORDLIKE else tok.kind
        state = _COMPLETE[state][_COMPLETE_CLASS.get(word, 1)]
        if state == 1 and i >= at_least:
            return i
        i += 1
    return i - 1


def _prepare(tokens: list[Token]) -> list[Token]:
    """The tokens the parser sees: no trivia; WINDOW, OVER and FILTER turned
    into identifiers where SQLite's tokenizer does; a SEMI and the end of
    input appended."""
    toks = [t for t in tokens if t.kind != COMMENT]
    n = len(toks)
    last = ""
    for i, tok in enumerate(toks):
        kind = tok.kind
        if kind == "WINDOW":
            keyword = _id_like(toks, i + 1) and i + 2 < n and toks[i + 2].kind == "AS"
        elif kind == "OVER":
            keyword = last == "RP" and i + 1 < n and (toks[i + 1].kind == "LP" or _id_like(toks, i + 1))
        elif kind == "FILTER":
            keyword = last == "RP" and i + 1 < n and toks[i + 1].kind == "LP"
        else:
            keyword = True
        if not keyword:
            tok.kind = "ID"
        last = tok.kind
    end_offset = tokens[-1].end if tokens else 0
    line = tokens[-1].end_line if tokens else 1
    column = tokens[-1].end_column if tokens else 1
    if not toks or toks[-1].kind != "SEMI":
        toks.append(Token("SEMI", "", end_offset, line, column))
    toks.append(Token(END, "", end_offset, line, column))
    return toks


_ID_LIKE = frozenset({"ID", "STRING", "JOIN_KW", "WINDOW", "OVER"}) | _FALLBACK


def _id_like(toks: list[Token], i: int) -> bool:
    return i < len(toks) and toks[i].kind in _ID_LIKE


def parse(text: str, target: Target = DEFAULT_TARGET) -> ParseResult:
    """Parse SQL text into a lossless syntax tree.  Never raises for bad SQL:
    problems are in ``ParseResult.errors``."""
    with gc_paused():
        return _parse(text, target)


def _parse(text: str, target: Target) -> ParseResult:
    tokens = tokenize(text, target.keywords, target.lex_dialect)
    toks = _prepare(tokens)
    children: list[Node | Token] = []
    errors: list[Diagnostic] = []
    driver = _driver(target)
    explain = not target.is_default and target.reference is not None
    Context.target = target
    illegal_at = [j for j, t in enumerate(toks) if t.kind == ILLEGAL]
    i = 0
    while toks[i].kind != END:
        tok = toks[i]
        if tok.kind == "SEMI":
            if tok.text:
                children.append(tok)
            i += 1
            continue
        start = i
        illegal = _first_illegal(toks, start, illegal_at) if illegal_at else None
        try:
            Context.reset()
            if illegal is not None:
                # SQLite stops at an unrecognized token before parsing it;
                # parse up to it to report a syntax error that comes first.
                stmt, i = _parse_statement([*toks[:illegal], _stopper(toks[illegal])], start, driver)
                raise _SyntaxError(illegal, [])
            stmt, i = _parse_statement(toks, start, driver)
            children.append(stmt)
            continue
        except _SyntaxError as err:
            at = min(err.index, illegal) if illegal is not None else err.index
            plain = err.action_error is None
            if illegal is not None and err.index >= illegal and err.action_error is None:
                errors.append(unrecognized_token(toks[illegal]))
            elif err.action_error is not None:
                errors.append(err.action_error.diagnostic())
            else:
                states = configuration_before(toks, start, at)
                if toks[at].text == "":
                    errors.append(incomplete_input(toks[at], states))
                else:
                    errors.append(syntax_error(toks, at, states))
        end = statement_end(toks, start, at)
        broken = [t for t in toks[start : end + 1] if t.text]
        if explain and plain and broken:
            better = _explain(text, broken, toks[at], target)
            Context.target = target
            if better is not None:
                errors[-1] = better
        if broken:
            children.append(ErrorStatement(broken))  # type: ignore[arg-type]
        i = end + 1
    return ParseResult(text, tokens, SourceFile(children), errors)


def _explain(text: str, broken: list[Token], at: Token, target: Target) -> Diagnostic | None:
    """Why ``target`` cannot parse the statement made of ``broken`` when the
    newest release can: the first feature of the newest release's tree that
    the target lacks, if it starts no later than the token the target
    stopped at."""
    reference = target.reference
    assert reference is not None
    base = broken[0]
    result = _parse(text[base.start : broken[-1].end], reference)
    if result.errors or len(result.statements) != 1:
        return None
    found = first_missing(result.statements[0], target.version, target.cflags)
    if found is None:
        return None
    _feature, message, (first, last) = found
    if base.start + first.start > at.start:
        return None

    def line_col(line: int, column: int) -> tuple[int, int]:
        return base.line + line - 1, (column + base.column - 1 if line == 1 else column)

    line, column = line_col(first.line, first.column)
    end_line, end_column = line_col(last.end_line, last.end_column)
    return Diagnostic(
        code="syntax",
        message=message,
        start=base.start + first.start,
        end=base.start + last.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


def _first_illegal(toks: list[Token], start: int, illegal_at: list[int]) -> int | None:
    """Index of the first ILLEGAL token of the statement starting at ``start``."""
    k = bisect_left(illegal_at, start)
    if k == len(illegal_at):
        return None
    if illegal_at[k] <= statement_end(toks, start, start):
        return illegal_at[k]
    return None


def _stopper(tok: Token) -> Token:
    """A token no state shifts (not even the wildcard), standing in for an
    unrecognized token."""
    return Token(END, tok.text, tok.start, tok.line, tok.column, tok.index)


def configuration_before(toks: list[Token], start: int, stop: int) -> list[int]:
    """The parser's states just before it looks at ``toks[stop]``, parsing
    from ``toks[start]`` (no tree is built; used for error messages and
    completion)."""
    states = [0]
    i = start
    while i < stop:
        action = _find_action(states[-1], toks[i].kind)
        if action is None or action == ERROR_ACTION:
            break
        if action >= 0:
            states.append(action)
            i += 1
        else:
            lhs, n, _op, _build = _RULES[-1 - action]
            if n:
                del states[-n:]
            states.append(_GOTO[states[-1]][lhs])
    return states


def expected_kinds(states: list[int]) -> list[str]:
    """Token kinds the parser could shift next in the configuration
    ``states``, without keyword fallback (so ID stands for every name)."""
    out = []
    for kind in tables.TERMINALS:
        if kind in (END, _WILDCARD):
            continue
        if _accepts(states, kind):
            out.append(kind)
    return out


def _accepts(states: list[int], kind: str) -> bool:
    stack = list(states)
    for _ in range(10_000):
        row = _ACTION[stack[-1]]
        action = row.get(kind)
        if action is None:
            action = _DEFAULT[stack[-1]]
        if action is None or action == ERROR_ACTION:
            return False
        if action >= 0:
            return True
        lhs, n, _op, _build = _RULES[-1 - action]
        if n:
            del stack[-n:]
        stack.append(_GOTO[stack[-1]][lhs])
    return False


def shift_kind(states: list[int], kind: str) -> list[int] | None:
    """The parser configuration after shifting a token of ``kind``, or None."""
    stack = list(states)
    for _ in range(10_000):
        action = _find_action(stack[-1], kind)
        if action is None or action == ERROR_ACTION:
            return None
        if action >= 0:
            stack.append(action)
            return stack
        lhs, n, _op, _build = _RULES[-1 - action]
        if n:
            del stack[-n:]
        stack.append(_GOTO[stack[-1]][lhs])
    return None
