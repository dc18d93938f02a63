"""Tokens -> syntax tree, one statement at a time, never raising.

The driver runs the LALR(1) automaton of ``grammar/sqlite.lark``
(:mod:`syntaqlite.syntax.automaton`: the tables and Lemon's action lookup,
explicit action -> fallback to ID -> wildcard -> default reduction), in a
loop specialised for building the tree: the lookups are memoized per state,
and a left-recursive list grows in place, so that a list of n items takes
O(n) time.  A keyword read as a name becomes a new token of kind ID
(:meth:`~syntaqlite.syntax.tokens.Token.as_name`; tokens are immutable),
which replaces the keyword in ``ParseResult.tokens`` too.

Like ``sqlite3RunParser`` it sends a SEMI after the last token when the input
does not end with one, treats WINDOW, OVER and FILTER as keywords only in
the contexts SQLite's tokenizer allows, and gives up at the same parser stack
depth.  The checks SQLite makes in its grammar actions (unknown join types,
table options, ORDER BY before UNION ...) run as hooks when their node is
built (:mod:`syntaqlite.syntax.actions`); each statement gets a fresh
:class:`~syntaqlite.syntax.actions.ParseContext` that the driver passes to
them, so nothing is shared between parses.

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
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Final

from ..diagnostics import Diagnostic
from . import automaton
from .actions import HOOKS, ActionError, Hook, ParseContext
from .automaton import ERROR_ACTION, ParserState, find_action
from .cst import Node
from .lexer import tokenize
from .memory import gc_paused
from .nodes import ErrorStatement, SourceFile, Statement, node_class
from .target import DEFAULT_TARGET, Target
from .tokens import COMMENT, ILLEGAL, TRIVIA, Token, make_token

if TYPE_CHECKING:
    from .features import Feature

END = automaton.END  # the kind of the token after the last one
STACK_LIMIT = 2500  # SQLITE_LIMIT_PARSER_DEPTH: entries of Lemon's parser stack
_NO_LIMIT = sys.maxsize


def _too_deep(limit: int) -> str:
    return (
        "parser stack overflow: the statement nests too deeply for SQLite "
        f"(its parser stack holds {limit} entries)"
    )


_TOO_DEEP = _too_deep(STACK_LIMIT)

_ACTION = automaton.ACTION
_GOTO = automaton.GOTO
_FALLBACK = automaton.FALLBACK
_STMT_END = automaton.STMT_END


class ParseResult:
    """What :func:`parse` returns.

    ``tokens`` holds every token of the input, comments included (whitespace
    is the text between tokens); ``root`` is the whole file (statements, broken statements as
    :class:`ErrorStatement` nodes, and stray semicolons); ``statements`` the
    statements that parsed; ``errors`` one diagnostic per broken statement.
    """

    __slots__ = ("source", "tokens", "root", "errors", "__dict__")  # __dict__: cached properties

    source: str
    tokens: list[Token]
    root: SourceFile
    errors: list[Diagnostic]

    def __init__(
        self,
        source: str,
        tokens: list[Token],
        root: SourceFile,
        errors: list[Diagnostic] | None = None,
    ) -> None:
        self.source = source
        self.tokens = tokens
        self.root = root
        self.errors = [] if errors is None else errors

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
#
# A reduction's value is a token, a node, None (an empty optional part) or,
# for the rules whose name starts with "_", a list of tokens and nodes that
# the parent splices into its children.  Lists are made by the driver and
# each is held in one place only (one slot of the value stack), so a
# left-recursive list (``_nexprlist: _nexprlist COMMA expr``) grows in place,
# and a list of n items costs O(n) to build, not O(n^2).  Lists hold no None
# and no lists.


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


def _splice_into(out: list[object], values: list[object]) -> None:
    """``out += _flatten(values)``."""
    for v in values:
        if v is None:
            continue
        if v.__class__ is list:
            out.extend(v)  # type: ignore[arg-type]
        else:
            out.append(v)


Builder = Callable[..., object]
"""``build(values)``, or ``build(values, ctx)`` for a rule with a grammar action."""


# How a reduction makes its value from the values of its right-hand side:
_KEEP = 0  # the list of values itself (a splice of tokens and nodes)
_FIRST = 1  # the only value (a unit passthrough, or a splice of one splice)
_CALL = 2  # build(values)
_HOOKED = 3  # build(values, ctx): the node has a grammar action
_EXTEND = 4  # a splice that starts with a list: the rest (tokens and nodes) go onto its end
_SPLICE_INTO = 5  # the same, when the rest holds lists or None too
_NONE = 6  # an empty right-hand side that is not a splice: None (an absent optional part)
# (_FIRST, _EXTEND and _SPLICE_INTO leave their value where it is on the stack.)


def _make_op(mode: str, kind: str, shape: str, hooks: dict[str, Hook] = HOOKS) -> tuple[int, Builder | None]:
    simple = not shape.strip("tn")  # tokens and nodes only
    if mode == "splice":
        if shape == "s":
            return _FIRST, None
        if simple:
            return _KEEP, None
        if shape[0] == "s":
            return (_EXTEND if not shape[1:].strip("tn") else _SPLICE_INTO), None
        return _CALL, _flatten
    hook = hooks.get(kind)
    if hook is not None:
        return _HOOKED, _make_hooked_builder(mode, kind, shape, hook)
    if mode == "pass" and shape == "n":
        return _FIRST, None
    return _CALL, _make_builder(mode, kind, shape)


def _make_builder(mode: str, kind: str, shape: str) -> Builder:
    if mode == "pass":

        def build_pass(vals: list[object]) -> object:
            children = _flatten(vals)
            if len(children) == 1:
                return children[0]
            if not children:
                return None
            return node_class(kind)(children)  # type: ignore[arg-type]

        return build_pass
    cls = node_class(kind)
    if shape and not shape.strip("tn"):
        return cls
    if shape == "s":

        def build_from_list(vals: list[object]) -> object:
            # the list is the driver's and held nowhere else: it becomes the children
            children = vals[0]
            return cls(children) if children else None  # type: ignore[arg-type]

        return build_from_list

    def build_node(vals: list[object]) -> object:
        children = _flatten(vals)
        return cls(children) if children else None  # type: ignore[arg-type]

    return build_node


def _make_hooked_builder(mode: str, kind: str, shape: str, hook: Hook) -> Builder:
    simple = not shape.strip("tn")  # tokens and nodes only
    passthrough = mode == "pass"
    cls = None if passthrough else node_class(kind)  # some pass-through kinds have no class

    def build_hooked(vals: list[object], ctx: ParseContext) -> object:
        children = vals if simple else _flatten(vals)
        if passthrough and len(children) == 1:
            return children[0]
        if not children:
            return None
        node = (cls or node_class(kind))(children)  # type: ignore[arg-type]
        hook(node, ctx)
        return node

    return build_hooked


Rules = list[tuple[str, int, int, Builder | None]]


def _build_rules(hooks: dict[str, Hook]) -> Rules:
    rules: Rules = []
    for lhs, n, kind, mode, shape in automaton.RULES:
        op, build = _make_op(mode, kind, shape, hooks)
        if n == 0 and op in (_CALL, _HOOKED):
            # every builder makes None of no values (and runs no hook): skip the call
            assert not shape
            op, build = _NONE, None
        rules.append((lhs, n, op, build))
    return rules


_RULES: Rules = _build_rules(HOOKS)


def _gate(features: tuple[Feature, ...], then: Hook | None) -> Hook:
    """A grammar action that fails the statement where it uses one of
    ``features`` (which the target lacks), then runs ``then``."""

    def check(node: Node, ctx: ParseContext) -> None:
        for feature in features:
            assert feature.test is not None
            span = feature.test(node)
            if span is not None:
                target = ctx.target
                message = feature.message(target.version, target.cflags)
                assert message is not None
                raise ActionError(message, span[0], span[1])
        if then is not None:
            then(node, ctx)

    return check


@lru_cache(maxsize=64)
def _rules_for(features: tuple[Feature, ...]) -> Rules:
    """The rules with grammar actions that reject ``features``."""
    from .features import by_kind  # the table of features loads for other targets only

    hooks = dict(HOOKS)
    for kind, feats in by_kind(features).items():
        hooks[kind] = _gate(feats, HOOKS.get(kind))
    return _build_rules(hooks)


# -- the driver -----------------------------------------------------------


class _SyntaxError(Exception):
    def __init__(self, index: int, action_error: ActionError | None = None):
        self.index = index
        self.action_error = action_error


# Actions looked up so far, per state: the result of find_action memoized,
# with ERROR_ACTION for "no action".  One dict lookup per parser step.  A
# keyword shifted because it fell back to ID has _AS_NAME added to its shift
# action: the driver then shifts an ID token in its place (Token.as_name),
# since that is what it is in the tree (a name that happens to be spelled
# like a keyword).
_RESOLVED: list[dict[str, int]] = [dict(row) for row in _ACTION]
_AS_NAME = 1 << 20


class _Driver:
    """What the driver needs of a target: the rules (with the target's
    grammar actions), the keywords that may fall back to ID, the memo of
    resolved actions for that fallback set, and the parser stack limit."""

    __slots__ = ("rules", "fallback", "resolved", "limit")

    rules: Rules
    fallback: frozenset[str]
    resolved: list[dict[str, int]]
    limit: int

    def __init__(
        self, rules: Rules, fallback: frozenset[str], resolved: list[dict[str, int]], limit: int
    ) -> None:
        self.rules = rules
        self.fallback = fallback
        self.resolved = resolved
        self.limit = limit


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
    action = find_action(state, kind, fallback)
    if action is None:
        action = ERROR_ACTION
    elif action >= 0 and kind in fallback and kind not in _ACTION[state]:
        if _ACTION[state].get("ID") == action:
            action += _AS_NAME
    driver.resolved[state][kind] = action
    return action


def _parse_statement(
    toks: list[Token], tokens: list[Token], i: int, ctx: ParseContext, driver: _Driver = _DEFAULT_DRIVER
) -> tuple[Statement, int]:
    """Parse the statement starting at ``toks[i]``; return it and the index
    of the token after its semicolon.  Raises _SyntaxError.

    A keyword read as a name is replaced by its ID token (``as_name``) in
    ``toks`` and at its index in ``tokens`` (the parse result's list)."""
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
                tok = tok.as_name()
                toks[i] = tokens[tok.index] = tok
            push_state(action)
            push_value(tok)
            i += 1
            if action in stmt_end:
                if not tok.text:
                    values.pop()  # the SEMI sent at the end of input
                return Statement(values), i  # type: ignore[arg-type]
            if len(states) > limit:
                raise _SyntaxError(i - 1, ActionError(_too_deep(limit), tok))
        elif action == ERROR_ACTION:
            raise _SyntaxError(i)
        else:
            lhs, n, op, build = rules[-1 - action]
            value: object
            if op == _FIRST:
                # one value (n == 1), which stays where it is on the stack
                states[-1] = goto_table[states[-2]][lhs]
                continue
            if op == _NONE:
                if len(states) >= limit:
                    raise _SyntaxError(i, ActionError(_too_deep(limit), tok))
                push_state(goto_table[states[-1]][lhs])
                push_value(None)
                continue
            if op <= _HOOKED:
                if n:
                    vals = values[-n:]
                    del values[-n:]
                    del states[-n:]
                else:
                    vals = []
                    if len(states) >= limit:
                        raise _SyntaxError(i, ActionError(_too_deep(limit), tok))
                if op == _KEEP:
                    value = vals
                elif op == _CALL:
                    value = build(vals)  # type: ignore[misc]
                else:
                    try:
                        value = build(vals, ctx)  # type: ignore[misc]
                    except ActionError as err:
                        raise _SyntaxError(i, err) from None
            else:
                # values[-n] is a list: the rest of the right-hand side goes
                # onto its end, and it stays where it is as the rule's value
                k = len(values) - n + 1
                if op == _EXTEND:
                    values[k - 1].extend(values[k:])  # type: ignore[attr-defined]
                else:
                    _splice_into(values[k - 1], values[k:])  # type: ignore[arg-type]
                del values[k:]
                del states[-n:]
                push_state(goto_table[states[-1]][lhs])
                continue
            push_state(goto_table[states[-1]][lhs])
            push_value(value)


# sqlite3_complete's state machine, over tokens instead of characters.
_COMPLETE_CLASS: Final = {
    "SEMI": 0,
    "EXPLAIN": 2,
    "CREATE": 3,
    "TEMP": 4,
    "TEMPORARY": 4,
    "TRIGGER": 5,
    "END": 6,
}
_WORDLIKE: Final = frozenset({"ID", "EXPLAIN", "CREATE", "TEMP", "TRIGGER", "END"})
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


# The transitions flat, one row of classes a state (compiled, indexing a
# tuple of tuples of fixed length boxes the row).
_COMPLETE_WIDTH: Final = len(_COMPLETE[0])
_COMPLETE_FLAT: Final[tuple[int, ...]] = tuple(to for row in _COMPLETE for to in row)


def complete_step(state: int, tok: Token) -> int:
    """``sqlite3_complete``'s state after ``tok`` (not trivia) in ``state``.
    Like ``sqlite3_complete``, it looks at the words, whatever the parser
    made of them (a keyword it read as a name is still "END" here)."""
    kind = tok.kind
    word = tok.text.upper() if kind in _WORDLIKE else kind
    return _COMPLETE_FLAT[state * _COMPLETE_WIDTH + _COMPLETE_CLASS.get(word, 1)]


def statement_end(toks: list[Token], start: int, at_least: int) -> int:
    """Index of the semicolon that ends the statement starting at ``start``
    (the first such at or after ``at_least``), as sqlite3_complete sees it;
    the index of the last token before the end of input if there is none."""
    state = 0
    i = start
    while toks[i].kind != END:
        state = complete_step(state, toks[i])
        if state == 1 and i >= at_least:
            return i
        i += 1
    return i - 1


def _prepare(tokens: list[Token]) -> list[Token]:
    """The tokens the parser sees: no trivia; WINDOW, OVER and FILTER read
    as identifiers where SQLite's tokenizer reads them so (their ID tokens
    replace them in ``tokens`` too); a SEMI and the end of input appended."""
    toks = [t for t in tokens if t.kind != COMMENT]
    kinds = list(map(_KIND, toks))
    n = len(toks)
    # Each decision looks at the kinds around the word as the tokenizer made
    # them (an earlier decision never changes one it looks at: RP, LP, AS and
    # the name-like kinds stay what they are), so the words are found at C
    # speed and decided in any order.
    for word in _CONTEXTUAL:
        if word not in kinds:
            continue
        i = -1
        for _ in range(kinds.count(word)):
            i = kinds.index(word, i + 1)
            if word == "WINDOW":
                keyword = _id_like(kinds, i + 1) and i + 2 < n and kinds[i + 2] == "AS"
            elif word == "OVER":
                keyword = (
                    i > 0
                    and kinds[i - 1] == "RP"
                    and i + 1 < n
                    and (kinds[i + 1] == "LP" or _id_like(kinds, i + 1))
                )
            else:
                keyword = i > 0 and kinds[i - 1] == "RP" and i + 1 < n and kinds[i + 1] == "LP"
            if not keyword:
                tok = toks[i].as_name()
                toks[i] = tokens[tok.index] = tok
    end_offset = tokens[-1].end if tokens else 0
    line = tokens[-1].end_line if tokens else 1
    column = tokens[-1].end_column if tokens else 1
    if not toks or toks[-1].kind != "SEMI":
        toks.append(make_token("SEMI", "", end_offset, line, column))
    toks.append(make_token(END, "", end_offset, line, column))
    return toks


_CONTEXTUAL = ("WINDOW", "OVER", "FILTER")
_KIND = attrgetter("kind")
_ID_LIKE = frozenset({"ID", "STRING", "JOIN_KW", "WINDOW", "OVER"}) | _FALLBACK


def _id_like(kinds: list[str], i: int) -> bool:
    return i < len(kinds) and kinds[i] in _ID_LIKE


def parse(text: str, target: Target = DEFAULT_TARGET) -> ParseResult:
    """Parse SQL text into a lossless syntax tree.  Never raises for bad SQL:
    problems are in ``ParseResult.errors``."""
    with gc_paused():
        return _parse(text, target)


def _parse(text: str, target: Target, tokens: list[Token] | None = None) -> ParseResult:
    """``tokens``: ``text``'s tokens when the caller has them already."""
    if tokens is None:
        tokens = tokenize(text, target.keywords, target.lex_dialect)
    toks = _prepare(tokens)
    children: list[Node | Token] = []
    errors: list[Diagnostic] = []
    driver = _driver(target)
    explain = not target.is_default and target.reference is not None
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
        ctx = ParseContext(target)
        try:
            if illegal is not None:
                # SQLite stops at an unrecognized token before parsing it;
                # parse up to it to report a syntax error that comes first.
                unrecognized = toks[illegal]
                toks[illegal] = _stopper(unrecognized)
                try:
                    _parse_statement(toks, tokens, start, ctx, driver)
                finally:
                    toks[illegal] = unrecognized
                raise _SyntaxError(illegal)
            stmt, i = _parse_statement(toks, tokens, start, ctx, driver)
            children.append(stmt)
            continue
        except _SyntaxError as err:
            from .errors import incomplete_input, syntax_error, unrecognized_token  # messages: on errors only

            at = min(err.index, illegal) if illegal is not None else err.index
            plain = err.action_error is None
            if illegal is not None and err.index >= illegal and err.action_error is None:
                errors.append(unrecognized_token(toks[illegal]))
            elif err.action_error is not None:
                errors.append(err.action_error.diagnostic())
            else:
                state = configuration_before(toks, start, at, driver.fallback)
                if toks[at].text == "":
                    errors.append(incomplete_input(toks[at], state))
                else:
                    errors.append(syntax_error(toks, at, state))
        end = statement_end(toks, start, at)
        broken = [t for t in toks[start : end + 1] if t.text]
        if explain and plain and broken:
            better = _explain(text, broken, toks[at], target)
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
    from .features import first_missing

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
    return Diagnostic(
        code="syntax",
        message=message,
        start=base.start + first.start,
        end=base.start + last.end,
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


def configuration_before(
    toks: list[Token], start: int, stop: int, fallback: frozenset[str] = _FALLBACK
) -> ParserState:
    """The automaton just before it looks at ``toks[stop]``, parsing from
    ``toks[start]`` with the keyword fallbacks ``fallback`` (no tree is
    built; what syntax-error messages are computed from)."""
    state = ParserState(fallback=fallback)
    for i in range(start, stop):
        if not state.feed(toks[i].kind):
            break
    return state
