"""The formatting context: turns tokens and nodes into docs.

Rules (``fmt/rules/``) receive a :class:`Formatter` and build docs from a
node's fields (the typed properties of :mod:`syntaqlite.syntax.nodes`)
through it, so that every token goes through :meth:`tok`, which adds the
token's comments.  That is what guarantees that no comment is lost: each
comment is attached to exactly one token, and each token is emitted exactly
once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, cast

from ..syntax.cst import Node
from ..syntax.nodes import ConstraintName
from ..syntax.nodes.layout import first_token, last_token
from ..syntax.tokens import KEYWORD_KINDS, Token
from .comments import Comments, is_line_comment
from .doc import (
    BREAK_PARENT,
    FRESH_LINE,
    HARDLINE,
    LINE,
    SOFTLINE,
    SUFFIX_BREAK,
    Doc,
    Group,
    InlineComment,
    Keyword,
    LineSuffix,
    Verbatim,
    group,
    nest,
)
from .options import FormatOptions

Rule = Callable[["Formatter", Node], Doc]
"""A format rule: the doc of one node of the class it is registered for."""

# Keyword kinds that may also be names: they are keywords only where a rule
# says so (JOIN_KW in a join operator, INDEXED in INDEXED BY).
_NAME_LIKE: Final = frozenset({"JOIN_KW", "INDEXED"})
KEYWORDS: Final = KEYWORD_KINDS - _NAME_LIKE

# No space after these tokens, and none before those.
_NO_SPACE_AFTER: Final = frozenset({"LP", "DOT"})
_NO_SPACE_BEFORE: Final = frozenset({"RP", "COMMA", "DOT", "SEMI"})


class Formatter:
    def __init__(
        self,
        source: str,
        options: FormatOptions,
        comments: Comments,
        rules: dict[type[Node], Rule],
    ) -> None:
        self.source = source
        self.options = options
        self.comments = comments
        self.rules = rules
        self.emitted_comments = 0
        self.keep_names = options.column_names == "preserve"
        """Result columns named after their source text are copied as
        written (``rules.select.name_columns``)."""
        self.verbatim_columns: set[Node] = set()
        """The result columns to copy as written, marked before they are
        formatted (``rules.select.name_columns``)."""

    # -- tokens ---------------------------------------------------------------

    def tok(self, t: Token, *, keyword: bool | None = None) -> Doc:
        """A token as a doc, with its comments.  Keyword kinds become
        :class:`Keyword` (cased when printed); names keep their spelling."""
        if keyword is None:
            keyword = t.kind in KEYWORDS
        text: Doc = Keyword(t.text) if keyword else t.text
        comments = self.comments
        if comments.leading or comments.trailing:  # most texts have none left
            i = t.index
            if i in comments.leading or i in comments.trailing:
                return self._with_comments(t, text, t)
        return text  # most tokens have no comments: no call

    def kw(self, t: Token) -> Doc:
        """A token that is a keyword here even if its kind can be a name."""
        return self.tok(t, keyword=True)

    def _with_comments(self, first: Token, body: Doc, last: Token) -> Doc:
        if not self.comments.leading and not self.comments.trailing:
            return body  # (most texts have none left)
        leading = self.take_leading(first)
        trailing = self.comments.trailing.get(last.index)
        if leading is None and not trailing:
            return body
        parts: list[Doc] = [leading] if leading is not None else []
        parts.append(body)
        parts.extend(self._trailing(trailing or ()))
        return parts

    def trailing_doc(self, last: Token) -> list[Doc]:
        """The comments after ``last``, taken (a later call finds none): for
        a doc that ends with ``last`` but does not print it."""
        return self._trailing(self.comments.trailing.pop(last.index, ()))

    def _trailing(self, comments: Iterable[Token]) -> list[Doc]:
        """The comments on the line of the token before them.  A block
        comment is an :class:`InlineComment`: `` /* c */`` after the token,
        ``(/* c */ x)`` after ``(``."""
        parts: list[Doc] = []
        for c in comments:
            self.emitted_comments += 1
            if is_line_comment(c):
                # Only what follows the comment must move to another line:
                # the innermost group holding both breaks, so that
                # ``WHERE x = 1 -- note`` keeps its expression whole.
                parts.extend([LineSuffix([" ", c.text]), SUFFIX_BREAK])
            else:
                parts.append(InlineComment(c.text))
        return parts

    def take_leading(self, first: Token) -> Doc | None:
        """The comments before ``first`` as a doc, once: a second call
        returns None.  A statement takes its first token's comments this way
        so that they sit outside its groups and force no line breaks."""
        leading = self.comments.leading.pop(first.index, None)
        if not leading:
            return None
        parts: list[Doc] = []
        for i, placed in enumerate(leading):
            c = placed.token
            self.emitted_comments += 1
            if not placed.own_line:
                if (i == 0 or leading[i - 1].own_line) and any(p.own_line for p in leading[i + 1 :]):
                    # it starts a line of comments that ends before the
                    # token: that line stays a line of its own
                    parts.extend([HARDLINE, HARDLINE] if i and placed.blank_before else [FRESH_LINE])
                # Spaced by what precedes it when printed: ``x /* c */)``,
                # ``f /* c */(``, but ``(/* c */ x`` and ``WHERE /* c */ x``.
                parts.append(InlineComment(c.text))
                continue
            if i and not leading[i - 1].own_line:
                # on the line of the comment before it: ``/* a */ -- b``
                parts.append(InlineComment(c.text))
            else:
                parts.extend([HARDLINE, HARDLINE] if i and placed.blank_before else [FRESH_LINE])
                parts.append(self._comment_text(c))
            if i == len(leading) - 1 and c.index in self.comments.blank_after:
                parts.extend([HARDLINE, HARDLINE])
            else:
                parts.extend([FRESH_LINE, BREAK_PARENT])
        return parts

    @staticmethod
    def _comment_text(c: Token) -> Doc:
        return Verbatim(c.text) if "\n" in c.text else c.text

    def verbatim(self, first: Token, last: Token) -> Doc:
        """The source from ``first`` to ``last`` exactly as written (comments
        inside it included), with the comments around it."""
        comments = self.comments
        if comments.leading or comments.trailing:
            self._take_inside(first.index, last.index)
        return self._with_comments(first, Verbatim(self.source[first.start : last.end]), last)

    def _take_inside(self, first: int, last: int) -> None:
        """The comments attached between the tokens at ``first`` and
        ``last`` (indexes), taken: the text copied holds them.  (Those of a
        span known before formatting are not attached: ``verbatim_spans``.)"""
        leading = self.comments.leading
        trailing = self.comments.trailing
        for i in range(first, last + 1):
            if i > first and leading:
                placed = leading.pop(i, None)
                if placed is not None:
                    self.emitted_comments += len(placed)
            if i < last and trailing:
                after = trailing.pop(i, None)
                if after is not None:
                    self.emitted_comments += len(after)

    def verbatim_node(self, node: Node) -> Doc:
        return self.verbatim(first_token(node), last_token(node))

    # -- nodes ---------------------------------------------------------------

    def fmt(self, item: Node | Token) -> Doc:
        # type(...) is Token: one comparison (Token has no subclasses),
        # where isinstance(item, Node) walks the node class's bases.
        if type(item) is Token:
            return self.tok(item)
        node = cast(Node, item)  # compiled: no check (Node is not a compiled class)
        rule = self.rules.get(type(node))
        if rule is None:
            return self.spaced(node.children)
        return rule(self, node)

    def spaced(self, items: Sequence[Node | Token]) -> Doc:
        """Items separated by single spaces, except around ``.`` and inside
        parentheses, and before ``,`` ``)`` ``;``."""
        parts: list[Doc] = []
        prev: Node | Token | None = None
        for item in items:
            if prev is not None and _space_between(prev, item):
                parts.append(" ")
            parts.append(self.fmt(item))
            prev = item
        return parts[0] if len(parts) == 1 else parts  # one item: no concatenation to walk

    # -- layout helpers ------------------------------------------------------

    def comma_list(self, items: Iterable[Node | Token]) -> list[Doc]:
        """``a, b, c`` where ``items`` holds the elements and their comma
        tokens: a line break opportunity after each comma."""
        parts: list[Doc] = []
        after_element = False
        named = False
        for item in items:
            if type(item) is Token and item.kind == "COMMA":
                parts.extend([self.tok(item), LINE])
                after_element = named = False
            else:
                if after_element:  # two elements without a comma (table constraints)
                    parts.append(" " if named else LINE)  # "CONSTRAINT name" stays with its constraint
                # The comments before an element sit outside its groups: one
                # on its own line breaks the list, not the element.
                if self.comments.leading:
                    leading = self.take_leading(first_token(item))
                    if leading is not None:
                        parts.append(leading)
                parts.append(self.fmt(item))
                after_element = True
                named = type(item) is ConstraintName
        return parts

    def parenthesized(self, lp: Token, inner: Sequence[Node | Token], rp: Token) -> Doc:
        """``(a, b)`` when it fits, else one item per line, indented, with the
        closing parenthesis back at the line's indentation.  ``inner`` holds
        the elements and their commas (see ``rules.common.interleave``)."""
        if not inner:
            return self.empty_parentheses(lp, rp)
        return group(self.tok(lp), nest(SOFTLINE, self.comma_list(inner)), SOFTLINE, self.tok(rp))

    def empty_parentheses(self, lp: Token, rp: Token) -> Doc:
        """``()``; with a ``--`` comment after ``(``, ``)`` goes on the next
        line (a block comment stays between them)."""
        if any(is_line_comment(c) for c in self.comments.trailing.get(lp.index, ())):
            return group(self.tok(lp), SOFTLINE, self.tok(rp))
        return [self.tok(lp), self.tok(rp)]

    def enclosed(self, lp: Token, inner: Node, rp: Token) -> Group:
        """``(inner)`` (a query, an expression, a window); broken, ``inner``
        sits indented between the lines of the parentheses."""
        return group(self.tok(lp), nest(SOFTLINE, self.fmt(inner)), SOFTLINE, self.tok(rp))

    def clause(self, head: Doc, body: Doc) -> Group:
        """``KEYWORD body`` where the body moves to its own indented lines
        when it does not fit after the keyword."""
        return group(head, nest(LINE, body))


def _space_between(a: Node | Token, b: Node | Token) -> bool:
    return last_token(a).kind not in _NO_SPACE_AFTER and first_token(b).kind not in _NO_SPACE_BEFORE
