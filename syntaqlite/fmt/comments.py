"""Where each comment goes: attached to a token, before or after it.

A comment on the same line as the token before it is that token's trailing
comment; any other comment leads the next token (or dangles at the end of
the file).  Formatting emits every token exactly once, with its comments, so
no comment can be lost and their order never changes.

Comments inside spans that are copied verbatim (``-- fmt: off`` statements,
virtual-table arguments) are not attached: the copied text carries them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..syntax.parser import ParseResult
from ..syntax.tokens import Token


class Placed:
    """A comment that leads a token (or ends the file)."""

    __slots__ = ("token", "own_line", "blank_before")

    token: Token
    own_line: bool
    """A line break separates it from what follows (always so for ``--``)."""
    blank_before: bool
    """A blank line separates it from what precedes it."""

    def __init__(self, token: Token, own_line: bool, blank_before: bool) -> None:
        self.token = token
        self.own_line = own_line
        self.blank_before = blank_before


class Comments:
    __slots__ = ("leading", "trailing", "dangling", "blank_after")

    leading: dict[int, list[Placed]]
    trailing: dict[int, list[Token]]
    dangling: list[Placed]
    blank_after: set[int]
    """Indexes of leading comments followed by a blank line."""

    def __init__(
        self,
        leading: dict[int, list[Placed]] | None = None,
        trailing: dict[int, list[Token]] | None = None,
        dangling: list[Placed] | None = None,
        blank_after: set[int] | None = None,
    ) -> None:
        self.leading = {} if leading is None else leading
        self.trailing = {} if trailing is None else trailing
        self.dangling = [] if dangling is None else dangling
        self.blank_after = set() if blank_after is None else blank_after


def count_outside(tokens: Sequence[Token], skip: Sequence[tuple[int, int]]) -> int:
    """How many comments of ``tokens`` lie outside the ``skip`` spans: the
    comments formatting must print (counted apart from :func:`attach`)."""
    n = 0
    for tok in tokens:
        if tok.kind == "COMMENT":
            start = tok.start
            for a, b in skip:
                if a <= start < b:
                    break
            else:
                n += 1
    return n


def is_line_comment(tok: Token) -> bool:
    return tok.text.startswith("--")


def may_have_comments(source: str) -> bool:
    """False when ``source`` cannot hold a comment: every comment token
    starts with ``--`` or ``/*`` (then no pass over the tokens is needed)."""
    return "--" in source or "/*" in source


def attach(result: ParseResult, skip: Sequence[tuple[int, int]] = ()) -> Comments:
    """Attach every comment that lies outside the ``skip`` spans
    (``(start, end)`` offsets) to a token."""
    source = result.source
    comments = Comments()
    if not may_have_comments(source):
        return comments
    prev: Token | None = None  # the last significant token
    last_end = 0  # end of the last token of any kind
    group: list[Token] = []  # comments waiting for the next significant token
    group_start = 0  # end of what preceded the group

    def flush(next_tok: Token | None) -> None:
        placed: list[Placed] = []
        before = group_start
        for i, c in enumerate(group):
            after = (
                group[i + 1].start if i + 1 < len(group) else (next_tok.start if next_tok else len(source))
            )
            placed.append(
                Placed(
                    c,
                    own_line=is_line_comment(c) or "\n" in source[c.end : after],
                    blank_before=source.count("\n", before, c.start) >= 2,
                )
            )
            if source.count("\n", c.end, after) >= 2:
                comments.blank_after.add(c.index)
            before = c.end
        if next_tok is None:
            comments.dangling.extend(placed)
        else:
            comments.leading.setdefault(next_tok.index, []).extend(placed)
        group.clear()

    last: Token | None = None  # the last token of any kind (its end is last_end)
    for tok in result.tokens:
        if tok.kind != "COMMENT":
            if group:
                flush(tok)
            prev = last = tok
            continue
        start = tok.start
        if skip and any(a <= start < b for a, b in skip):
            continue
        if last is not None:
            last_end = last.end
        if prev is not None and not group and "\n" not in source[last_end:start]:
            comments.trailing.setdefault(prev.index, []).append(tok)
        else:
            if not group:
                group_start = last_end
            group.append(tok)
        last = tok
    flush(None)
    return comments
