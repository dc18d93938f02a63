"""Check that formatting changed nothing but layout.

Two texts are equivalent for the formatter when they parse to the same
statements whose tokens are the same, in the same order, except for
whitespace, the case of keywords and the semicolons that end statements,
and when they hold the same comments in the same order, each between the
same two tokens.  Commas and semicolons do not count as neighbours: a
trailing ``--`` comment ends its line after the ``,`` or ``;`` that follows
it (``a -- note`` + ``,`` prints as ``a, -- note``).

Most outputs are checked without parsing them (:func:`same_tokens`): when
the output's tokens are the input's, with the same texts (a keyword's case
aside) and the comments where they were, parsing it would give the same
statements with the same tokens and comments, so the full check could find
nothing.  Only an output that moved a comment past a comma, dropped or
added a semicolon, or changed a name's case or quotes is parsed and
compared statement by statement.
"""

from __future__ import annotations

from ..syntax.cst import Node
from ..syntax.lexer import lexes_as
from ..syntax.nodes import GeneratedConstraint, TableOption, TypeName
from ..syntax.parser import ParseResult, parse
from ..syntax.target import DEFAULT_TARGET, Target
from ..syntax.tokens import COMMENT, KEYWORD_KINDS, Token
from ..text import Lines


def _key(tok: Token, case_free: set[int]) -> tuple[str, str]:
    if tok.kind in KEYWORD_KINDS or tok.index in case_free:
        return (tok.kind, tok.text.upper())
    return (tok.kind, tok.text)


def keyword_names(stmt: Node) -> set[int]:
    """Indexes of the tokens that SQLite reads as names but compares as
    keywords, case-insensitively: ``STORED``/``VIRTUAL`` of a generated
    column, ``ROWID``/``STRICT`` of a table option, a type name's trailing
    ``GENERATED ALWAYS`` (SQLite drops them from the type)."""
    out: set[int] = set()
    for node in stmt.walk():
        if isinstance(node, TableOption):
            out.add(node.name.index)
        elif isinstance(node, GeneratedConstraint):
            storage = node.storage
            if storage is not None:
                out.add(storage.index)
        elif isinstance(node, TypeName):
            out.update(t.index for t in generated_always(node))
    return out


def generated_always(node: TypeName) -> list[Token]:
    """The type name's last two words when they are GENERATED ALWAYS (the
    start of a generated column's constraint that SQLite's grammar reads as
    part of the type)."""
    tail = node.words[-2:]
    if len(tail) == 2 and [w.text.upper() for w in tail] == ["GENERATED", "ALWAYS"]:
        return tail
    return []


def _statement_keys(result: ParseResult) -> list[list[tuple[str, str]]]:
    out = []
    for stmt in result.statements:
        toks = list(stmt.tokens())
        if toks and toks[-1].kind == "SEMI" and toks[-1] is stmt.semicolon:
            toks.pop()
        case_free = keyword_names(stmt)
        out.append([_key(t, case_free) for t in toks])
    return out


def same_tokens(before: ParseResult, after_text: str, target: Target = DEFAULT_TARGET) -> bool:
    """Whether ``after_text`` lexes to ``before``'s tokens, comments
    included, one for one: each with the same text, or, for a keyword the
    parser kept as a keyword, the same kind and the same text but for case.

    Then :func:`difference` finds nothing, without a parse: a token's kind
    is a function of its text (for a given target), so the parser sees the
    same kinds, in the same order, with the same texts but for the case of
    keywords, which no grammar action tells apart (SQLite compares keywords
    case-insensitively); it builds the same statements from the same tokens
    and reports no error, and every comment has the same neighbours.  A
    keyword the parser read as a name (an ID in ``before.tokens``) matches
    only its exact text, as any name does.  False for a ``before`` with
    syntax errors (the full check reports them)."""
    if before.errors:
        return False
    if _same_core(before, after_text):
        return True
    # the output's tokens compared as they are lexed: none is made, so
    # neither time nor memory goes into tokens that are thrown away
    return lexes_as(after_text, before.tokens, target.keywords, target.lex_dialect)


_SPACE = " \t\n\f\r"  # what may start a run of whitespace for SQLite's tokenizer


def _same_core(before: ParseResult, after_text: str) -> bool:
    """Whether ``after_text`` is ``before``'s text from its first token to
    its last, with other whitespace around it that cannot change a token:
    the whitespace after the last token may differ only when that token is
    not a comment, a ``--`` comment (ended by a line feed either way) or a
    terminated block comment (an unterminated one runs to the end)."""
    source = before.source
    tokens = before.tokens
    if not tokens:
        return not after_text.strip(_SPACE)
    first, last = tokens[0], tokens[-1]
    size = last.end - first.start
    at = len(after_text) - len(after_text.lstrip(_SPACE))
    if len(after_text) - at < size or not after_text.startswith(source[first.start : last.end], at):
        return False
    trail = after_text[at + size :]
    if trail.strip(_SPACE):
        return False
    if trail == source[last.end :] or last.kind != COMMENT:
        return True
    text = last.text
    if text.startswith("--"):
        return trail[:1] == "\n" and source[last.end : last.end + 1] == "\n"
    return len(text) >= 4 and text.endswith("*/")


def difference(before: ParseResult, after_text: str, target: Target = DEFAULT_TARGET) -> str | None:
    """None when ``after_text`` is ``before``'s text reformatted without any
    change of meaning or comments; otherwise what differs."""
    if same_tokens(before, after_text, target):
        return None
    return full_difference(before, after_text, target)


def full_difference(before: ParseResult, after_text: str, target: Target = DEFAULT_TARGET) -> str | None:
    """:func:`difference` without the shortcut of :func:`same_tokens`: the
    output parsed and compared statement by statement (what the tests hold
    the shortcut to)."""
    after = parse(after_text, target)
    if after.errors:
        first = after.errors[0]
        line, column = Lines(after_text).position(first.start)
        return f"the output does not parse: {line}:{column}: {first.message}"
    a, b = _statement_keys(before), _statement_keys(after)
    if len(a) != len(b):
        return f"{len(a)} statements became {len(b)}"
    for n, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            k = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            seen = x[k][1] if k < len(x) else "<end>"
            now = y[k][1] if k < len(y) else "<end>"
            return f"statement {n}: token {k + 1} changed from {seen!r} to {now!r}"
    ca, cb = _placed_comments(before), _placed_comments(after)
    if [c for _n, c in ca] != [c for _n, c in cb]:
        return f"comments changed: {len(ca)} before, {len(cb)} after"
    for k, ((n, text), (m, _text)) in enumerate(zip(ca, cb)):
        if n != m:
            line, column = Lines(after_text).position(_nth_comment(after, k).start)
            place = f"after {_word_before(before, n)!r}" if n else "at the start"
            return f"comment {text[:40]!r} moved: it was {place}, the output has it at {line}:{column}"
    return None


_NOT_NEIGHBOURS = frozenset({"COMMENT", "COMMA", "SEMI"})


def _placed_comments(result: ParseResult) -> list[tuple[int, str]]:
    """Each comment with the number of tokens before it (comments, commas
    and semicolons not counted): the gap between two tokens it sits in."""
    out: list[tuple[int, str]] = []
    n = 0
    for t in result.tokens:
        if t.kind == "COMMENT":
            out.append((n, t.text))
        elif t.kind not in _NOT_NEIGHBOURS:
            n += 1
    return out


def _nth_comment(result: ParseResult, k: int) -> Token:
    return [t for t in result.tokens if t.kind == "COMMENT"][k]


def _word_before(result: ParseResult, n: int) -> str:
    """The text of the ``n``-th counted token (from 1)."""
    seen = 0
    for t in result.tokens:
        if t.kind not in _NOT_NEIGHBOURS:
            seen += 1
            if seen == n:
                return t.text
    return "<end>"
